/** Reduces stored values to the scalars hyperparameters are: numbers (with their stored precision), strings, booleans. */
import { PyObject, PyScalar, PyTuple, TensorRef, type PyValue } from '../checkpoint/pickle/values.ts'

export type ScalarValue = number | bigint | string | boolean | null

export interface StoredScalar {
  readonly value: ScalarValue
  /** Storage precision of numbers that carry one: `float32` for numpy float32 and float32 0-dim tensors. */
  readonly dtype?: string
}

/** Enum members pickle as `EnumClass(value)`: the member's value is what a user wrote. */
function enumValue(object: PyObject): ScalarValue | undefined {
  if (object.args.length !== 1 || object.state !== undefined || object.items !== undefined) return undefined
  const [arg] = object.args
  return typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean' ? arg : undefined
}

/** The scalar a value stands for, or undefined for containers, weights and opaque objects. */
export function toScalar(value: PyValue): StoredScalar | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return { value }
  if (typeof value === 'number') return { value }
  if (value instanceof PyScalar) return { value: value.value, dtype: value.dtype }
  if (value instanceof TensorRef) return value.shape.length === 0 && value.scalar !== undefined ? { value: value.scalar, dtype: value.dtype } : undefined
  if (value instanceof PyObject) {
    if (value.qualified === 'numpy.core.multiarray._reconstruct' || value.qualified === 'numpy._core.multiarray._reconstruct') return undefined
    const member = enumValue(value)
    return member === undefined ? undefined : { value: member }
  }
  if (value instanceof PyTuple) return undefined
  return undefined
}

/** Strings that hold numbers (safetensors metadata, YAML) become numbers. */
export function parseNumericString(text: string): number | undefined {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) return undefined
  return Number(text)
}

/** JSON-safe form of a scalar: bigints become decimal strings so no digit is lost. */
export function jsonScalar(value: ScalarValue): string | number | boolean | null {
  return typeof value === 'bigint' ? value.toString() : value
}

/** A stored or recorded value as a user wrote it: strings quoted only when they could be misread. */
export function formatValue(value: string | number | boolean | null | bigint): string {
  if (value === null) return 'None'
  if (typeof value === 'string') return /^[\w.\-/:+@ ]*$/.test(value) && value !== '' && value.trim() === value ? value : JSON.stringify(value)
  // 5e-5 reads better than 0.00005 for learning rates and KL coefficients
  if (typeof value === 'number') return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value)
  return String(value)
}

/** JSON form of a recorded value: bigints as decimal strings, lists and mappings kept. */
export type JsonData = string | number | boolean | null | JsonData[] | { [key: string]: JsonData }

export function jsonData(value: unknown): JsonData {
  if (Array.isArray(value)) return value.map(jsonData)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonData(v)]))
  return jsonScalar(value as ScalarValue)
}

/** A recorded or stored value for people: scalars as formatValue writes them, lists as `[0.9, 0.999]`. */
export function formatData(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatData).join(', ')}]`
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${formatData(v)}`).join(', ')}}`
  return formatValue(value as ScalarValue)
}
