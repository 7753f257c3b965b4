/**
 * The near-duplicate rule as pure functions. A pair is near when either holds:
 * - training: its mean |a−b| is at most `ratio` × how far training moved the runs (the smaller of
 *   their distances from their parents; the median distance of the other pairs only when neither
 *   run has a known parent);
 * - rounding: every element of every floating tensor in which the runs differ is within one
 *   bfloat16 step of its value: |a − b| ≤ 2^-7 × max(|a|, |b|) (a bf16 step is at most 2^-7 of
 *   the value) + 2^-8 × the tensor's mean |w| (near zero, where relative steps vanish) + the coarser
 *   dtype's half subnormal. Runs that differ by less than storing them in bf16 would change them
 *   are the same weights, however little training moved them (the okvqa runs). Element by element,
 *   because every average had a counterexample: a frozen backbone, a large embedding with a few
 *   retrained rows (with or without weight decay on the rest), a zero-initialised head that doubled.
 * Two runs trained apart from one parent by more than bf16 rounding are as far from each other as
 * from it, so neither criterion calls them near. Estimates decide only what they settle: a sampled
 * element beyond its step is a real element, so the rounding criterion can fail on samples, but it
 * holds only on every element (the pair is read).
 */
import type { EstimatedDiff } from '../fingerprint/fingerprint-diff.ts'
import type { DiffResult } from '../weights/diff.ts'

/** One bfloat16 rounding step, relative: bf16 keeps 8 significant bits. */
export const BF16_STEP = 2 ** -8

export type Nearness = 'near' | 'far' | 'unsure'

/** A scale a pair is measured against, before the ratio. */
export interface Scale {
  readonly distance: number
  readonly bound: number
  readonly description: string
}

export interface Threshold {
  /** The largest mean |a−b| that is near. */
  readonly distance: number
  /** How far off `distance` can be (estimated parent distances or median); 0 when exact. */
  readonly bound: number
  /** The scale before the ratio (what "N× below" divides by the pair's mean |a−b|). */
  readonly scale: number
  /** `how far training moved them from their parents, 3.99e-3 (run0_1 from root0)` and the like. */
  readonly description: string
}

/** The training threshold: `ratio` × a finite, positive scale; undefined when there is none. */
export function thresholdOf(training: Scale | undefined, ratio: number): Threshold | undefined {
  if (training === undefined || !(training.distance > 0) || !Number.isFinite(training.distance)) return undefined
  return { distance: ratio * training.distance, bound: ratio * training.bound, scale: training.distance, description: training.description }
}

/**
 * What a distance settles against a threshold: near when even its upper end is below the
 * threshold's lower end, far when its lower end is above the threshold's upper end, otherwise
 * unsure (then the pair is compared exactly). An exact distance against an exact threshold is never
 * unsure. An infinite distance is far, whatever the threshold.
 */
export function decide(distance: number, bound: number, threshold: Threshold | undefined): Nearness {
  if (!Number.isFinite(distance)) return 'far'
  if (threshold === undefined) return distance === 0 && bound === 0 ? 'near' : 'far'
  if (distance + bound <= threshold.distance - threshold.bound) return 'near'
  if (distance - bound > threshold.distance + threshold.bound) return 'far'
  return 'unsure'
}

/** A bf16 step is at most this fraction of the value (8 significant bits: 2^-8 to 2^-7 of it). */
export const BF16_ULP = 2 ** -7

/** The rounding criterion on one differing tensor: elements beyond its bound, counted over every element or over its samples. */
export interface TensorRounding {
  readonly name: string
  readonly beyond: number
  /** Every element was counted (an exact read, or a tensor sampled whole). */
  readonly exact: boolean
}

/** The elementwise bound of one tensor: BF16_ULP relative, plus 2^-8 × its mean |w| and the dtypes' half subnormal absolute. */
export function bf16Bound(meanAbs: number, subnormal: number): { readonly rel: number, readonly abs: number } {
  return { rel: BF16_ULP, abs: BF16_STEP * meanAbs + subnormal }
}

/** Far when any element is beyond its bound (a sampled one is a real one), near when none is and every element was counted. */
export function roundingVerdict(tensors: readonly TensorRounding[]): Nearness {
  if (tensors.length === 0 || tensors.some(t => t.beyond > 0)) return 'far'
  return tensors.every(t => t.exact) ? 'near' : 'unsure'
}

/** Either criterion near is near; both far is far; anything else must be read exactly. */
export function either(x: Nearness, y: Nearness): Nearness {
  return x === 'near' || y === 'near' ? 'near' : x === 'far' && y === 'far' ? 'far' : 'unsure'
}

/**
 * The training criterion of a pair from its diff: bit-identity (from hashes) is near; a NaN against
 * a number anywhere is far; an estimate whose NaN count is not exactly known is at most unsure.
 */
export function nearnessOf(diff: DiffResult | EstimatedDiff, bound: number, threshold: Threshold | undefined): Nearness {
  if (diff.identical) return 'near'
  if (diff.nan_mismatch > 0 || diff.mean_abs_diff === null) return 'far'
  const verdict = decide(diff.mean_abs_diff, bound, threshold)
  return verdict === 'near' && nanUnknown(diff) ? 'unsure' : verdict
}

/** An estimate whose compared tensors may hold a NaN the samples did not see. */
export const nanUnknown = (diff: DiffResult | EstimatedDiff): boolean => 'nan_free' in diff && !diff.nan_free
