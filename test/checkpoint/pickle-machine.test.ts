import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CheckpointError } from '../../src/checkpoint/errors.ts'
import { classifyGlobal } from '../../src/checkpoint/pickle/global-policy.ts'
import { unpickle, type GlobalUse } from '../../src/checkpoint/pickle/unpickle.ts'
import { PyDict, PyObject, PyTuple } from '../../src/checkpoint/pickle/values.ts'

function run(bytes: number[] | Uint8Array, uses: GlobalUse[] = []) {
  return unpickle(Uint8Array.from(bytes), uses, { where: 'test.pkl' }).value
}
const P2 = [0x80, 0x02]
const STOP = 0x2e
/** LONG1 with `n` little-endian two's-complement bytes. */
function long1(bytes: number[]): number[] { return [0x8a, bytes.length, ...bytes] }

test('LONG1 is signed (pickleparser 0.2.1 read −1 as 255)', () => {
  assert.equal(run([...P2, ...long1([0xff]), STOP]), -1)
  assert.equal(run([...P2, ...long1([0x00, 0x00, 0x00, 0x00, 0x00, 0xff]), STOP]), -(2 ** 40))
  assert.equal(run([...P2, ...long1([]), STOP]), 0)
})

test('LONG1 beyond 8 bytes becomes an exact bigint (the legacy magic number is 10 bytes)', () => {
  assert.equal(run([...P2, ...long1([0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19]), STOP]), 0x1950a86a20f9469cfc6cn)
  const minus2to70 = [0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0xff]
  assert.equal(run([...P2, ...long1(minus2to70), STOP]), -(2n ** 70n))
  assert.equal(run([...P2, 0x8b, 2, 0, 0, 0, 0xff, 0xff, STOP]), -1) // LONG4
})

test('a dict key __proto__ stays a key and pollutes nothing', () => {
  const key = [...new TextEncoder().encode('__proto__')]
  const value = run([...P2, 0x7d, 0x8c, key.length, ...key, 0x4b, 1, 0x73, STOP]) as PyDict
  assert.equal(value.entries.get('__proto__'), 1)
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
  assert.equal(Object.getPrototypeOf(value), PyDict.prototype)
})

test('BUILD state never merges into JS objects', () => {
  // argparse.Namespace via NEWOBJ + BUILD({'__proto__': {'polluted': 1}})
  const text = (s: string) => { const b = [...new TextEncoder().encode(s)]; return [0x8c, b.length, ...b] }
  const bytes = [...P2, 0x63, ...new TextEncoder().encode('argparse\nNamespace\n'), 0x29, 0x81,
    0x7d, ...text('__proto__'), 0x7d, ...text('polluted'), 0x4b, 1, 0x73, 0x73, 0x62, STOP]
  const value = run(bytes) as PyObject
  assert.ok(value instanceof PyObject)
  assert.ok(value.state instanceof PyDict)
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
  assert.equal((value as unknown as Record<string, unknown>).polluted, undefined)
})

test('a list appended to itself (legal pickle) does not hang', () => {
  const value = run([...P2, 0x5d, 0x71, 0, 0x68, 0, 0x61, STOP]) as unknown[]
  assert.equal(value[0], value)
})

test('memo DAG of depth 30 (billion laughs) is built as a DAG, in linear time', () => {
  const bytes = [...P2, 0x5d, 0x71, 0] // EMPTY_LIST, BINPUT 0
  for (let i = 0; i < 30; i++) bytes.push(0x68, i, 0x68, i, 0x86, 0x71, i + 1) // (x, x) memoised
  bytes.push(STOP)
  const started = Date.now()
  const value = run(bytes) as PyTuple
  assert.ok(value instanceof PyTuple)
  assert.equal(value.items[0], value.items[1])
  assert.ok(Date.now() - started < 1000)
})

test('100,000 nested lists parse without recursion', () => {
  const bytes = [...P2]
  for (let i = 0; i < 100_000; i++) bytes.push(0x28) // MARK
  for (let i = 0; i < 99_999; i++) bytes.push(0x6c) // LIST
  assert.throws(() => run(bytes), CheckpointError) // unbalanced on purpose: must fail cleanly, not overflow
})

test('APPENDS with 1 M stack items is fine (pickleparser threw RangeError)', () => {
  const bytes = [...P2, 0x5d, 0x28]
  for (let i = 0; i < 1_000_000; i++) bytes.push(0x4b, i & 0xff)
  bytes.push(0x65, STOP)
  assert.equal((run(bytes) as number[]).length, 1_000_000)
})

test('opcode and stack caps end hostile streams with a clear error', () => {
  const bytes = new Uint8Array(2 + 2 * 6_000_000 + 1)
  bytes.set(P2)
  for (let i = 0; i < 6_000_000; i++) bytes.set([0x4b, 1], 2 + 2 * i)
  bytes[bytes.length - 1] = STOP
  assert.throws(() => run(bytes), /more than 5,000,000 stack items/)
})

test('globals seen before a parse error are kept', () => {
  const uses: GlobalUse[] = []
  const bytes = [...P2, 0x63, ...new TextEncoder().encode('posix\nsystem\n'), 0xff]
  assert.throws(() => run(bytes, uses), CheckpointError)
  assert.deepEqual(uses.map(u => [u.qualified, u.verdict]), [['posix.system', 'unsafe']])
})

test('FRAME: an opcode may cross the frame end, as in CPython\'s C unpickler; the frame must fit the stream', () => {
  // FRAME of 2 bytes, then a 5-byte BININT crossing its end
  const frame = [0x95, 2, 0, 0, 0, 0, 0, 0, 0]
  assert.equal(run([0x80, 0x04, ...frame, 0x4a, 1, 0, 0, 0, STOP]), 1)
  assert.equal(run([0x80, 0x04, 0x95, 3, 0, 0, 0, 0, 0, 0, 0, 0x4b, 7, STOP]), 7)
  assert.throws(() => run([0x80, 0x04, 0x95, 99, 0, 0, 0, 0, 0, 0, 0, 0x4b, 7, STOP]), /truncated|needs 99 bytes/)
})

test('what CPython accepts is read: base-0 text integers, SETITEM on a list, BUILD on a scalar', () => {
  const text = (s: string): number[] => [...new TextEncoder().encode(s)]
  assert.equal(run(text('I0x10\n.')), 16)
  assert.equal(run(text('I-0o17\n.')), -15)
  assert.equal(run(text('I0b1_01\n.')), 5)
  assert.equal(run(text('L1_000L\n.')), 1000)
  assert.equal(run(text('I000\n.')), 0)
  assert.throws(() => run(text('I007\n.')), /not an integer/) // int('007', 0) fails too
  assert.throws(() => run(text('I1__0\n.')), /not an integer/)
  assert.deepEqual(run([0x5d, 0x4b, 1, 0x61, 0x4b, 0, 0x4b, 5, 0x73, STOP]), [5])
  assert.deepEqual(run([0x5d, 0x4b, 1, 0x61, 0x4b, 9, 0x4b, 5, 0x73, STOP]), [1])
  assert.equal(run([0x4b, 5, 0x4e, 0x62, STOP]), 5)
  assert.equal(run(text('(I3\np1_0\n0g10\n.')), 3) // text PUT/GET indices are int(text) in base 10
  assert.equal(run([0x43, 1, 0x78, 0x98, 0x30, 0x4b, 7, STOP]), 7) // READONLY_BUFFER on bytes, without out-of-band buffers
  assert.equal(run([0x8c, 3, 0xed, 0xa0, 0x80, STOP]), '\ud800') // BINUNICODE is decoded with "surrogatepass"
  assert.throws(() => run([0x8c, 2, 0xc3, 0x28, STOP]), /not valid UTF-8/)
  assert.equal(run(text('Finf\n.')), Infinity)
  assert.equal(run(text('F-inf\n.')), -Infinity)
})

test('policy: py2 names are judged by their mapped form', () => {
  assert.equal(classifyGlobal('__builtin__', 'set').verdict, 'reconstruct')
  assert.equal(classifyGlobal('__builtin__', 'eval').verdict, 'unsafe')
  assert.equal(classifyGlobal('commands', 'getoutput').qualified, 'subprocess.getoutput')
  assert.equal(classifyGlobal('__main__', 'MyConfig').verdict, 'unknown')
  assert.equal(classifyGlobal('mypkg.models', 'Retriever').verdict, 'unknown')
  assert.equal(classifyGlobal('mypkg.tools', 'run').verdict, 'unsafe') // the verb heuristic
  assert.equal(classifyGlobal('torch', 'jit.load').verdict, 'unsafe') // dotted names reach submodules
  assert.equal(classifyGlobal('urllib.parse', 'urlparse').verdict, 'unknown')
})

test('integers up to 512 bits decode exactly; longer ones are an int record whose value is not read', () => {
  // 64 bytes 0x01 0x02 … 0x40, little-endian: the expected value built digit by digit, independently of the decoder
  const bytes = Array.from({ length: 64 }, (_, i) => i + 1)
  let expected = 0n
  for (let i = bytes.length - 1; i >= 0; i--) expected = expected * 256n + BigInt(bytes[i]!)
  assert.equal(run([...P2, 0x8b, 64, 0, 0, 0, ...bytes, STOP]), expected)
  const negative = [...bytes.slice(0, 63), 0xff]
  let magnitude = 0n
  for (let i = negative.length - 1; i >= 0; i--) magnitude = magnitude * 256n + BigInt(negative[i]!)
  assert.equal(run([...P2, 0x8b, 64, 0, 0, 0, ...negative, STOP]), magnitude - (1n << 512n))
  const long = run([...P2, 0x8b, 65, 0, 0, 0, ...bytes, 0x41, STOP])
  assert.ok(long instanceof PyObject && long.qualified === 'builtins.int', String(long))
  const digits = '9'.repeat(154)
  assert.equal(run([...new TextEncoder().encode(`L${digits}L\n.`)]), BigInt(digits))
  assert.equal(run([...new TextEncoder().encode(`I-${digits}\n.`)]), -BigInt(digits))
  const tooLong = run([...new TextEncoder().encode(`L${digits}9L\n.`)])
  assert.ok(tooLong instanceof PyObject && tooLong.qualified === 'builtins.int')
})
