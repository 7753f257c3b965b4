/**
 * Typed comparison of a recorded value with a stored one. Numbers compare with a tolerance, and
 * a number stored at lower precision (float32, float16, bfloat16) compares at that precision:
 * 0.18 recorded matches 0.18000000715255737 stored as float32.
 */
import { parseNumericString, type ScalarValue, type StoredScalar } from './scalar.ts'

export interface Tolerance {
  /** Relative tolerance, |a−b| ≤ rel × max(|a|, |b|). */
  readonly rel: number
  /** Absolute tolerance. */
  readonly abs: number
}

export const DEFAULT_TOLERANCE: Tolerance = { rel: 1e-6, abs: 0 }

/** Half a unit in the last place, relative, for each stored precision. */
const PRECISION_REL: Readonly<Record<string, number>> = { float32: 2 ** -24, float16: 2 ** -11, bfloat16: 2 ** -8 }

function asNumber(value: ScalarValue): number | bigint | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return value
  if (typeof value === 'boolean') return undefined
  if (typeof value === 'string') return parseNumericString(value)
  return undefined
}

/** True when the two values mean the same setting. */
export function valuesMatch(recorded: ScalarValue, stored: StoredScalar, tolerance: Tolerance = DEFAULT_TOLERANCE): boolean {
  const a = asNumber(recorded)
  const b = asNumber(stored.value)
  if (typeof recorded === 'boolean' || typeof stored.value === 'boolean') return booleanOf(recorded) === booleanOf(stored.value) && booleanOf(recorded) !== undefined
  if (recorded === null || stored.value === null) return (recorded ?? 'None') === (stored.value ?? 'None')
  if (a !== undefined && b !== undefined) {
    if (typeof a === 'bigint' || typeof b === 'bigint') {
      try { return BigInt(a) === BigInt(b) } catch { return Number(a) === Number(b) }
    }
    if (a === b) return true
    if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b)
    const scale = Math.max(Math.abs(a), Math.abs(b))
    const rel = Math.max(tolerance.rel, PRECISION_REL[stored.dtype ?? ''] ?? 0)
    return Math.abs(a - b) <= Math.max(tolerance.abs, rel * scale)
  }
  return String(recorded) === String(stored.value)
}

function booleanOf(value: ScalarValue): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'True') return true
  if (value === 'false' || value === 'False') return false
  if (value === 0 || value === 1) return value === 1
  return undefined
}
