/**
 * The inner loops of the difference statistics: one for float32 pairs read in place, one for
 * anything decoded to float64. Each sees one array type, so V8 keeps it monomorphic.
 *
 * Per element: equal values (and NaN against NaN) count 0; NaN against a number counts as a
 * difference beyond rounding but adds nothing to the sum (the mean stays a number); otherwise
 * |a − b| in float64 is summed, maxed, and compared with the coarser dtype's rounding `rel`.
 */

/** Running statistics of one tensor pair. */
export interface Accumulator {
  sum: number
  max: number
  /** Elements that differ beyond the rounding (any difference when rel is 0). */
  beyond: number
}

export function newAccumulator(): Accumulator {
  return { sum: 0, max: 0, beyond: 0 }
}

/** Floor below which a difference is zero (keeps rel = 0 an exact test, and 0 vs −0 equal). */
const TINY = 1e-30

export function accumulateFloat32(x: Float32Array, y: Float32Array, count: number, rel: number, acc: Accumulator): void {
  let sum = 0
  let max = acc.max
  let beyond = 0
  for (let i = 0; i < count; i++) {
    const p = x[i]!
    const q = y[i]!
    if (p === q) continue
    const d = Math.abs(p - q)
    if (d !== d) {
      if (p === p || q === q) beyond++ // NaN against a number; NaN against NaN is equal
      continue
    }
    sum += d
    if (d > max) max = d
    if (d > rel * Math.max(Math.abs(p), Math.abs(q)) + TINY) beyond++
  }
  acc.sum += sum
  acc.max = max
  acc.beyond += beyond
}

export function accumulateFloat64(x: Float64Array, y: Float64Array, count: number, rel: number, acc: Accumulator): void {
  let sum = 0
  let max = acc.max
  let beyond = 0
  for (let i = 0; i < count; i++) {
    const p = x[i]!
    const q = y[i]!
    if (p === q) continue
    const d = Math.abs(p - q)
    if (d !== d) {
      if (p === p || q === q) beyond++
      continue
    }
    sum += d
    if (d > max) max = d
    if (d > rel * Math.max(Math.abs(p), Math.abs(q)) + TINY) beyond++
  }
  acc.sum += sum
  acc.max = max
  acc.beyond += beyond
}
