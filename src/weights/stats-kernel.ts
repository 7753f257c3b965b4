/**
 * The inner loops of the difference statistics: one for float32 pairs read in place, one for
 * anything decoded to float64. Each sees one array type, so V8 keeps it monomorphic; the float32
 * and float64 loops are copies on purpose (one shared loop over both array types was the
 * polymorphic, several times slower code this replaced).
 *
 * Per element: equal values (and NaN against NaN) count 0; NaN against a number counts as a
 * difference beyond rounding and in `nan`, but adds nothing to the sum (the mean stays a number,
 * and the caller reports the NaN count beside it); otherwise |a − b| in float64 is summed, maxed,
 * and compared with the coarser dtype's rounding: `rel` × the larger magnitude + `abs` (half the
 * smallest subnormal, the most rounding can move a value near zero). An infinity against a finite
 * value is always beyond rounding (an fp16 export that overflowed is a different tensor).
 */

/** Running statistics of one tensor pair. */
export interface Accumulator {
  sum: number
  max: number
  /** Elements that differ beyond the rounding (any difference when rel is 0). */
  beyond: number
  /** Elements that are NaN on one side only (also in `beyond`, not in `sum`). */
  nan: number
}

export function newAccumulator(): Accumulator {
  return { sum: 0, max: 0, beyond: 0, nan: 0 }
}

/**
 * Each kernel leaves its chunk's [sum, max, beyond, nan] here; the caller adds them to its Accumulator.
 * A typed array, not an object, because property access on objects whose field representations
 * change (an integer 0 that becomes a double) deoptimized the kernels on every chunk.
 */
const out = new Float64Array(4)

function mergeInto(acc: Accumulator): void {
  acc.sum += out[0]!
  acc.max = Math.max(acc.max, out[1]!)
  acc.beyond += out[2]!
  acc.nan += out[3]!
}

/** Floor below which a difference is zero (keeps rel = 0 an exact test, and 0 vs −0 equal). */
export const TINY = 1e-30

export function accumulateFloat32(x: Float32Array, y: Float32Array, count: number, rel: number, acc: Accumulator, abs = TINY): void {
  float32Kernel(x, y, count, rel, abs)
  mergeInto(acc)
}

function float32Kernel(x: Float32Array, y: Float32Array, count: number, rel: number, abs: number): void {
  let sum = 0
  let max = 0
  let beyond = 0
  let nan = 0
  for (let i = 0; i < count; i++) {
    const p = x[i]!
    const q = y[i]!
    if (p === q) continue
    const d = Math.abs(p - q)
    if (d !== d) {
      if (p === p || q === q) { // NaN against a number; NaN against NaN is equal
        beyond++
        nan++
      }
      continue
    }
    sum += d
    if (d > max) max = d
    // an infinite difference never is rounding: its bound would be infinite too (or NaN for rel = 0)
    if (d === Infinity || d > rel * Math.max(Math.abs(p), Math.abs(q)) + abs) beyond++
  }
  out[0] = sum
  out[1] = max
  out[2] = beyond
  out[3] = nan
}

export function accumulateFloat64(x: Float64Array, y: Float64Array, count: number, rel: number, acc: Accumulator, abs = TINY): void {
  float64Kernel(x, y, count, rel, abs)
  mergeInto(acc)
}

function float64Kernel(x: Float64Array, y: Float64Array, count: number, rel: number, abs: number): void {
  let sum = 0
  let max = 0
  let beyond = 0
  let nan = 0
  for (let i = 0; i < count; i++) {
    const p = x[i]!
    const q = y[i]!
    if (p === q) continue
    const d = Math.abs(p - q)
    if (d !== d) {
      if (p === p || q === q) {
        beyond++
        nan++
      }
      continue
    }
    sum += d
    if (d > max) max = d
    // an infinite difference never is rounding: its bound would be infinite too (or NaN for rel = 0)
    if (d === Infinity || d > rel * Math.max(Math.abs(p), Math.abs(q)) + abs) beyond++
  }
  out[0] = sum
  out[1] = max
  out[2] = beyond
  out[3] = nan
}

/**
 * Same-dtype float32 fast path: no NaN tests, four independent partial sums (the adds do not
 * wait on each other), and differing elements counted as the complement of the zeros. Returns
 * false, adding nothing, when the chunk holds a NaN or an infinity (its sum is then NaN or
 * infinite), so the caller reruns the chunk through accumulateFloat32.
 */
export function accumulateFloat32Exact(x: Float32Array, y: Float32Array, count: number, acc: Accumulator): boolean {
  if (!exactKernel(x, y, count)) return false
  mergeInto(acc)
  return true
}

function exactKernel(x: Float32Array, y: Float32Array, count: number): boolean {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, m0 = 0, m1 = 0, same = 0 // eslint-disable-line one-var
  const whole = count - (count % 4)
  for (let i = 0; i < whole; i += 4) {
    const d0 = Math.abs(x[i]! - y[i]!)
    const d1 = Math.abs(x[i + 1]! - y[i + 1]!)
    const d2 = Math.abs(x[i + 2]! - y[i + 2]!)
    const d3 = Math.abs(x[i + 3]! - y[i + 3]!)
    s0 += d0
    s1 += d1
    s2 += d2
    s3 += d3
    m0 = Math.max(m0, d0, d1)
    m1 = Math.max(m1, d2, d3)
    if (d0 <= TINY) same++
    if (d1 <= TINY) same++
    if (d2 <= TINY) same++
    if (d3 <= TINY) same++
  }
  // the last 0 to 3 elements in a function of their own: a second loop here made the one above 3× slower (measured)
  exactTail(x, y, whole, count)
  const sum = s0 + s1 + s2 + s3 + tail[0]!
  if (!Number.isFinite(sum)) return false
  out[0] = sum
  out[1] = Math.max(m0, m1, tail[1]!)
  out[2] = count - same - tail[2]!
  out[3] = 0
  return true
}

/** [sum, max, same] of elements [from, count) for exactKernel. */
const tail = new Float64Array(3)

function exactTail(x: Float32Array, y: Float32Array, from: number, count: number): void {
  let sum = 0, max = 0, same = 0 // eslint-disable-line one-var
  for (let i = from; i < count; i++) {
    const d = Math.abs(x[i]! - y[i]!)
    sum += d
    max = Math.max(max, d)
    if (d <= TINY) same++
  }
  tail[0] = sum
  tail[1] = max
  tail[2] = same
}

/**
 * V8 optimizes a hot loop while it runs (on-stack replacement); the code after the loop has no
 * type feedback yet and deoptimizes on the way out, so a kernel called once per chunk would start
 * over every time (3× slower, measured). A few small calls that reach every line fix that.
 */
function warmUp(): void {
  const x = Float32Array.of(1, 2, 3, 4, 5, 6, 7)
  const y = Float32Array.of(1, 2.5, 3, 4, 5, 6, 7.5)
  const acc = newAccumulator()
  for (let i = 0; i < 32; i++) { // feedback vectors are only allocated after several calls
    accumulateFloat32Exact(x, y, 7, acc)
    accumulateFloat32(x, y, 7, 0, acc)
    accumulateFloat64(Float64Array.from(x), Float64Array.from(y), 7, 2 ** -8, acc)
  }
}
warmUp()
