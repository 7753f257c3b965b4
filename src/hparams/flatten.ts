/**
 * Flattens stored metadata to dotted leaves (`args.KL_BETA = 0.1`), the one shape every lookup
 * works on. Containers are visited once each (pickles may share or cycle), with caps on depth
 * and leaf count. Weights are not leaves; 0-dim tensors are.
 */
import type { MetadataRoot } from '../checkpoint/checkpoint.ts'
import { PyDict, PyObject, PySet, PyTuple, TensorRef, type PyValue } from '../checkpoint/pickle/values.ts'
import { parseNumericString, toScalar, type StoredScalar } from './scalar.ts'

export interface Leaf {
  /** Key path inside its root. */
  readonly path: readonly string[]
  /** What users read: dotted path, prefixed with `file:` inside run directories. */
  readonly source: string
  readonly file: string | undefined
  readonly value: StoredScalar
  /** Inside a list or tuple (log histories, param_groups): not a hyperparameter unless asked for. */
  readonly inList: boolean
  /** Index in `path` of the first list position, -1 when not inside a list. */
  readonly listFrom: number
}


const MAX_DEPTH = 64
const MAX_LEAVES = 100_000
const MAX_LIST_ITEMS = 64

export function sourceOf(file: string | undefined, path: readonly string[]): string {
  const dotted = path.join('.')
  return file === undefined ? dotted : `${file}:${dotted}`
}

/** Entries of anything dict-like: dicts, objects' `__dict__` state (argparse, dataclasses), dict subclasses. */
export function entriesOf(value: PyValue): Array<[string, PyValue]> | undefined {
  if (value instanceof PyDict) return [...value.entries].map(([k, v]) => [String(k), v])
  if (value instanceof PyObject) {
    const out: Array<[string, PyValue]> = []
    const state = value.state instanceof PyTuple ? value.state.items : [value.state]
    for (const part of state) if (part instanceof PyDict) for (const [k, v] of part.entries) out.push([String(k), v])
    for (const [k, v] of value.items ?? []) out.push([String(k), v])
    if (value.kwargs !== undefined) for (const [k, v] of value.kwargs.entries) out.push([String(k), v])
    return out.length > 0 ? out : undefined
  }
  return undefined
}

/**
 * An object's entries, reading each of its state and kwargs dicts only if no other object's walk
 * read it: memo lets one large state dict be BUILT into thousands of objects, and re-reading it
 * per object would be quadratic (a shared dict is a shared container, visited once).
 */
function unvisitedEntriesOf(object: PyObject, visited: Set<object>): Array<[string, PyValue]> {
  const out: Array<[string, PyValue]> = []
  const read = (dict: PyValue | undefined): void => {
    if (!(dict instanceof PyDict) || visited.has(dict)) return
    visited.add(dict)
    for (const [k, v] of dict.entries) out.push([String(k), v])
  }
  for (const part of object.state instanceof PyTuple ? object.state.items : [object.state]) read(part)
  for (const [k, v] of object.items ?? []) out.push([String(k), v])
  read(object.kwargs)
  return out
}

export function flatten(roots: readonly MetadataRoot[]): Leaf[] {
  const leaves: Leaf[] = []
  const visited = new Set<object>()
  for (const root of roots) {
    const visit = (value: PyValue, path: string[], listFrom: number, fromMetadata: boolean): void => {
      const inList = listFrom >= 0
      if (leaves.length >= MAX_LEAVES || path.length > MAX_DEPTH) return
      const scalar = toScalar(value)
      if (scalar !== undefined) {
        if (path.length === 0) return
        let stored = scalar
        // safetensors __metadata__ holds only strings: numbers and JSON documents are parsed
        if (fromMetadata && typeof scalar.value === 'string') {
          const number = parseNumericString(scalar.value)
          if (number !== undefined) stored = { value: number }
          else if (/^\s*\{/.test(scalar.value)) {
            try {
              const parsed = JSON.parse(scalar.value) as unknown
              if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
                for (const [k, v] of Object.entries(parsed)) if (v === null || typeof v !== 'object') visit(v as PyValue, [...path, k], listFrom, true)
                return
              }
            } catch { /* an ordinary string after all */ }
          }
        }
        leaves.push({ path, source: sourceOf(root.file, path), file: root.file, value: stored, inList, listFrom })
        return
      }
      if (value === null || typeof value !== 'object' || value instanceof TensorRef || value instanceof Uint8Array) return
      if (visited.has(value)) return
      visited.add(value)
      const items = Array.isArray(value) ? value : value instanceof PyTuple ? value.items : value instanceof PySet ? value.items : undefined
      if (items !== undefined) {
        // long lists (log histories) keep their first and last items, at their real indices
        const half = MAX_LIST_ITEMS / 2
        items.forEach((item, i) => {
          if (items.length <= MAX_LIST_ITEMS || i < half || i >= items.length - half) visit(item, [...path, String(i)], inList ? listFrom : path.length, fromMetadata)
        })
        return
      }
      const entries = value instanceof PyObject ? unvisitedEntriesOf(value, visited) : entriesOf(value) ?? []
      for (const [key, item] of entries) visit(item, [...path, key], listFrom, fromMetadata || (path.length === 0 && key === '__metadata__'))
    }
    visit(root.value, [], -1, false)
  }
  return leaves
}
