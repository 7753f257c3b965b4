import { PyDict, type PyValue } from './pickle/values.ts'

/** Converts parsed JSON or YAML into the same inert values pickles produce, so one flattener serves all. */
export function fromJson(value: unknown, depth = 0): PyValue {
  if (depth > 200) return null
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value
  if (Array.isArray(value)) return value.map(v => fromJson(v, depth + 1))
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    const dict = new PyDict()
    for (const [key, item] of Object.entries(value)) dict.entries.set(key, fromJson(item, depth + 1))
    return dict
  }
  return String(value)
}
