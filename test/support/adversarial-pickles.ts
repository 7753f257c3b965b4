/**
 * Pickles built to make a naive decoder slow (opcode bytes per pickletools.py). Each builder
 * takes a size `scale` so that a test can double it and check that time grows linearly.
 * Shared by bench/pickle-worst-case.ts and test/checkpoint/linear-time.test.ts.
 */

const PROTO4 = [0x80, 0x04]
const STOP = 0x2e

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]
}

/** Concatenates byte chunks without building a giant JS number array. */
function concat(parts: Array<Uint8Array | number[]>): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** A pseudo-random byte pattern (no all-zero runs a decoder could shortcut). */
function pattern(length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = (i * 7919 + 13) & 0xff
  return out
}

/** One LONG4 integer of `bytes` bytes (`8b` + int32 length + little-endian two's complement). */
export function long4Pickle(bytes: number): Uint8Array {
  return concat([PROTO4, [0x8b, ...u32(bytes)], pattern(bytes), [STOP]])
}

/** A list of `count` LONG1 integers of `bytes` bytes each (255: the longest LONG1), appended in one APPENDS. */
export function long1ListPickle(count: number, bytes = 255): Uint8Array {
  const one = concat([[0x8a, bytes], pattern(bytes)])
  const parts: Array<Uint8Array | number[]> = [PROTO4, [0x5d, 0x28]] // EMPTY_LIST, MARK
  for (let i = 0; i < count; i++) parts.push(one)
  parts.push([0x65, STOP]) // APPENDS
  return concat(parts)
}

/** One BINUNICODE string of `bytes` UTF-8 bytes, mixing ASCII and two-byte characters. */
export function binunicodePickle(bytes: number): Uint8Array {
  const text = new Uint8Array(bytes)
  for (let i = 0; i < bytes; i += 4) text.set(i + 4 <= bytes ? [0x61, 0x62, 0xc3, 0xa9] : [0x61, 0x61, 0x61].slice(0, bytes - i), i) // "abé"
  return concat([PROTO4, [0x58, ...u32(bytes)], text, [STOP]])
}

/** Protocol 0: one text LONG (`L<digits>L\n`) of `digits` decimal digits. */
export function textLongPickle(digits: number): Uint8Array {
  const body = new Uint8Array(digits)
  for (let i = 0; i < digits; i++) body[i] = 0x31 + (i % 9)
  return concat([[0x4c], body, [0x4c, 0x0a, STOP]])
}

/**
 * Deep memo use: `levels` lists, each holding the previous one twice (via BINGET/LONG_BINGET),
 * a DAG with 2^levels paths; then `keys` dict entries whose keys are tuples wrapping that DAG,
 * so a decoder that walks or renders shared values per use does exponential or quadratic work.
 */
export function deepMemoPickle(levels: number, keys = levels): Uint8Array {
  const parts: Array<Uint8Array | number[]> = [PROTO4, [0x7d, 0x94]] // EMPTY_DICT, MEMOIZE (slot 0: the dict)
  parts.push([0x5d, 0x94, 0x30]) // slot 1: [] (POP: only the memo keeps it)
  for (let i = 1; i <= levels; i++) {
    parts.push([0x28, 0x6a, ...u32(i), 0x6a, ...u32(i), 0x6c, 0x94, 0x30]) // MARK GET i GET i LIST MEMOIZE POP → slot i+1
  }
  const top = levels + 1
  for (let k = 0; k < keys; k++) {
    // (top, k) as a key, None as the value: LONG_BINGET top, BININT k, TUPLE2, NONE, SETITEM
    parts.push([0x6a, ...u32(top), 0x4a, ...u32(k), 0x86, 0x4e, 0x73])
  }
  // and the DAG itself as a value, so walkers over values meet it too
  parts.push([0x8c, 3, 0x64, 0x61, 0x67, 0x6a, ...u32(top), 0x73, STOP]) // 'dag': top, SETITEM
  return concat(parts)
}

const ascii = (text: string): number[] => [...new TextEncoder().encode(text)]

/**
 * Memo amplification: one large value stored once (MEMOIZE), then handed `uses` times to a
 * function whose interpretation costs its size: `torch.storage._load_from_bytes(blob)` (an
 * embedded checkpoint to scan), `_codecs.encode(text, 'latin1')`, or `collections.OrderedDict(pairs)`.
 * Each use costs a dozen bytes of input, so a decoder that redoes the work per use is not linear.
 */
export function memoAmplificationPickle(kind: 'load_from_bytes' | 'codecs' | 'ordered_dict', uses: number, size = 1 << 20): Uint8Array {
  const parts: Array<Uint8Array | number[]> = [PROTO4, [0x5d]] // EMPTY_LIST: collects the results
  if (kind === 'load_from_bytes') {
    const blob = concat([[0x80, 0x02, 0x58, ...u32(size)], new Uint8Array(size).fill(0x61), [STOP]]) // a plain pickle of a string
    parts.push([0x42, ...u32(blob.length)], blob, [0x94, 0x30]) // BINBYTES, MEMOIZE (slot 0), POP
  } else if (kind === 'codecs') {
    parts.push([0x58, ...u32(size)], new Uint8Array(size).fill(0x61), [0x94, 0x30]) // BINUNICODE, MEMOIZE, POP
  } else {
    parts.push([0x5d, 0x28]) // EMPTY_LIST MARK, then size/16 pairs (k, None)
    for (let i = 0; i < size / 16; i++) parts.push([0x4a, ...u32(i), 0x4e, 0x86])
    parts.push([0x65, 0x94, 0x30]) // APPENDS, MEMOIZE, POP
  }
  const func = kind === 'load_from_bytes' ? 'torch.storage\n_load_from_bytes\n' : kind === 'codecs' ? '_codecs\nencode\n' : 'collections\nOrderedDict\n'
  parts.push([0x63, ...ascii(func), 0x94, 0x30]) // GLOBAL once, MEMOIZE (slot 1), POP
  const extra = kind === 'codecs' ? [0x8c, 6, ...ascii('latin1'), 0x86] : [0x85] // (text, 'latin1') or (value,)
  const one = [0x68, 1, 0x68, 0, ...extra, 0x52, 0x61] // BINGET func, BINGET value, TUPLE, REDUCE, APPEND
  for (let i = 0; i < uses; i++) parts.push(one)
  parts.push([STOP])
  return concat(parts)
}

/**
 * One `entries`-item dict (values: one shared empty list) set by BUILD as the state of `objects`
 * argparse.Namespace instances, the values of a top-level dict: a walker that re-reads a shared
 * state per object does `objects × entries` work for a file of `7 × entries + 14 × objects` bytes.
 */
export function sharedStatePickle(entries: number, objects: number): Uint8Array {
  const parts: Array<Uint8Array | number[]> = [PROTO4, [0x7d, 0x5d, 0x94, 0x30, 0x7d, 0x28]] // {}, [] (slot 0) POP, {} MARK
  for (let i = 0; i < entries; i++) parts.push([0x4a, ...u32(i), 0x68, 0]) // i: slot 0
  parts.push([0x75, 0x94, 0x30]) // SETITEMS, MEMOIZE (slot 1: the state), POP
  parts.push([0x63, ...ascii('argparse\nNamespace\n'), 0x94, 0x30]) // slot 2: the class
  for (let j = 0; j < objects; j++) parts.push([0x4a, ...u32(j), 0x68, 2, 0x29, 0x81, 0x68, 1, 0x62, 0x73]) // j: Namespace() BUILD(state), SETITEM
  parts.push([STOP])
  return concat(parts)
}

/** One `items`-item tuple memoized and passed to NEWOBJ of `objects` instances (dict values), so walkers meet it per object. */
export function sharedArgsPickle(items: number, objects: number): Uint8Array {
  const parts: Array<Uint8Array | number[]> = [PROTO4, [0x7d, 0x28]] // {}, MARK
  for (let i = 0; i < items; i++) parts.push([0x4e]) // None
  parts.push([0x74, 0x94, 0x30]) // TUPLE, MEMOIZE (slot 0), POP
  parts.push([0x63, ...ascii('mymodule\nThing\n'), 0x94, 0x30]) // slot 1: the class
  for (let j = 0; j < objects; j++) parts.push([0x4a, ...u32(j), 0x68, 1, 0x68, 0, 0x81, 0x73]) // j: Thing(*args) via NEWOBJ, SETITEM
  parts.push([STOP])
  return concat(parts)
}

/** `count` GLOBALs `mod.a.b` in one MARK list (9 bytes each): one name classified and recorded a million times. */
export function globalListPickle(count: number): Uint8Array {
  const one = new TextEncoder().encode('cmod.a\nb\n')
  const out = new Uint8Array(3 + one.length * count + 2)
  out.set([0x80, 0x02, 0x28])
  for (let i = 0; i < count; i++) out.set(one, 3 + i * one.length)
  out.set([0x6c, STOP], out.length - 2) // LIST, STOP
  return out
}
