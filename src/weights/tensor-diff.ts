/**
 * Difference statistics of one tensor pair, streamed: both storages are read in bounded chunks
 * side by side, so memory stays flat whatever the tensor size. Equal raw chunks are bit-identical
 * and skip the arithmetic (frozen layers cost one memcmp). Views that are not contiguous are
 * gathered element by element from their storage span, up to a cap.
 */
import { readRange } from '../checkpoint/byte-source.ts'
import type { Checkpoint, StorageLocation } from '../checkpoint/checkpoint.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import { CheckpointError, n } from '../checkpoint/errors.ts'
import type { TensorRef } from '../checkpoint/pickle/values.ts'
import { decodeChunk } from './element-reader.ts'

/** Elements per streamed chunk (4 MiB of float32 per side). */
export const CHUNK_ELEMENTS = 1 << 20
/** Largest storage span gathered for a non-contiguous view. */
export const MAX_VIEW_SPAN_BYTES = 256 * 1024 * 1024

export interface Side {
  readonly checkpoint: Checkpoint
  readonly tensor: TensorRef
}

export interface TensorStats {
  readonly elements: number
  readonly identical: boolean
  readonly sumAbsDiff: number
  readonly maxAbsDiff: number
  /** Elements that differ by more than the rounding of the coarser dtype (for twins in other precisions). */
  readonly beyondRounding: number
}

/** Relative rounding of each precision, used when two twins store a tensor in different dtypes. */
const ROUNDING: Readonly<Record<string, number>> = { bfloat16: 2 ** -8, float16: 2 ** -10, float32: 2 ** -23, float64: 2 ** -52 }

function isContiguous(tensor: TensorRef): boolean {
  let expected = 1
  for (let d = tensor.shape.length - 1; d >= 0; d--) {
    if (tensor.shape[d]! !== 1 && tensor.stride[d]! !== expected) return false
    expected *= tensor.shape[d]!
  }
  return true
}

/** Reads raw bytes of elements [start, start + count) of a tensor, in row-major order. */
export interface TensorReader {
  read(start: number, count: number): Promise<Uint8Array>
  readonly littleEndian: boolean
}

export async function tensorReader(side: Side): Promise<TensorReader> {
  const { checkpoint, tensor } = side
  const size = dtypeInfo(tensor.dtype)!.itemSize
  const location: StorageLocation = await checkpoint.locate(tensor.storage)
  const what = `${checkpoint.path}: storage ${tensor.storage.key}`
  if (isContiguous(tensor)) {
    if ((tensor.offset + tensor.numel) * size > location.length)
      throw new CheckpointError('corrupt', `${what}: the tensor needs ${n((tensor.offset + tensor.numel) * size)} bytes, the storage has ${n(location.length)}`)
    return {
      littleEndian: location.littleEndian,
      read: (start, count) => readRange(location.source, location.start + (tensor.offset + start) * size, count * size, what),
    }
  }
  // a strided view: read the span it touches once, then pick its elements in row-major order
  const last = tensor.offset + tensor.shape.reduce((acc, s, d) => acc + (s - 1) * tensor.stride[d]!, 0)
  const spanBytes = (last - tensor.offset + 1) * size
  if (spanBytes > MAX_VIEW_SPAN_BYTES)
    throw new CheckpointError('too-large', `${what}: a non-contiguous view spanning ${n(spanBytes)} bytes (the limit for views is ${n(MAX_VIEW_SPAN_BYTES)})`)
  if (last * size + size > location.length) throw new CheckpointError('corrupt', `${what}: the view reaches past its storage`)
  const span = await readRange(location.source, location.start + tensor.offset * size, spanBytes, what)
  const gathered = new Uint8Array(tensor.numel * size)
  const index = new Array<number>(tensor.shape.length).fill(0)
  for (let i = 0; i < tensor.numel; i++) {
    let element = 0
    for (let d = 0; d < index.length; d++) element += index[d]! * tensor.stride[d]!
    gathered.set(span.subarray(element * size, element * size + size), i * size)
    for (let d = index.length - 1; d >= 0; d--) {
      if (++index[d]! < tensor.shape[d]!) break
      index[d] = 0
    }
  }
  return { littleEndian: location.littleEndian, read: async (start, count) => gathered.subarray(start * size, (start + count) * size) }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length))
}

/** Statistics of |a − b| over all elements of two tensors of equal shape, in float64. */
export async function tensorStats(a: Side, b: Side): Promise<TensorStats> {
  const numel = a.tensor.numel
  const [readerA, readerB] = await Promise.all([tensorReader(a), tensorReader(b)])
  const sameDtype = a.tensor.dtype === b.tensor.dtype
  const rel = sameDtype ? 0 : Math.max(ROUNDING[a.tensor.dtype] ?? 0, ROUNDING[b.tensor.dtype] ?? 0)
  let identical = sameDtype
  let sum = 0
  let max = 0
  let beyond = 0
  for (let start = 0; start < numel; start += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, numel - start)
    const [bytesA, bytesB] = await Promise.all([readerA.read(start, count), readerB.read(start, count)])
    if (sameDtype && readerA.littleEndian === readerB.littleEndian && equalBytes(bytesA, bytesB)) continue
    identical = false
    const x = decodeChunk(bytesA, a.tensor.dtype, readerA.littleEndian)
    const y = decodeChunk(bytesB, b.tensor.dtype, readerB.littleEndian)
    if (x instanceof BigInt64Array || x instanceof BigUint64Array || y instanceof BigInt64Array || y instanceof BigUint64Array) {
      for (let i = 0; i < count; i++) {
        const d = Math.abs(Number(x[i]!) - Number(y[i]!))
        sum += d
        if (d > max) max = d
        if (d > 0) beyond++
      }
      continue
    }
    for (let i = 0; i < count; i++) {
      const p = x[i]!
      const q = y[i]!
      const d = p === q || (p !== p && q !== q) ? 0 : Math.abs(p - q)
      sum += d
      if (d > max) max = d
      if (d > rel * Math.max(Math.abs(p), Math.abs(q)) + 1e-30) beyond++
    }
  }
  return { elements: numel, identical, sumAbsDiff: sum, maxAbsDiff: max, beyondRounding: beyond }
}
