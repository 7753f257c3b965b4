/** Finds every tensor reachable from a metadata value, named by its dotted path. */
import type { NamedTensor } from './checkpoint.ts'
import { PyDict, PyObject, PyTuple, TensorRef, type PyValue } from './pickle/values.ts'

/**
 * Walks containers once each (memo DAGs and cycles are legal pickle), depth-capped. A tensor is
 * named at every reference, not only the first: tied weights (`head.weight = emb.weight`) are one
 * memoized object under two state_dict names, and torch's own state_dict lists both.
 */
function mayHoldTensor(value: PyValue): boolean {
  return value instanceof TensorRef || value instanceof PyDict || value instanceof PyObject || value instanceof PyTuple || Array.isArray(value)
}

export function collectTensors(root: PyValue, prefix = '', limit = 1_000_000): NamedTensor[] {
  const out: NamedTensor[] = []
  const seenContainers = new Set<object>()
  const visit = (value: PyValue, path: string, depth: number): void => {
    if (out.length >= limit || depth > 200 || value === null || typeof value !== 'object') return
    if (value instanceof TensorRef) {
      out.push({ name: path, tensor: value })
      return
    }
    if (seenContainers.has(value)) return
    seenContainers.add(value)
    // a path is built only for a value that may hold a tensor: a list of a million names costs no strings
    const child = (item: PyValue, key: unknown): void => {
      if (mayHoldTensor(item)) visit(item, path === '' ? String(key) : `${path}.${String(key)}`, depth + 1)
    }
    if (value instanceof PyDict) for (const [key, item] of value.entries) child(item, key)
    else if (Array.isArray(value)) value.forEach((item, i) => child(item, i))
    else if (value instanceof PyTuple) value.items.forEach((item, i) => child(item, i))
    else if (value instanceof PyObject) {
      for (const [key, item] of value.items ?? []) child(item, key)
      if (value.state !== undefined) visit(value.state, path, depth + 1)
      value.args.forEach((item, i) => child(item, `arg${i}`))
    }
  }
  visit(root, prefix, 0)
  return out
}
