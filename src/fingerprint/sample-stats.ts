/**
 * Difference statistics of one tensor pair from two fingerprints. Identity comes from the hashes
 * only. When the samples hold every element, the statistics are the exact method's, bit for bit:
 * the same kernels run over the same decoded values in the same order. Otherwise the mean |a−b|
 * is the sample mean, with an error bound of three standard errors (with the finite-population
 * correction); the max is the sample's (a lower bound) and the counts are scaled to the tensor.
 */
import { accumulateFloat32, accumulateFloat32Exact, accumulateFloat64, newAccumulator, type Accumulator } from '../weights/stats-kernel.ts'
import { compareMode, roundingBound } from '../weights/tensor-diff.ts'
import type { TensorFingerprint } from './types.ts'

/** Standard errors in an error bound: a sample mean lands outside it with probability well under 1%. */
export const BOUND_SIGMAS = 3

export interface SampleStats {
  readonly elements: number
  /** From the hashes: same dtype, byte order and bytes. */
  readonly identical: boolean
  readonly meanAbsDiff: number
  readonly maxAbsDiff: number
  readonly beyondRounding: number
  readonly nanMismatch: number
  /**
   * Half-width of the mean's confidence interval: 0 when the numbers are exact (identical hashes, or
   * every element sampled), Infinity when unknown. Exactness is `complete`, never a bound of 0.
   */
  readonly errorBound: number
  /** Every element was sampled: the numbers are the exact method's. */
  readonly complete: boolean
  readonly mode: 'values' | 'bitwise'
}

/** Whether two fingerprints hold the same bytes for the same values (a claim of bit-identity). */
export function sameBytes(a: TensorFingerprint, b: TensorFingerprint): boolean {
  return a.dtype === b.dtype && a.littleEndian === b.littleEndian && a.hash === b.hash
}

/** The exact method's arithmetic on one chunk (see tensor-diff's accumulateChunk), here on decoded samples. */
function accumulate(a: TensorFingerprint, b: TensorFingerprint, acc: Accumulator): void {
  const bound = roundingBound(a.dtype, b.dtype)
  const count = a.samples.length
  if (a.dtype === 'float32' && b.dtype === 'float32') {
    const [u, v] = [Float32Array.from(a.samples), Float32Array.from(b.samples)]
    if (bound.rel === 0 && accumulateFloat32Exact(u, v, count, acc)) return
    accumulateFloat32(u, v, count, bound.rel, acc, bound.abs)
    return
  }
  accumulateFloat64(a.samples, b.samples, count, bound.rel, acc, bound.abs)
}

/** BOUND_SIGMAS standard errors of the sample mean of |a − b| (NaN pairs left out, as in the sums). */
function errorBound(a: Float64Array, b: Float64Array, numel: number): number {
  let [n, sum, squares] = [0, 0, 0]
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!)
    if (a[i] === b[i] || d !== d) {
      if (a[i] === b[i] || (a[i] !== a[i] && b[i] !== b[i])) n++
      continue
    }
    n++
    sum += d
    squares += d * d
  }
  if (n < 2) return Infinity
  const variance = Math.max(0, (squares - sum * sum / n) / (n - 1))
  // equal sampled differences (a file crafted by one who knew the salt) say nothing of the unsampled
  // ones: a bound of 0 would pass for exactness, so the bound is unknown
  if (variance === 0) return Infinity
  return BOUND_SIGMAS * Math.sqrt(variance / n) * Math.sqrt(Math.max(0, 1 - n / numel))
}

export function sampleStats(a: TensorFingerprint, b: TensorFingerprint): SampleStats {
  const numel = a.numel
  const identical = sameBytes(a, b)
  const mode = compareMode(a.dtype, b.dtype) === 'bitwise' ? 'bitwise' : 'values'
  const k = a.samples.length
  const complete = k >= numel
  const zero = { elements: numel, identical, meanAbsDiff: 0, maxAbsDiff: 0, nanMismatch: 0, errorBound: 0, mode, complete } as const
  if (identical) return { ...zero, beyondRounding: 0 }
  // bytes that are not numbers are not sampled: their hashes differ, so some element differs (how many is unknown)
  if (mode === 'bitwise') return { ...zero, beyondRounding: numel, errorBound: Infinity }
  const acc = newAccumulator()
  accumulate(a, b, acc)
  if (complete) return { elements: numel, identical, meanAbsDiff: numel === 0 ? 0 : acc.sum / numel, maxAbsDiff: acc.max,
    beyondRounding: acc.beyond, nanMismatch: acc.nan, errorBound: 0, mode, complete }
  const scale = numel / k
  // the hashes differ but no sample does: the difference is where no sample looked, and its size is unknown
  const unseen = acc.sum === 0 && acc.nan === 0 && acc.beyond === 0
  return { elements: numel, identical, meanAbsDiff: acc.sum / k, maxAbsDiff: acc.max, beyondRounding: Math.round(acc.beyond * scale),
    nanMismatch: Math.round(acc.nan * scale), errorBound: unseen ? Infinity : errorBound(a.samples, b.samples, numel), mode, complete }
}
