/**
 * What a near-duplicate candidate's estimate (from fingerprints) can settle. A pair the samples
 * put clearly above the threshold is never read again. A pair they put clearly below it, with no
 * NaN in either file's compared tensors (counted over every element), is a near-duplicate on the
 * estimate, and its message gives the bound. Everything else (identity, equal values, an interval
 * that straddles the threshold, a NaN somewhere) is decided on the exact diff.
 */
import type { EstimatedDiff } from '../fingerprint/fingerprint-diff.ts'

export interface Yardstick {
  readonly distance: number
  /** How far off `distance` can be (an estimated median pair distance); 0 when exact. */
  readonly bound: number
  /** `how far training moved them from their parents (… kl012 from rce5)` or `the median pair distance …`. */
  readonly description: string
}

/** Whether the pair could pass as a near-duplicate on its exact diff (otherwise it is not read again). */
export function mayBeNear(diff: EstimatedDiff, yardstick: Yardstick | undefined, ratio: number): boolean {
  if (diff.identical || diff.mean_abs_diff === 0) return true
  // a sampled difference above 0 is a difference: with no yardstick only identity or equal values qualify
  if (diff.mean_abs_diff === null || yardstick === undefined) return false
  return diff.mean_abs_diff - diff.error_bound <= ratio * (yardstick.distance + yardstick.bound)
}

/** Whether the estimate alone settles the pair as a near-duplicate (see the module comment). */
export function decisive(diff: EstimatedDiff, yardstick: Yardstick | undefined, ratio: number): boolean {
  const distance = diff.mean_abs_diff
  if (yardstick === undefined || distance === null || !(distance > 0) || !diff.nan_free) return false
  if (!(diff.error_bound > 0) || !Number.isFinite(diff.error_bound)) return false // exact numbers: the exact diff is cheap
  return distance + diff.error_bound <= ratio * (yardstick.distance - yardstick.bound)
}
