/**
 * Decodes chunks of raw tensor bytes into float64-comparable arrays, fast: typed-array views
 * for native-endian data, lookup tables for float16 and bfloat16.
 */
import { bfloat16ToNumber, halfToNumber } from '../checkpoint/dtypes.ts'

export type NumericArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint16Array | Uint32Array | BigInt64Array | BigUint64Array

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
let halfTable: Float32Array | undefined
let bf16Table: Float32Array | undefined

function table(kind: 'float16' | 'bfloat16'): Float32Array {
  if (kind === 'float16') return (halfTable ??= Float32Array.from({ length: 65536 }, (_, i) => halfToNumber(i)))
  return (bf16Table ??= Float32Array.from({ length: 65536 }, (_, i) => bfloat16ToNumber(i)))
}

/** Values of `bytes` (a whole number of elements, any alignment) as numbers. */
export function decodeChunk(bytes: Uint8Array, dtype: string, littleEndian: boolean): NumericArray {
  // typed arrays need aligned offsets and host byte order: copy into a fresh buffer, swapping if needed
  const aligned = new Uint8Array(bytes.length)
  aligned.set(bytes)
  const size = { float64: 8, float32: 4, int64: 8, uint64: 8, int32: 4, uint32: 4, int16: 2, uint16: 2, float16: 2, bfloat16: 2 }[dtype] ?? 1
  if (littleEndian !== HOST_LITTLE_ENDIAN && size > 1)
    for (let i = 0; i < aligned.length; i += size) aligned.subarray(i, i + size).reverse()
  const buffer = aligned.buffer
  switch (dtype) {
    case 'float64': return new Float64Array(buffer)
    case 'float32': return new Float32Array(buffer)
    case 'int64': return new BigInt64Array(buffer)
    case 'uint64': return new BigUint64Array(buffer)
    case 'int32': return new Int32Array(buffer)
    case 'uint32': return new Uint32Array(buffer)
    case 'int16': return new Int16Array(buffer)
    case 'uint16': return new Uint16Array(buffer)
    case 'int8': return new Int8Array(buffer)
    case 'uint8': case 'bool': return new Uint8Array(buffer)
    case 'float16': case 'bfloat16': {
      const bits = new Uint16Array(buffer)
      const lookup = table(dtype)
      const out = new Float32Array(bits.length)
      for (let i = 0; i < bits.length; i++) out[i] = lookup[bits[i]!]!
      return out
    }
    default: throw new Error(`no numeric decoding for ${dtype}`)
  }
}
