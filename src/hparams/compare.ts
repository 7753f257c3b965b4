/**
 * Typed comparison of a recorded value with a stored one. Numbers compare with a tolerance, and
 * a number stored at lower precision (float32, float16, bfloat16) compares at that precision:
 * 0.18 recorded matches 0.18000000715255737 stored as float32.
 */
import type { StoredTree } from './discover.ts'
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

/** Numbers, and strings that hold them; integer strings past 2^53 stay exact as bigint. */
function asNumber(value: ScalarValue): number | bigint | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return value
  if (typeof value === 'string') {
    if (/^\s*[+-]?\d{16,}\s*$/.test(value)) return BigInt(value.trim())
    return parseNumericString(value)
  }
  return undefined
}

/** Integers compare exactly at any size; a non-integer never equals one past 2^53. */
function exactIntegers(a: number | bigint, b: number | bigint): boolean | undefined {
  if (typeof a !== 'bigint' && typeof b !== 'bigint') return undefined
  if (!Number.isInteger(Number(a)) || !Number.isInteger(Number(b))) return false
  return BigInt(a) === BigInt(b)
}

/** True when the two values mean the same setting. */
export function valuesMatch(recorded: ScalarValue, stored: StoredScalar, tolerance: Tolerance = DEFAULT_TOLERANCE): boolean {
  const a = asNumber(recorded)
  const b = asNumber(stored.value)
  if (typeof recorded === 'boolean' || typeof stored.value === 'boolean') return booleanOf(recorded) === booleanOf(stored.value) && booleanOf(recorded) !== undefined
  if (recorded === null || stored.value === null) return (recorded ?? 'None') === (stored.value ?? 'None')
  // two strings are text: "7" is not "007" (numbers stored as text were parsed when flattened)
  if (typeof recorded === 'string' && typeof stored.value === 'string') return recorded === stored.value
  if (a !== undefined && b !== undefined) {
    const exact = exactIntegers(a, b)
    if (exact !== undefined) return exact
    return numbersMatch(Number(a), Number(b), stored.dtype, tolerance)
  }
  return String(recorded) === String(stored.value)
}

/** Numbers within the tolerance, or within the stored precision's rounding. */
function numbersMatch(a: number, b: number, dtype: string | undefined, tolerance: Tolerance): boolean {
  if (a === b) return true
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b)
  // integers past 2^53 held as floats cannot be told apart by a tolerance: they must be equal
  if (Number.isInteger(a) && Number.isInteger(b) && Math.max(Math.abs(a), Math.abs(b)) > Number.MAX_SAFE_INTEGER) return false
  const scale = Math.max(Math.abs(a), Math.abs(b))
  const rel = Math.max(tolerance.rel, PRECISION_REL[dtype ?? ''] ?? 0)
  return Math.abs(a - b) <= Math.max(tolerance.abs, rel * scale)
}

function booleanOf(value: ScalarValue): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'True') return true
  if (value === 'false' || value === 'False') return false
  if (value === 0 || value === 1) return value === 1
  return undefined
}

/** A recorded value: a scalar, or a list or mapping of them (`betas: [0.9, 0.999]`). */
export type RecordedData = ScalarValue | readonly RecordedData[] | { readonly [key: string]: RecordedData }

export function isComposite(value: RecordedData): value is readonly RecordedData[] | { readonly [key: string]: RecordedData } {
  return value !== null && typeof value === 'object'
}

/** Where a recorded list or mapping first differs from the stored one, or undefined when they match. */
export function compositeDifference(recorded: RecordedData, stored: StoredTree, tolerance: Tolerance = DEFAULT_TOLERANCE, at = ''): string | undefined {
  if (!isComposite(recorded)) {
    if (!('scalar' in stored)) return `${at || 'value'}: a ${stored.list ? 'list' : 'mapping'} is stored`
    return valuesMatch(recorded, stored.scalar, tolerance) ? undefined : `${at || 'value'}: stored ${String(stored.scalar.value)}`
  }
  if ('scalar' in stored) return `${at || 'value'}: a single value is stored`
  if (!Array.isArray(recorded) && stored.list && stored.children.size > 0) return `${at || 'value'}: a list is stored, a mapping recorded`
  // an empty mapping states nothing: it matches only an empty one
  if (!Array.isArray(recorded) && Object.keys(recorded).length === 0 && stored.children.size > 0) return `${at || 'value'}: {} recorded, ${stored.children.size} entries stored`
  const entries: Array<[string, RecordedData]> = Array.isArray(recorded)
    ? (recorded as readonly RecordedData[]).map((v, i) => [String(i), v])
    : Object.entries(recorded)
  if (Array.isArray(recorded) && (!stored.list || stored.children.size !== recorded.length))
    return `${at || 'value'}: ${stored.list ? `${stored.children.size} items` : 'a mapping'} stored, ${recorded.length} recorded`
  for (const [key, value] of entries) {
    const child = stored.children.get(key)
    const path = Array.isArray(recorded) ? `${at}[${key}]` : at === '' ? key : `${at}.${key}`
    if (child === undefined) return `${path}: not stored`
    const difference = compositeDifference(value, child, tolerance, path)
    if (difference !== undefined) return difference
  }
  return undefined
}

/** Two recorded values mean the same (near-duplicate runs compare their records with this). */
export function recordedEqual(a: RecordedData, b: RecordedData, tolerance: Tolerance = DEFAULT_TOLERANCE): boolean {
  if (!isComposite(a) || !isComposite(b)) return !isComposite(a) && !isComposite(b) && valuesMatch(a, { value: b }, tolerance)
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every(k => k in b && recordedEqual((a as Record<string, RecordedData>)[k]!, (b as Record<string, RecordedData>)[k]!, tolerance))
}
