/**
 * Recorded values read from the YAML nodes themselves, not from a lossy JS conversion: integers
 * stay exact at any size, the decimals a metric was written with are kept, and values YAML
 * reads in a surprising way (`.inf`, `.nan`, `1e400`, YAML 1.1's `yes`/`off`) are refused
 * unless quoted, so a manifest never records something its author did not mean.
 */
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml'
import type { RecordedData } from '../hparams/compare.ts'

/** YAML 1.1 booleans: YAML 1.2 (what the manifest is) reads them as strings. */
export const YAML11_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/

export interface RecordedProblem {
  /** The node the problem is about. */
  readonly node: Node
  readonly message: string
}

const isPlain = (node: Scalar): boolean => node.type === Scalar.PLAIN || node.type === undefined

/** The value of one scalar node, or a problem. */
function scalarValue(node: Scalar, label: string): { value: RecordedData } | { problem: string } {
  const value = node.value
  const source = typeof node.source === 'string' ? node.source : String(value)
  if (typeof value === 'string' && isPlain(node) && YAML11_BOOLEANS.test(value))
    return { problem: `${label}: '${value}' is a string in YAML 1.2, not a boolean; write true or false (or quote it to mean the string)` }
  if (typeof value === 'number') {
    if (Number.isNaN(value) || !Number.isFinite(value)) {
      const overflow = /\d/.test(source)
      return { problem: `${label}: ${source} ${overflow ? 'is too large for a number' : 'is not a finite number'}; quote it ("${source}") to compare it as written` }
    }
    // integers keep every digit: a seed past 2^53 must match exactly
    if (Number.isInteger(value) && !Number.isSafeInteger(value) && /^[-+]?\d+$/.test(source)) return { value: BigInt(source) }
  }
  if (value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value)) return { value: value as RecordedData }
  return { problem: `${label}: unsupported value` }
}

/** A recorded value (scalar, list or mapping) from its node; problems are collected, not thrown. */
export function recordedValue(node: unknown, label: string, problems: RecordedProblem[]): RecordedData {
  if (isScalar(node)) {
    const result = scalarValue(node, label)
    if ('problem' in result) {
      problems.push({ node, message: result.problem })
      return null
    }
    return result.value
  }
  if (isSeq(node)) return node.items.map((item, i) => recordedValue(item, `${label}[${i}]`, problems))
  if (isMap(node)) {
    const out: Record<string, RecordedData> = {}
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      // defineProperty: a key named __proto__ is data, not the object's prototype
      Object.defineProperty(out, key, { value: recordedValue(pair.value, `${label}.${key}`, problems), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  return null
}

/** Digits after the decimal point as written (`7.8863` → 4, `1.5e-3` → 4), for metrics rounded when recorded. */
export function decimalsWritten(node: unknown): number | undefined {
  if (!isScalar(node) || typeof node.value !== 'number') return undefined
  return decimalsOf(typeof node.source === 'string' ? node.source : String(node.value))
}

/**
 * Decimals of a number as text; undefined for a whole number written without a decimal point
 * or exponent (`56`), which is compared as written rather than rounded (±0.5 would pass anything).
 */
export function decimalsOf(text: string): number | undefined {
  const match = /^[-+]?\d*(?:(\.)(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text.trim())
  if (match === null || (match[1] === undefined && match[3] === undefined)) return undefined
  return Math.max(0, (match[2]?.length ?? 0) - Number(match[3] ?? 0))
}
