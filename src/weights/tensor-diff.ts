/**
 * Difference statistics of one tensor pair, streamed: both storages are read in bounded chunks
 * side by side, so memory stays flat whatever the tensor size. Equal raw chunks are bit-identical
 * and skip the arithmetic (frozen layers cost one memcmp). Views that are not contiguous are
 * gathered element by element from their storage span, up to a cap.
 */
import { readRange, readRangeInto } from '../checkpoint/byte-source.ts'
import type { Checkpoint, StorageLocation } from '../checkpoint/checkpoint.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import { CheckpointError, n } from '../checkpoint/errors.ts'
import type { TensorRef } from '../checkpoint/pickle/values.ts'
import { decodeInto, float32View, isDecodable } from './element-reader.ts'
import { accumulateFloat32, accumulateFloat32Exact, accumulateFloat64, newAccumulator, TINY, type Accumulator } from './stats-kernel.ts'
import { acquireChunk, releaseChunk } from './chunk-pool.ts'

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
  /** Elements that are NaN on one side and a number on the other (not in the sums). */
  readonly nanMismatch: number
  /** `bitwise` for dtypes that are not numbers (complex, quantized): only identity is known. */
  readonly mode: CompareMode
}

/** Relative rounding of each precision, used when two twins store a tensor in different dtypes. */
const ROUNDING: Readonly<Record<string, number>> = {
  bfloat16: 2 ** -8, float16: 2 ** -10, float32: 2 ** -23, float64: 2 ** -52,
  float8_e4m3fn: 2 ** -4, float8_e4m3fnuz: 2 ** -4, float8_e5m2: 2 ** -3, float8_e5m2fnuz: 2 ** -3, float8_e8m0fnu: 1,
}

/**
 * Half the smallest subnormal of each precision: near zero, rounding moves a value by up to this
 * much whatever its magnitude (an fp16 export of 1e-6 keeps one significant bit), so the relative
 * bound alone calls rounding a change.
 */
const HALF_SUBNORMAL: Readonly<Record<string, number>> = {
  bfloat16: 2 ** -134, float16: 2 ** -25, float32: 2 ** -150, float64: 2 ** -1075,
  float8_e4m3fn: 2 ** -10, float8_e4m3fnuz: 2 ** -11, float8_e5m2: 2 ** -17, float8_e5m2fnuz: 2 ** -18, float8_e8m0fnu: 2 ** -128,
}

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
  /** The same into `target` (at least count × itemSize bytes) when the source allows it; returns the bytes read. */
  readInto(start: number, count: number, target: Uint8Array): Promise<Uint8Array>
  readonly littleEndian: boolean
}

export async function tensorReader(side: Side): Promise<TensorReader> {
  const { checkpoint, tensor } = side
  const size = dtypeInfo(tensor.dtype)!.itemSize
  const location: StorageLocation = await checkpoint.locate(tensor.storage)
  const what = `${checkpoint.path}: storage ${tensor.storage.key}`
  if (isContiguous(tensor)) {
    if ((tensor.offset + tensor.numel) * size > location.length)
      throw new CheckpointError('corrupt',
        `${what}: the tensor needs ${n((tensor.offset + tensor.numel) * size)} bytes, the storage has ${n(location.length)}`)
    const at = (start: number): number => location.start + (tensor.offset + start) * size
    return {
      littleEndian: location.littleEndian,
      read: (start, count) => readRange(location.source, at(start), count * size, what),
      readInto: (start, count, target) => readRangeInto(location.source, at(start), target.subarray(0, count * size), what),
    }
  }
  // a strided view: read the span it touches once, then pick its elements in row-major order
  const last = tensor.offset + tensor.shape.reduce((acc, s, d) => acc + (s - 1) * tensor.stride[d]!, 0)
  const spanBytes = (last - tensor.offset + 1) * size
  if (spanBytes > MAX_VIEW_SPAN_BYTES)
    throw new CheckpointError('too-large',
      `${what}: a non-contiguous view spanning ${n(spanBytes)} bytes (the limit for views is ${n(MAX_VIEW_SPAN_BYTES)})`)
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
  const read = async (start: number, count: number) => gathered.subarray(start * size, (start + count) * size)
  return { littleEndian: location.littleEndian, read, readInto: read }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length))
}

/** How a pair of dtypes is compared: as numbers, bit for bit (same non-numeric dtype), or not at all. */
export type CompareMode = 'values' | 'bitwise' | 'none'

export function compareMode(dtypeA: string, dtypeB: string): CompareMode {
  if (isDecodable(dtypeA) && isDecodable(dtypeB)) return 'values'
  return dtypeA === dtypeB && dtypeInfo(dtypeA) !== undefined ? 'bitwise' : 'none'
}

/** Elements whose bytes differ, for dtypes compared bitwise. */
function differingElements(x: Uint8Array, y: Uint8Array, size: number): number {
  let count = 0
  for (let i = 0; i < x.length; i += size) {
    for (let k = 0; k < size; k++) {
      if (x[i + k] !== y[i + k]) {
        count++
        break
      }
    }
  }
  return count
}

/** Decode buffers reused across chunks (one pair per process: the statistics run one chunk at a time). */
let scratch: [Float64Array, Float64Array] | undefined
function scratchPair(): [Float64Array, Float64Array] {
  return (scratch ??= [new Float64Array(CHUNK_ELEMENTS), new Float64Array(CHUNK_ELEMENTS)])
}

/** The rounding of a dtype pair: relative, plus absolute near zero; exact (0, TINY) for one dtype. */
export interface Bound {
  readonly rel: number
  readonly abs: number
}

export function roundingBound(dtypeA: string, dtypeB: string): Bound {
  if (dtypeA === dtypeB) return { rel: 0, abs: TINY }
  const abs = Math.max(HALF_SUBNORMAL[dtypeA] ?? 0, HALF_SUBNORMAL[dtypeB] ?? 0, TINY)
  return { rel: Math.max(ROUNDING[dtypeA] ?? 0, ROUNDING[dtypeB] ?? 0), abs }
}

/** Adds one chunk pair to the statistics: float32 in place, anything else decoded to float64. */
function accumulateChunk(a: Side, b: Side, x: Uint8Array, y: Uint8Array, littleEndian: [boolean, boolean], count: number,
                         bound: Bound, acc: Accumulator): void {
  if (a.tensor.dtype === 'float32' && b.tensor.dtype === 'float32') {
    const [u, v] = [float32View(x, littleEndian[0]), float32View(y, littleEndian[1])]
    if (bound.rel === 0 && accumulateFloat32Exact(u, v, count, acc)) return
    accumulateFloat32(u, v, count, bound.rel, acc, bound.abs)
    return
  }
  const [u, v] = scratchPair()
  decodeInto(x, a.tensor.dtype, littleEndian[0], u)
  decodeInto(y, b.tensor.dtype, littleEndian[1], v)
  accumulateFloat64(u, v, count, bound.rel, acc, bound.abs)
}

/**
 * Statistics of |a − b| over all elements of two tensors of equal shape, in float64. The next
 * chunk is read while the current one is summed, so reads overlap the arithmetic. `rounding`
 * replaces the dtypes' rounding in `beyondRounding` (the near-duplicate check's bf16 step).
 */
export async function tensorStats(a: Side, b: Side, rounding?: Bound): Promise<TensorStats> {
  const numel = a.tensor.numel
  const mode = compareMode(a.tensor.dtype, b.tensor.dtype)
  if (mode === 'none') throw new Error(`${a.tensor.dtype} and ${b.tensor.dtype} cannot be compared`)
  const [readerA, readerB] = await Promise.all([tensorReader(a), tensorReader(b)])
  const sameDtype = a.tensor.dtype === b.tensor.dtype
  // `beyondRounding` counts the elements beyond this bound: the dtypes' rounding unless the caller asks for another
  const bound = rounding ?? roundingBound(a.tensor.dtype, b.tensor.dtype)
  const size = dtypeInfo(a.tensor.dtype)!.itemSize
  const order: [boolean, boolean] = [readerA.littleEndian, readerB.littleEndian]
  // two buffers per side: one being summed, one being filled by the read of the next chunk
  const chunkBytes = (side: Side) => Math.min(numel, CHUNK_ELEMENTS) * dtypeInfo(side.tensor.dtype)!.itemSize
  const buffers = [0, 1].map(() => [acquireChunk(chunkBytes(a)), acquireChunk(chunkBytes(b))] as const)
  const readChunk = (start: number) => {
    const count = Math.min(CHUNK_ELEMENTS, numel - start)
    const [bufA, bufB] = buffers[(start / CHUNK_ELEMENTS) % 2]!
    return Promise.all([readerA.readInto(start, count, bufA), readerB.readInto(start, count, bufB)])
  }
  let identical = sameDtype
  const acc = newAccumulator()
  let next = numel > 0 ? readChunk(0) : undefined
  try {
    for (let start = 0; start < numel; start += CHUNK_ELEMENTS) {
      const count = Math.min(CHUNK_ELEMENTS, numel - start)
      const [bytesA, bytesB] = await next!
      next = start + CHUNK_ELEMENTS < numel ? readChunk(start + CHUNK_ELEMENTS) : undefined
      next?.catch(() => {}) // awaited on the next turn; a failure there is reported then
      if (sameDtype && order[0] === order[1] && equalBytes(bytesA, bytesB)) continue
      identical = false
      if (mode === 'bitwise') acc.beyond += differingElements(bytesA, bytesB, size)
      else accumulateChunk(a, b, bytesA, bytesB, order, count, bound, acc)
    }
  } finally {
    await next?.catch(() => {}) // never hand a buffer back while a read still fills it
    for (const pair of buffers) pair.forEach(releaseChunk)
  }
  return { elements: numel, identical, sumAbsDiff: acc.sum, maxAbsDiff: acc.max, beyondRounding: acc.beyond, nanMismatch: acc.nan, mode }
}
