/** Finds every tensor reachable from a metadata value, named by its dotted path. */
import type { NamedTensor } from './checkpoint.ts'
import { PyDict, PyObject, PyTuple, TensorRef, type PyValue } from './pickle/values.ts'

/**
 * Walks containers once each (memo DAGs and cycles are legal pickle), depth-capped. A tensor is
 * named at every reference, not only the first: tied weights (`head.weight = emb.weight`) are one
 * memoized object under two state_dict names, and torch's own state_dict lists both.
 */
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
    const join = (key: unknown): string => (path === '' ? String(key) : `${path}.${String(key)}`)
    if (value instanceof PyDict) for (const [key, item] of value.entries) visit(item, join(key), depth + 1)
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, join(i), depth + 1))
    else if (value instanceof PyTuple) value.items.forEach((item, i) => visit(item, join(i), depth + 1))
    else if (value instanceof PyObject) {
      for (const [key, item] of value.items ?? []) visit(item, join(key), depth + 1)
      if (value.state !== undefined) visit(value.state, path, depth + 1)
      value.args.forEach((item, i) => visit(item, join(`arg${i}`), depth + 1))
    }
  }
  visit(root, prefix, 0)
  return out
}
