/**
 * A `DiffResult` of two checkpoints made from their fingerprints, without reading tensor bytes:
 * the names are aligned as `diff` aligns them, identity comes from hashes, distances from samples.
 * `error_bound` is the half-width of the overall mean's interval: 0 when every compared tensor
 * was sampled whole (then every number equals the exact method's); otherwise the pair is an
 * estimate, which decides only what its interval settles (near-duplicate-estimate.ts) and says so
 * wherever it is reported; identity is never claimed from it, only from the hashes.
 */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { alignPair, type AlignedTensor } from '../weights/align.ts'
import { unsafeGlobalsOf, UNREAD_TENSOR_KINDS, type DiffResult, type NotCompared, type TensorDiff } from '../weights/diff.ts'
import { isFloatingDtype } from '../weights/element-reader.ts'
import { compareMode } from '../weights/tensor-diff.ts'
import { sampleStats, type SampleStats } from './sample-stats.ts'
import type { Fingerprint, TensorFingerprint } from './types.ts'

export interface EstimatedDiff extends DiffResult {
  /** Half-width of `mean_abs_diff`'s interval (0: exact). */
  readonly error_bound: number
  /** No compared tensor holds a NaN on either side (counted over every element, not sampled): `nan_mismatch` is exactly 0. */
  readonly nan_free: boolean
  /** Every compared tensor was sampled whole: the numbers are exact, and an exact diff would be as cheap. */
  readonly complete: boolean
  /** An exact lower bound of `mean_abs_diff` from the fingerprints' sums over every element (exactGap). */
  readonly lower_bound: number
}

const sameShape = (p: AlignedTensor): boolean => p.a.tensor.shape.join(',') === p.b.tensor.shape.join(',')
const pairDtype = (p: AlignedTensor): string =>
  (p.a.tensor.dtype === p.b.tensor.dtype ? p.a.tensor.dtype : `${p.a.tensor.dtype}/${p.b.tensor.dtype}`)

function tensorDiff(p: AlignedTensor, s: SampleStats, gap: number): TensorDiff {
  // an estimate below the tensor's exact lower bound is wrong: its error is unknown
  const bound = s.meanAbsDiff + s.errorBound < gap * (1 - 1e-9) ? Infinity : s.errorBound
  return {
    name: p.name, dtype: pairDtype(p), elements: s.elements, identical: s.identical,
    mean_abs_diff: s.meanAbsDiff, max_abs_diff: s.maxAbsDiff, beyond_rounding: s.beyondRounding, nan_mismatch: s.nanMismatch,
    ...(p.a.name !== p.name || p.b.name !== p.name ? { names: { a: p.a.name, b: p.b.name } } : {}),
    ...(s.mode === 'bitwise' ? { compared: 'bitwise' as const } : {}),
    ...(!s.complete && !s.identical ? { error_bound: bound } : {}),
  }
}

/** Kinds of tensors the reader leaves out: not compared (the exact method also excuses byte-identical files; this never does). */
function unread(a: Checkpoint, b: Checkpoint): NotCompared[] {
  const kinds = new Set([...a.globals, ...b.globals].map(g => UNREAD_TENSOR_KINDS[g.qualified]).filter(k => k !== undefined))
  return [...kinds].sort()
    .map(kind => ({ name: `(${kind} tensors)`, dtype: kind, reason: `${kind} tensors are not read, so not compared` }))
}

/**
 * A lower bound of Σ|a − b| over a tensor pair from sums over every element: ||a| − |b|| ≤ |a − b|
 * and a − b ≤ |a − b| element by element, so both |Σ|a| − Σ|b|| and |Σa − Σb| are at most Σ|a − b|.
 * A few large changes the samples missed move one of them (a sign flip moves Σa, a bump Σ|a|).
 */
function exactGap(x: TensorFingerprint, y: TensorFingerprint): number {
  const gap = Math.max(Math.abs(x.absSum - y.absSum), Math.abs(x.sum - y.sum))
  return Number.isFinite(gap) ? gap : 0
}

export function fingerprintDiff(a: Checkpoint, fa: Fingerprint, b: Checkpoint, fb: Fingerprint): EstimatedDiff {
  // samples at other positions are other elements: comparing them would be noise passed off as a distance
  if (fa.saltId !== fb.saltId) throw new Error(`fingerprints of ${a.path} and ${b.path} sampled with different salts`)
  const alignment = alignPair(a.tensors, b.tensors)
  const tensors: TensorDiff[] = []
  const notCompared = unread(a, b)
  let [weighted, floatElements, nan, variance, below] = [0, 0, 0, 0, 0]
  let max: number | null = null
  let [nanFree, complete] = [true, true]
  const bounds: Array<[number, number]> = []
  for (const p of alignment.pairs.filter(sameShape)) {
    const [x, y] = [fa.tensors.get(p.a.name), fb.tensors.get(p.b.name)]
    if (compareMode(p.a.tensor.dtype, p.b.tensor.dtype) === 'none' || x === undefined || y === undefined) {
      notCompared.push({ name: p.name, dtype: pairDtype(p), reason: `${pairDtype(p)} values have no common numeric meaning` })
      continue
    }
    const s = sampleStats(x, y)
    nanFree &&= x.nans === 0 && y.nans === 0
    complete &&= x.samples.length >= x.numel && y.samples.length >= y.numel
    // NaNs leave the sums and the distance differently (a tensor with one gives no bound)
    const gap = x.nans === 0 && y.nans === 0 && isFloatingDtype(x.dtype) && isFloatingDtype(y.dtype) ? exactGap(x, y) : 0
    tensors.push(tensorDiff(p, s, x.numel === 0 ? 0 : gap / x.numel))
    nan += s.nanMismatch
    if (isFloatingDtype(x.dtype) && isFloatingDtype(y.dtype)) {
      weighted += s.meanAbsDiff * s.elements
      floatElements += s.elements
      max = Math.max(max ?? 0, s.maxAbsDiff)
      bounds.push([s.elements, s.errorBound])
      below += gap
    }
  }
  // independent per-tensor errors add in quadrature, weighted as the mean weights the tensors
  for (const [elements, bound] of bounds) variance += (elements / floatElements) ** 2 * bound ** 2
  const shapeMismatch = alignment.pairs.filter(p => !sameShape(p)).map(p => p.name).sort()
  const mean = floatElements === 0 ? null : weighted / floatElements
  const lowerBound = floatElements === 0 ? 0 : below / floatElements
  let errorBound = Math.sqrt(variance)
  // an estimate whose whole interval lies below the exact lower bound is wrong (a few large changes
  // the samples missed): its error is unknown, so whatever rests on it reads the pair exactly
  if (!complete && mean !== null && mean + errorBound < lowerBound * (1 - 1e-9)) errorBound = Infinity
  return {
    a: a.path, b: b.path, mean_abs_diff: mean, max_abs_diff: max,
    elements: floatElements,
    identical: tensors.length > 0 && alignment.onlyInA.length === 0 && alignment.onlyInB.length === 0 && shapeMismatch.length === 0
      && notCompared.length === 0 && tensors.every(t => t.identical),
    nan_mismatch: nan, unsafe_globals: unsafeGlobalsOf(a, b), only_in_a: [...alignment.onlyInA], only_in_b: [...alignment.onlyInB],
    shape_mismatch: shapeMismatch, aligned: alignment.removed, not_compared: notCompared, tensors,
    error_bound: errorBound, nan_free: nanFree, complete, lower_bound: lowerBound,
  }
}
