/**
 * Decodes chunks of raw tensor bytes into float64 for the statistics, one loop per dtype so each
 * loop sees a single array type (monomorphic, which V8 compiles to tight code). Typed arrays view
 * the bytes in place when aligned and in host byte order; only otherwise is the chunk copied.
 */
import { bfloat16ToNumber, dtypeInfo, halfToNumber } from '../checkpoint/dtypes.ts'
import { float8Table, isFloat8 } from './float8.ts'

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
let halfTable: Float64Array | undefined
let bf16Table: Float64Array | undefined

function table16(kind: 'float16' | 'bfloat16'): Float64Array {
  if (kind === 'float16') return (halfTable ??= Float64Array.from({ length: 65536 }, (_, i) => halfToNumber(i)))
  return (bf16Table ??= Float64Array.from({ length: 65536 }, (_, i) => bfloat16ToNumber(i)))
}

/** Whether values of `dtype` can be decoded to numbers (others are compared bitwise). */
export function isDecodable(dtype: string): boolean {
  const kind = dtypeInfo(dtype)?.kind
  return kind === 'float' || kind === 'int' || kind === 'uint' || kind === 'bool' || isFloat8(dtype)
}

/** Floating dtypes (float8 included): the ones the overall mean |a−b| is taken over. */
export function isFloatingDtype(dtype: string): boolean {
  return dtypeInfo(dtype)?.kind === 'float' || isFloat8(dtype)
}

/** `bytes` as an ArrayBuffer-backed range usable by a typed array of `size`-byte elements in host order. */
export function hostAligned(bytes: Uint8Array, size: number, littleEndian: boolean): Uint8Array {
  const swap = littleEndian !== HOST_LITTLE_ENDIAN && size > 1
  if (bytes.byteOffset % size === 0 && !swap) return bytes
  const copy = new Uint8Array(bytes.length)
  copy.set(bytes)
  if (swap) for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse()
  return copy
}

/** A Float32Array over `bytes` (in place when possible). */
export function float32View(bytes: Uint8Array, littleEndian: boolean): Float32Array {
  const b = hostAligned(bytes, 4, littleEndian)
  return new Float32Array(b.buffer, b.byteOffset, b.length / 4)
}

function fromLookup(codes: Uint8Array | Uint16Array, lookup: Float64Array, out: Float64Array): void {
  for (let i = 0; i < codes.length; i++) out[i] = lookup[codes[i]!]!
}

function fromFloat64(values: Float64Array, out: Float64Array): void {
  out.set(values)
}

function fromBigInts(values: BigInt64Array | BigUint64Array, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) out[i] = Number(values[i]!)
}

/** Element count of `bytes` written to `out[0..count)` as float64 (exact for every dtype but 64-bit integers past 2^53). */
export function decodeInto(bytes: Uint8Array, dtype: string, littleEndian: boolean, out: Float64Array): void {
  if (isFloat8(dtype)) return fromLookup(bytes, float8Table(dtype), out)
  const size = dtypeInfo(dtype)?.itemSize ?? 1
  const b = hostAligned(bytes, size, littleEndian)
  const count = b.length / size
  switch (dtype) {
    case 'float64': return fromFloat64(new Float64Array(b.buffer, b.byteOffset, count), out)
    case 'float32': return out.set(new Float32Array(b.buffer, b.byteOffset, count))
    case 'float16': case 'bfloat16': return fromLookup(new Uint16Array(b.buffer, b.byteOffset, count), table16(dtype), out)
    case 'int64': return fromBigInts(new BigInt64Array(b.buffer, b.byteOffset, count), out)
    case 'uint64': return fromBigInts(new BigUint64Array(b.buffer, b.byteOffset, count), out)
    case 'int32': return out.set(new Int32Array(b.buffer, b.byteOffset, count))
    case 'uint32': return out.set(new Uint32Array(b.buffer, b.byteOffset, count))
    case 'int16': return out.set(new Int16Array(b.buffer, b.byteOffset, count))
    case 'uint16': return out.set(new Uint16Array(b.buffer, b.byteOffset, count))
    case 'int8': return out.set(new Int8Array(b.buffer, b.byteOffset, count))
    case 'uint8': case 'bool': return out.set(b)
    default: throw new Error(`no numeric decoding for ${dtype}`)
  }
}
