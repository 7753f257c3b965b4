/**
 * The near-duplicate rule as pure functions. A pair is near when either holds:
 * - training: its mean |a−b| is at most `ratio` × how far training moved the runs (the smaller of
 *   their distances from their parents; the median distance of the other pairs only when neither
 *   run has a known parent);
 * - rounding: every floating tensor in which the runs differ differs by less than one bfloat16
 *   rounding step of its weights: the mean |a−b| over the elements that differ (over all of them
 *   across dtypes) ≤ 2^-8 × the larger of the tensor's mean |w| and the run's (the smaller of the
 *   two runs' each). Runs that differ by less than storing them in bf16 would change them are the
 *   same weights, however little training moved them (the okvqa runs). Tensor by tensor and over
 *   the changed elements, so that neither a large frozen backbone nor a large, barely touched
 *   embedding hides a head or a few rows trained far apart; the run's mean |w| as a floor, so that
 *   a near-zero bias does not make every copy of a run look different.
 * Two runs trained apart from one parent by more than bf16 rounding are as far from each other as
 * from it, so neither criterion calls them near. Estimates decide only what their intervals settle;
 * the rest is read exactly, and the rounding criterion is only ever met on exact numbers (a mean
 * over the changed elements needs every element).
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

/** A floating tensor in which two runs differ, with its own bf16 step. */
export interface DifferingTensor {
  readonly name: string
  /** Exact: the mean |a−b| over the changed elements; estimated: over all of them (a lower bound of that). */
  readonly distance: number
  /** Half-width of the distance's interval (0: exact; Infinity: unknown). */
  readonly bound: number
  /** Whether `distance` is exact (an exact diff, or a tensor sampled whole). */
  readonly exact: boolean
  /** 2^-8 × the larger of the tensor's and the run's mean |w| (each the smaller of the two runs'). */
  readonly step: number
}

export interface RoundingVerdict {
  readonly nearness: Nearness
  /** The tensor closest to its step (largest distance / step), for the message. */
  readonly closest?: DifferingTensor
}

/**
 * The rounding criterion: far when any differing tensor is above its step, near when every one is
 * exactly below it, otherwise unsure (an estimate never makes it near).
 */
export function roundingVerdict(tensors: readonly DifferingTensor[]): RoundingVerdict {
  if (tensors.length === 0) return { nearness: 'far' }
  let nearness: Nearness = 'near'
  for (const t of tensors) {
    if (!Number.isFinite(t.distance) || !(t.step > 0) || !Number.isFinite(t.step) || t.distance - t.bound > t.step) return { nearness: 'far' }
    if (!t.exact || t.distance + t.bound > t.step) nearness = 'unsure'
  }
  const closest = [...tensors].sort((x, y) => y.distance / y.step - x.distance / x.step)[0]!
  return { nearness, closest }
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
