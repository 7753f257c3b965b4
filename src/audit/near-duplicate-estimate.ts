/**
 * What a near-duplicate candidate's estimate (from fingerprints) can settle: only that a pair the
 * samples put clearly above the threshold is not read again (statistically: positions are public,
 * so a crafted file can look far and be near, but never the other way round for a reported
 * verdict). Every candidate that may be near is decided on the exact diff: a reported
 * near-duplicate never rests on samples.
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
