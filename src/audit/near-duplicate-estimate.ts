/**
 * The near-duplicate rule as pure functions: the threshold a pair's distance is held against, and
 * what a distance with an error bound can settle. A pair is near when its mean |a−b| is at most the
 * larger of two scales:
 * - how far training moved the runs: `ratio` × the smaller of their distances from their parents
 *   (the median pair distance instead only when neither run has a known parent);
 * - one bfloat16 rounding step of the tensors in which they differ, 2^-8 × the smaller mean |w| of
 *   those tensors in the two runs, compared with their mean |a−b| over those tensors: runs that
 *   differ by less than storing them in bf16 would change them are the same weights, however little
 *   training moved them from their parent (the okvqa runs). Over the differing tensors only: a
 *   large frozen backbone would otherwise dilute a head trained far apart below any step.
 * Two runs trained apart from one parent are as far from each other as from it, so neither scale
 * calls them near (a false near-duplicate is a false alarm on every honest sweep).
 */
import type { EstimatedDiff } from '../fingerprint/fingerprint-diff.ts'
import type { DiffResult } from '../weights/diff.ts'

/** One bfloat16 rounding step, relative: bf16 keeps 8 significant bits. */
export const BF16_STEP = 2 ** -8

export interface Threshold {
  /** The largest distance that is near. */
  readonly distance: number
  /** How far off `distance` can be (estimated parent distances or median); 0 when exact. */
  readonly bound: number
  /** What "N× below" divides by the pair's mean |a−b|: a parent distance, the median, or the step (on the same footing). */
  readonly scale: number
  /** `how far training moved them from their parents, 3.99e-3 (run0_1 from root0)` and the like. */
  readonly description: string
}

/** The rounding scale: one bf16 step of the differing tensors, and the share of the compared elements they hold. */
export interface Rounding {
  readonly magnitude: number
  /** Elements of the differing floating tensors / all compared floating elements (0 to 1]. */
  readonly fraction: number
}

/** A scale a pair is measured against, before the ratio. */
export interface Scale {
  readonly distance: number
  readonly bound: number
  readonly description: string
}

/**
 * The threshold of a pair: the larger of the training scale (× ratio) and the rounding scale;
 * undefined when neither is known (then only identity or equal values are near).
 */
export function thresholdOf(training: Scale | undefined, rounding: Rounding | undefined, ratio: number): Threshold | undefined {
  const candidates: Threshold[] = []
  if (training !== undefined && training.distance > 0)
    candidates.push({ distance: ratio * training.distance, bound: ratio * training.bound, scale: training.distance, description: training.description })
  if (rounding !== undefined && rounding.magnitude > 0 && Number.isFinite(rounding.magnitude) && rounding.fraction > 0) {
    const step = BF16_STEP * rounding.magnitude
    // the pair's mean over every compared element is fraction × its mean over the differing tensors
    const distance = step * rounding.fraction
    const share = rounding.fraction < 1 ? `; those tensors hold ${percent(rounding.fraction)} of the compared elements` : ''
    candidates.push({ distance, bound: 0, scale: distance,
      description: `one bfloat16 rounding step of the tensors in which they differ, ${short(step)} (2^-8 × mean |w| ${short(rounding.magnitude)}${share})` })
  }
  return candidates.sort((x, y) => y.distance - x.distance)[0]
}

const short = (x: number): string => x.toExponential(2)
const percent = (x: number): string => `${(100 * x).toPrecision(2)} %`

export type Nearness = 'near' | 'far' | 'unsure'

/**
 * What a distance settles against a threshold: near when even its upper end is below the
 * threshold's lower end, far when its lower end is above the threshold's upper end, otherwise
 * unsure (then the pair is compared exactly). An exact distance against an exact threshold is never unsure.
 */
export function decide(distance: number, bound: number, threshold: Threshold | undefined): Nearness {
  if (threshold === undefined) return distance === 0 && bound === 0 ? 'near' : 'far'
  if (distance + bound <= threshold.distance - threshold.bound) return 'near'
  if (distance - bound > threshold.distance + threshold.bound) return 'far'
  return 'unsure'
}

/**
 * The nearness of a pair from its diff: bit-identity (from hashes) is near; a NaN against a number
 * anywhere is far; an estimate whose NaN count is not exactly known is at most unsure.
 */
export function nearnessOf(diff: DiffResult | EstimatedDiff, bound: number, threshold: Threshold | undefined): Nearness {
  if (diff.identical) return 'near'
  if (diff.nan_mismatch > 0 || diff.mean_abs_diff === null) return 'far'
  const verdict = decide(diff.mean_abs_diff, bound, threshold)
  const nanUnknown = 'nan_free' in diff && !diff.nan_free
  return verdict === 'near' && nanUnknown ? 'unsure' : verdict
}
