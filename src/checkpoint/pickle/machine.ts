/**
 * A symbolic pickle machine: it walks the opcodes of a pickle stream (protocols 0 to 5,
 * https://github.com/python/cpython/blob/main/Lib/pickletools.py) and builds inert values.
 * It never imports or calls anything: GLOBAL pushes a name, REDUCE/NEWOBJ/BUILD are handed
 * to the caller's hooks, which only build records.
 *
 * Every length read from the stream is checked before use, so each opcode moves the cursor
 * forward, and each does work linear in the bytes it consumes (integers over MAX_INT_BYTES
 * are not decoded; strings decode once; keys render under a budget), so
 * parsing is linear in the input. Counts of opcodes, stack items and memo entries are capped.
 */
import { CheckpointError, n } from '../errors.ts'
import { PyDict, PyGlobal, PyObject, PySet, PyTuple, toKey, type PyValue } from './values.ts'

export interface PickleHooks {
  /** GLOBAL, STACK_GLOBAL and INST. `module`/`name` are non-strings only for computed STACK_GLOBAL operands. */
  findClass(module: PyValue, name: PyValue, offset: number): PyValue
  /** REDUCE: `func(*args)`. */
  call(func: PyValue, args: PyValue[], offset: number): PyValue
  /** NEWOBJ, NEWOBJ_EX, INST, OBJ: `cls.__new__(cls, *args, **kwargs)`. */
  instantiate(cls: PyValue, args: PyValue[], kwargs: PyDict | undefined, offset: number): PyValue
  /** BUILD: `obj.__setstate__(state)`. Must not merge state into JS objects. */
  build(obj: PyValue, state: PyValue, offset: number): void
  /** PERSID and BINPERSID. */
  persistentLoad(pid: PyValue, offset: number): PyValue
}

export interface PickleLimits {
  maxOpcodes: number
  maxStackItems: number
  maxMemo: number
  maxLineLength: number
}

export const DEFAULT_PICKLE_LIMITS: PickleLimits = {
  maxOpcodes: 50_000_000,
  maxStackItems: 5_000_000,
  maxMemo: 2_000_000,
  maxLineLength: 64 * 1024,
}

/** Thrown when the buffer ends before STOP but the caller said more bytes exist: read more and retry. */
export class NeedMoreBytes extends Error {}

export interface PickleResult {
  value: PyValue
  /** Offset just past the STOP opcode. */
  end: number
  protocol: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const latin1 = new TextDecoder('latin1')

/**
 * Runs one pickle starting at `start` of `bytes`, up to its STOP opcode.
 * `complete` says whether `bytes` ends where the stream ends (else running off the end throws NeedMoreBytes).
 */
export function runPickle(bytes: Uint8Array, start: number, hooks: PickleHooks, what: string,
                          complete = true, limits: PickleLimits = DEFAULT_PICKLE_LIMITS): PickleResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let pos = start
  let opStart = start
  let stack: PyValue[] = []
  const metastack: PyValue[][] = []
  let stackItems = 0
  const memo = new Map<number, PyValue>()
  let protocol = 0

  const fail = (message: string): never => {
    throw new CheckpointError('corrupt', `${what}: ${message} at byte ${n(opStart)}`)
  }
  const need = (count: number): void => {
    if (count < 0 || !Number.isSafeInteger(count)) fail(`invalid length ${count}`)
    if (pos + count > bytes.length) {
      if (!complete) throw new NeedMoreBytes()
      throw new CheckpointError('truncated', `${what}: the pickle needs ${n(count)} bytes at byte ${n(pos)} but the stream ends at ${n(bytes.length)}`)
    }
  }
  const take = (count: number): Uint8Array => {
    need(count)
    const out = bytes.subarray(pos, pos + count)
    pos += count
    return out
  }
  const u8 = (): number => { need(1); return bytes[pos++]! }
  const u16 = (): number => { need(2); const v = view.getUint16(pos, true); pos += 2; return v }
  const u32 = (): number => { need(4); const v = view.getUint32(pos, true); pos += 4; return v }
  const i32 = (): number => { need(4); const v = view.getInt32(pos, true); pos += 4; return v }
  const u64 = (): number => {
    need(8)
    const v = view.getBigUint64(pos, true)
    pos += 8
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail(`8-byte length ${v} is beyond any real file`)
    return Number(v)
  }
  /** The bytes up to the next newline (which is consumed), under the line cap. */
  const lineBytes = (): Uint8Array => {
    const limit = Math.min(bytes.length, pos + limits.maxLineLength)
    for (let i = pos; i < limit; i++) {
      if (bytes[i] === 0x0a) {
        const raw = bytes.subarray(pos, i)
        pos = i + 1
        return raw
      }
    }
    if (limit === bytes.length && bytes.length - pos < limits.maxLineLength) need(bytes.length - pos + 1)
    throw new CheckpointError('too-large', `${what}: text line longer than ${n(limits.maxLineLength)} bytes at byte ${n(opStart)}`)
  }
  const line = (): string => {
    const raw = lineBytes()
    return shortAscii(raw) ?? latin1.decode(raw)
  }
  const utf8Line = (): string => {
    const raw = lineBytes()
    const ascii = shortAscii(raw)
    if (ascii !== undefined) return ascii
    try { return utf8.decode(raw) } catch { return fail('name is not valid UTF-8') }
  }
  const decodeUtf8 = (raw: Uint8Array): string => decodeSurrogatepass(raw) ?? fail('string is not valid UTF-8')
  const push = (value: PyValue): void => {
    if (++stackItems > limits.maxStackItems) fail(`more than ${n(limits.maxStackItems)} stack items`)
    stack.push(value)
  }
  const pop = (): PyValue => {
    if (stack.length === 0) fail('stack underflow')
    stackItems--
    return stack.pop()!
  }
  const top = (): PyValue => {
    if (stack.length === 0) fail('stack underflow')
    return stack[stack.length - 1]!
  }
  const popMark = (): PyValue[] => {
    const items = stack
    const previous = metastack.pop()
    if (previous === undefined) return fail('MARK underflow')
    stack = previous
    stackItems -= items.length
    return items
  }
  const memoGet = (index: number): PyValue => {
    if (!memo.has(index)) fail(`memo slot ${index} was never set`)
    return memo.get(index)!
  }
  const memoPut = (index: number): void => {
    if (memo.size >= limits.maxMemo && !memo.has(index)) fail(`more than ${n(limits.maxMemo)} memo entries`)
    memo.set(index, top())
  }
  // CPython's unpickler calls `target[key] = value` / `target.append(item)` on whatever is there
  // (a list takes an index, a bytearray appends): refusing what it accepts would hide the opcodes
  // after them (docs/security.md §4, parser differentials). Targets we do not model ignore them.
  const setItems = (target: PyValue, pairs: PyValue[]): void => {
    if (pairs.length % 2 !== 0) fail('SETITEMS with an odd number of items')
    if (Array.isArray(target)) return setListItems(target, pairs)
    const map = mapOf(target)
    if (map !== undefined) for (let i = 0; i < pairs.length; i += 2) map.set(toKey(pairs[i]!), pairs[i + 1]!)
  }
  const appendItems = (target: PyValue, items: PyValue[]): void => {
    const list = listOf(target)
    if (list !== undefined) for (const item of items) list.push(item)
  }

  for (let opcodes = 0; ; opcodes++) {
    if (opcodes >= limits.maxOpcodes) fail(`more than ${n(limits.maxOpcodes)} opcodes`)
    opStart = pos
    const op = u8()
    switch (op) {
      case 0x80: { // PROTO
        const version = u8()
        if (version > 5) fail(`unsupported pickle protocol ${version}`)
        protocol = version
        break
      }
      case 0x95: { // FRAME: an 8-byte length that must fit the stream; CPython's C unpickler
        // (what pickle.load runs) only prefetches it and lets opcodes cross its end, so we do too
        need(u64())
        break
      }
      case 0x2e: { // STOP
        const value = pop()
        return { value, end: pos, protocol }
      }
      case 0x28: metastack.push(stack); stack = []; if (metastack.length > 100_000) fail('MARKs nested deeper than 100,000'); break // MARK
      case 0x30: if (stack.length > 0) pop(); else popMark(); break // POP
      case 0x31: popMark(); break // POP_MARK
      case 0x32: push(top()); break // DUP
      case 0x4e: push(null); break // NONE
      case 0x88: push(true); break // NEWTRUE
      case 0x89: push(false); break // NEWFALSE
      case 0x4a: push(i32()); break // BININT
      case 0x4b: push(u8()); break // BININT1
      case 0x4d: push(u16()); break // BININT2
      case 0x8a: push(decodeLong(take(u8()))); break // LONG1
      case 0x8b: { // LONG4
        const length = i32()
        if (length < 0) fail(`negative LONG4 length ${length}`)
        push(decodeLong(take(length)))
        break
      }
      case 0x49: { // INT (text); "00"/"01" are False/True in protocol 0
        const text = line().trim()
        if (text === '00') push(false)
        else if (text === '01') push(true)
        else push(parseIntText(text, fail))
        break
      }
      case 0x4c: push(parseIntText(line().trim().replace(/L$/, ''), fail)); break // LONG (text), `int(text, 0)` too
      case 0x46: push(parseFloatText(line().trim())); break // FLOAT (text): repr(float), so `inf` and `nan` too
      case 0x47: { need(8); push(view.getFloat64(pos, false)); pos += 8; break } // BINFLOAT, big-endian
      case 0x53: push(unquotePythonString(line(), fail)); break // STRING (text, quoted)
      case 0x54: { // BINSTRING: signed 4-byte length
        const length = i32()
        if (length < 0) fail(`negative BINSTRING length ${length}`)
        push(latin1.decode(take(length)))
        break
      }
      case 0x55: push(latin1.decode(take(u8()))); break // SHORT_BINSTRING
      case 0x56: push(rawUnicodeEscape(line())); break // UNICODE (text)
      case 0x58: push(decodeUtf8(take(u32()))); break // BINUNICODE
      case 0x8c: push(decodeUtf8(take(u8()))); break // SHORT_BINUNICODE
      case 0x8d: push(decodeUtf8(take(u64()))); break // BINUNICODE8
      case 0x42: push(take(u32()).slice()); break // BINBYTES
      case 0x43: push(take(u8()).slice()); break // SHORT_BINBYTES
      case 0x8e: push(take(u64()).slice()); break // BINBYTES8
      case 0x96: push(take(u64()).slice()); break // BYTEARRAY8
      case 0x97: fail('out-of-band buffers (protocol 5 NEXT_BUFFER) are not supported: pickle.load without buffers refuses them too'); break
      case 0x98: top(); break // READONLY_BUFFER: CPython makes the bytes on top read-only, buffers or not
      case 0x29: push(new PyTuple([])); break // EMPTY_TUPLE
      case 0x74: push(new PyTuple(popMark())); break // TUPLE
      case 0x85: push(new PyTuple([pop()])); break // TUPLE1
      case 0x86: { const b = pop(); const a = pop(); push(new PyTuple([a, b])); break } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); const a = pop(); push(new PyTuple([a, b, c])); break } // TUPLE3
      case 0x5d: push([]); break // EMPTY_LIST
      case 0x6c: push(popMark()); break // LIST
      case 0x7d: push(new PyDict()); break // EMPTY_DICT
      case 0x64: { const dict = new PyDict(); setItems(dict, popMark()); push(dict); break } // DICT
      case 0x8f: push(new PySet([], false)); break // EMPTY_SET
      case 0x91: push(new PySet(popMark(), true)); break // FROZENSET
      case 0x90: { // ADDITEMS
        const items = popMark()
        const target = top()
        // no spread: a million arguments overflow the call stack; CPython calls `add` on other targets
        if (target instanceof PySet) for (const item of items) target.items.push(item)
        break
      }
      case 0x61: { const value = pop(); appendItems(top(), [value]); break } // APPEND
      case 0x65: { const items = popMark(); appendItems(top(), items); break } // APPENDS
      case 0x73: { const value = pop(); const key = pop(); setItems(top(), [key, value]); break } // SETITEM
      case 0x75: { const items = popMark(); setItems(top(), items); break } // SETITEMS
      case 0x70: memoPut(parseIntStrict(line(), fail)); break // PUT (text)
      case 0x71: memoPut(u8()); break // BINPUT
      case 0x72: memoPut(u32()); break // LONG_BINPUT
      case 0x94: memoPut(memo.size); break // MEMOIZE
      case 0x67: push(memoGet(parseIntStrict(line(), fail))); break // GET (text)
      case 0x68: push(memoGet(u8())); break // BINGET
      case 0x6a: push(memoGet(u32())); break // LONG_BINGET
      case 0x63: { const module = utf8Line(); const name = utf8Line(); push(hooks.findClass(module, name, opStart)); break } // GLOBAL
      case 0x93: { const name = pop(); const module = pop(); push(hooks.findClass(module, name, opStart)); break } // STACK_GLOBAL
      case 0x69: { // INST: class by name, arguments since the MARK
        const module = utf8Line()
        const name = utf8Line()
        const args = popMark()
        const cls = hooks.findClass(module, name, opStart)
        push(hooks.instantiate(cls, args, undefined, opStart))
        break
      }
      case 0x6f: { // OBJ: class and arguments since the MARK
        const items = popMark()
        if (items.length === 0) fail('OBJ without a class')
        push(hooks.instantiate(items[0]!, items.slice(1), undefined, opStart))
        break
      }
      case 0x81: { const args = pop(); const cls = pop(); push(hooks.instantiate(cls, tupleItems(args, 'NEWOBJ', fail), undefined, opStart)); break } // NEWOBJ
      case 0x92: { // NEWOBJ_EX
        const kwargs = pop()
        const args = pop()
        const cls = pop()
        push(hooks.instantiate(cls, tupleItems(args, 'NEWOBJ_EX', fail), kwargs instanceof PyDict ? kwargs : undefined, opStart))
        break
      }
      case 0x52: { // REDUCE
        const args = pop()
        const func = pop()
        push(hooks.call(func, tupleItems(args, 'REDUCE', fail), opStart))
        break
      }
      case 0x62: { const state = pop(); hooks.build(top(), state, opStart); break } // BUILD
      case 0x50: push(hooks.persistentLoad(line(), opStart)); break // PERSID
      case 0x51: { const pid = pop(); push(hooks.persistentLoad(pid, opStart)); break } // BINPERSID
      case 0x82: case 0x83: case 0x84: fail('extension codes (EXT1/EXT2/EXT4) are not registered'); break
      default:
        fail(`unknown opcode 0x${op.toString(16).padStart(2, '0')}`)
    }
  }
}

/**
 * A short ASCII run as a string without a TextDecoder call, whose fixed cost dominated a pickle
 * of a million GLOBALs (module and class names are short ASCII); undefined for anything else.
 */
const ASCII = Array.from({ length: 128 }, (_, b) => String.fromCharCode(b))

function shortAscii(raw: Uint8Array): string | undefined {
  if (raw.length > 128) return undefined
  let text = ''
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!
    if (byte >= 0x80) return undefined
    text += ASCII[byte]!
  }
  return text
}

/**
 * BINUNICODE text as CPython decodes it, with "surrogatepass": UTF-8-encoded surrogates
 * (ED A0–BF 80–BF) are accepted, so refusing them would hide the opcodes after (§4). Linear:
 * the strict decoder runs once, and only a string it refuses is looked at byte by byte.
 */
function decodeSurrogatepass(raw: Uint8Array): string | undefined {
  const strict = (part: Uint8Array): string | undefined => { try { return utf8.decode(part) } catch { return undefined } }
  const whole = strict(raw)
  if (whole !== undefined) return whole
  let text = ''
  let from = 0
  for (let i = 0; i + 2 < raw.length; i++) {
    if (raw[i] !== 0xed || raw[i + 1]! < 0xa0 || raw[i + 1]! > 0xbf || raw[i + 2]! < 0x80 || raw[i + 2]! > 0xbf) continue
    const before = strict(raw.subarray(from, i))
    if (before === undefined) return undefined
    text += before + String.fromCharCode(0xd000 | ((raw[i + 1]! & 0x3f) << 6) | (raw[i + 2]! & 0x3f))
    i += 2
    from = i + 1
  }
  if (from === 0) return undefined
  const rest = strict(raw.subarray(from))
  return rest === undefined ? undefined : text + rest
}

/** FLOAT (text) holds `repr(float)`: Python spells infinities and NaN `inf` and `nan`. */
function parseFloatText(text: string): number {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text)
  if (special === null) return Number(text) // never refused: a wrong number hides no opcode
  if (special[2]!.toLowerCase() === 'nan') return NaN
  return special[1] === '-' ? -Infinity : Infinity
}

function toNumber(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value
}

/**
 * Integers beyond 512 bits (64 bytes of LONG1/LONG4, 154 digits of text INT/LONG) are kept as an
 * `int` record whose value is not read: no hyperparameter is that long (the longest real one,
 * a 128-bit seed, has 16 bytes), and decoding each costs a bigint parse that an attacker could
 * repeat 400,000 times. Skipping them keeps every integer opcode O(its bytes) with a small constant.
 */
export const MAX_INT_BYTES = 64
const MAX_INT_DIGITS = 154 // 10^154 < 2^512

/**
 * An integer too long to decode: one shared inert record, so 400,000 of them cost no allocation
 * or walk. Frozen: BUILD/APPEND on it (invalid on a Python int too) fails as a corrupt pickle.
 */
const UNREAD_INT = Object.freeze(new PyObject(new PyGlobal('builtins', 'int'), [])) as PyObject

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

/** LONG1/LONG4 payload: little-endian two's complement (pickletools `decode_long`), in time linear in its length. */
export function decodeLong(raw: Uint8Array): number | bigint | PyObject {
  if (raw.length === 0) return 0
  if (raw.length > MAX_INT_BYTES) return UNREAD_INT
  const negative = (raw[raw.length - 1]! & 0x80) !== 0
  if (raw.length <= 6) { // fits a double exactly
    let value = 0
    for (let i = raw.length - 1; i >= 0; i--) value = value * 256 + raw[i]!
    return negative ? value - 2 ** (8 * raw.length) : value
  }
  const digits: string[] = []
  for (let i = raw.length - 1; i >= 0; i--) digits.push(HEX[raw[i]!]!)
  let value = BigInt(`0x${digits.join('')}`)
  if (negative) value -= 1n << BigInt(raw.length * 8)
  return toNumber(value)
}

/**
 * Text INT/LONG: pickle.py and _pickle.c read them with `int(text, 0)` (pickletools `decimalnl_short`
 * is what Python writes; the reader takes more): a sign, then `0x`/`0o`/`0b` or decimal, with
 * single underscores between digits. Anything CPython accepts is read, or the bytes after it would
 * go unscanned (docs/security.md §4, parser differentials). Over 512 bits: an unread int.
 */
const INT_LITERAL = /^([+-]?)(?:0([xX])((?:_?[0-9a-fA-F])+)|0([oO])((?:_?[0-7])+)|0([bB])((?:_?[01])+)|([1-9](?:_?\d)*|0(?:_?0)*))$/
const BITS_PER_DIGIT: Readonly<Record<string, number>> = { x: 4, o: 3, b: 1 }

function parseIntText(text: string, fail: (m: string) => never): number | bigint | PyObject {
  const match = INT_LITERAL.exec(text)
  if (match === null) return fail(`INT/LONG is not an integer: ${JSON.stringify(text.slice(0, 40))}`)
  const [, sign, hex, hexDigits, oct, octDigits, bin, binDigits, decimal] = match
  const radix = (hex ?? oct ?? bin)?.toLowerCase()
  const digits = (hexDigits ?? octDigits ?? binDigits ?? decimal!).replaceAll('_', '')
  const tooLong = radix === undefined ? digits.length > MAX_INT_DIGITS : digits.replace(/^0+/, '').length * BITS_PER_DIGIT[radix]! > 8 * MAX_INT_BYTES
  if (tooLong) return UNREAD_INT
  const magnitude = BigInt(radix === undefined ? digits : `0${radix}${digits}`)
  return toNumber(sign === '-' ? -magnitude : magnitude)
}

/** PUT/GET (text): `int(text)` in base 10 (underscores allowed), not negative. */
function parseIntStrict(text: string, fail: (m: string) => never): number {
  const trimmed = text.trim()
  const value = /^\+?\d(?:_?\d)*$/.test(trimmed) ? Number(trimmed.replace(/^\+/, '').replaceAll('_', '')) : NaN
  if (!Number.isSafeInteger(value)) fail(`bad memo index ${JSON.stringify(text.slice(0, 40))}`)
  return value
}

/** SETITEM(S) on a list: `list[i] = v` for an index in range; CPython would raise on others, we read on. */
function setListItems(list: PyValue[], pairs: PyValue[]): void {
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i]
    const index = typeof key === 'number' && Number.isSafeInteger(key) ? (key < 0 ? list.length + key : key) : -1
    if (index >= 0 && index < list.length) list[index] = pairs[i + 1]!
  }
}

function tupleItems(value: PyValue, opcode: string, fail: (m: string) => never): PyValue[] {
  if (value instanceof PyTuple) return value.items
  if (Array.isArray(value)) return value
  return fail(`${opcode} arguments are a ${typeName(value)}, not a tuple`)
}

/** Where SETITEM(S) stores: a dict, or the dict part of an object (dict subclasses). */
function mapOf(target: PyValue): Map<unknown, PyValue> | undefined {
  if (target instanceof PyDict) return target.entries
  if (target instanceof PyObject) {
    target.items ??= new Map()
    return target.items
  }
  return undefined
}

/** Where APPEND(S) stores: a list, or the list part of an object (list subclasses). */
function listOf(target: PyValue): PyValue[] | undefined {
  if (Array.isArray(target)) return target
  if (target instanceof PyObject) {
    target.list ??= []
    return target.list
  }
  return undefined
}

export function typeName(value: PyValue): string {
  if (value === null) return 'None'
  if (Array.isArray(value)) return 'list'
  if (value instanceof Uint8Array) return 'bytes'
  if (typeof value === 'object') return value.constructor.name
  return typeof value
}

/** Decodes a protocol-0 STRING argument: a Python repr with quotes and backslash escapes. */
function unquotePythonString(text: string, fail: (m: string) => never): string {
  const quote = text[0]
  if (text.length < 2 || (quote !== "'" && quote !== '"') || text[text.length - 1] !== quote) fail('STRING is not quoted')
  const body = text.slice(1, -1)
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_, esc: string) => {
    if (esc[0] === 'x') return String.fromCharCode(parseInt(esc.slice(1), 16))
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8))
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[esc] ?? '\\' + esc
  })
}

/** Decodes a protocol-0 UNICODE argument (raw-unicode-escape). */
function rawUnicodeEscape(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, short?: string, long?: string) =>
    String.fromCodePoint(Math.min(parseInt((short ?? long)!, 16), 0x10ffff)))
}
