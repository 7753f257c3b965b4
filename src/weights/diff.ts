/** Weight difference between two checkpoints (docs/design.md §6 `diff`): aligned names, per-tensor and overall statistics. */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { sha256File } from '../checkpoint/sha256.ts'
import { isRemoteAddress } from '../checkpoint/remote/address.ts'
import { alignPair, type AlignedTensor, type PrefixesRemoved } from './align.ts'
import { isFloatingDtype } from './element-reader.ts'
import { compareMode, tensorStats, type TensorStats } from './tensor-diff.ts'
import { parallelStats } from '../workers/parallel-stats.ts'

export interface TensorDiff {
  /** The aligned name (see `aligned`); the name as written in each file is in `names` when it differs. */
  name: string
  dtype: string
  elements: number
  identical: boolean
  mean_abs_diff: number
  max_abs_diff: number
  /** Elements beyond the rounding of the coarser dtype; 0 means equal within rounding (for twins). */
  beyond_rounding: number
  /** Elements that are NaN on one side and a number on the other: they differ, but are not in the means. */
  nan_mismatch: number
  /** Names as written in A and B, when alignment changed either. */
  names?: { a: string, b: string }
  /** `bitwise` for dtypes that are not numbers (complex, quantized): means are 0, identical and beyond_rounding count. */
  compared?: 'bitwise'
  /** Only in a diff estimated from fingerprints: the half-width of `mean_abs_diff`'s interval (Infinity: unknown). */
  error_bound?: number
}

/** A tensor present in both files that could not be compared (dtypes with no common meaning). */
export interface NotCompared {
  name: string
  dtype: string
  reason: string
}

/** The `diff --json` document. */
export interface DiffResult {
  a: string
  b: string
  /**
   * Element-weighted over floating tensors present in both with equal shape; null when there are
   * none; Infinity (written "inf" in JSON) when an infinity meets a number.
   */
  mean_abs_diff: number | null
  max_abs_diff: number | null
  elements: number
  /** Same names, shapes and bits everywhere, at least one tensor compared, and nothing left uncompared. */
  identical: boolean
  /** Elements, over all tensors, that are NaN on one side and a number on the other. */
  nan_mismatch: number
  /** Code-running globals either file names (nothing was executed): `diff` warns and exits 1, as `inspect` does. */
  unsafe_globals: string[]
  only_in_a: string[]
  only_in_b: string[]
  shape_mismatch: string[]
  /** Prefixes removed from A's and B's names to align them, when the names differ; null when they are equal. */
  aligned: PrefixesRemoved | null
  not_compared: NotCompared[]
  tensors: TensorDiff[]
}

export interface DiffProgress {
  (done: number, total: number): void
}

const sameShape = (p: AlignedTensor): boolean => p.a.tensor.shape.join(',') === p.b.tensor.shape.join(',')
const pairDtype = (p: AlignedTensor): string => {
  const [x, y] = [p.a.tensor.dtype, p.b.tensor.dtype]
  return x === y ? x : `${x}/${y}`
}

function tensorDiffOf(p: AlignedTensor, stats: TensorStats): TensorDiff {
  return {
    name: p.name, dtype: pairDtype(p), elements: stats.elements, identical: stats.identical,
    mean_abs_diff: stats.elements === 0 ? 0 : stats.sumAbsDiff / stats.elements, max_abs_diff: stats.maxAbsDiff,
    beyond_rounding: stats.beyondRounding, nan_mismatch: stats.nanMismatch,
    ...(p.a.name !== p.name || p.b.name !== p.name ? { names: { a: p.a.name, b: p.b.name } } : {}),
    ...(stats.mode === 'bitwise' ? { compared: 'bitwise' as const } : {}),
  }
}

/** Globals whose tensors the reader does not turn into tensor references (so they are not in the alignment at all). */
export const UNREAD_TENSOR_KINDS: Readonly<Record<string, string>> = {
  'torch._utils._rebuild_qtensor': 'quantized', 'torch._utils._rebuild_sparse_tensor': 'sparse',
  'torch._utils._rebuild_nested_tensor': 'nested', 'torch._utils._rebuild_wrapper_subclass': 'tensor subclass',
}

/**
 * One `not_compared` entry per kind of tensor either file holds that the reader leaves out, unless
 * the two files are byte-identical (a copy: every tensor in them is equal, read or not).
 */
async function unreadTensors(a: Checkpoint, b: Checkpoint): Promise<NotCompared[]> {
  const kinds = new Set([...a.globals, ...b.globals].map(g => UNREAD_TENSOR_KINDS[g.qualified]).filter(k => k !== undefined))
  const reason = (kind: string) => `${kind} tensors are not read, so not compared`
  if (kinds.size === 0 || await sameBytes(a, b)) return []
  return [...kinds].sort().map(kind => ({ name: `(${kind} tensors)`, dtype: kind, reason: reason(kind) }))
}

async function sameBytes(a: Checkpoint, b: Checkpoint): Promise<boolean> {
  if (a.format === 'run-dir' || b.format === 'run-dir' || a.sizeBytes !== b.sizeBytes) return false
  // a remote object would be downloaded whole just to hash it: not worth it for this shortcut
  if (isRemoteAddress(a.path) || isRemoteAddress(b.path)) return false
  return (await sha256File(a.path)) === (await sha256File(b.path))
}

export function unsafeGlobalsOf(...checkpoints: Checkpoint[]): string[] {
  return [...new Set(checkpoints.flatMap(c => c.globals.filter(g => g.verdict === 'unsafe').map(g => g.qualified)))].sort()
}

/** Infinite distances as "inf": JSON has no infinity, and null means "no floating tensors in common". */
const finiteOrInf = (x: number | null): number | string | null => (x === Infinity ? 'inf' : x)

/** The `diff --json` document: a DiffResult with infinite distances written "inf". */
export function diffJson(diff: DiffResult): Record<string, unknown> {
  return {
    ...diff, mean_abs_diff: finiteOrInf(diff.mean_abs_diff), max_abs_diff: finiteOrInf(diff.max_abs_diff),
    tensors: diff.tensors.map(t => ({ ...t, mean_abs_diff: finiteOrInf(t.mean_abs_diff), max_abs_diff: finiteOrInf(t.max_abs_diff) })),
  }
}

export async function diffCheckpoints(a: Checkpoint, b: Checkpoint, progress?: DiffProgress): Promise<DiffResult> {
  const alignment = alignPair(a.tensors, b.tensors)
  const comparable = alignment.pairs.filter(sameShape)
  const total = comparable.reduce((acc, p) => acc + p.a.tensor.numel, 0)
  const tensors: TensorDiff[] = []
  const notCompared: NotCompared[] = await unreadTensors(a, b)
  let [weighted, floatElements, done, nan] = [0, 0, 0, 0]
  let max: number | null = null
  const numeric = comparable.filter(p => compareMode(p.a.tensor.dtype, p.b.tensor.dtype) !== 'none')
  // on worker threads when the pool is on, else here; added up below in one order, so the result is the same
  const statsOf = parallelStats(a, b, numeric) ?? ((p: AlignedTensor) => tensorStats({ checkpoint: a, tensor: p.a.tensor },
    { checkpoint: b, tensor: p.b.tensor }))
  for (const p of comparable) {
    if (compareMode(p.a.tensor.dtype, p.b.tensor.dtype) === 'none') {
      notCompared.push({ name: p.name, dtype: pairDtype(p), reason: `${pairDtype(p)} values have no common numeric meaning` })
      continue
    }
    const t = tensorDiffOf(p, await statsOf(p))
    tensors.push(t)
    nan += t.nan_mismatch
    if (isFloatingDtype(p.a.tensor.dtype) && isFloatingDtype(p.b.tensor.dtype)) {
      weighted += t.mean_abs_diff * t.elements
      floatElements += t.elements
      max = Math.max(max ?? 0, t.max_abs_diff)
    }
    done += p.a.tensor.numel
    progress?.(done, total)
  }
  const shapeMismatch = alignment.pairs.filter(p => !sameShape(p)).map(p => p.name)
  const result: DiffResult = {
    a: a.path, b: b.path,
    mean_abs_diff: floatElements === 0 ? null : weighted / floatElements,
    max_abs_diff: max,
    elements: floatElements,
    // nothing compared is no evidence of identity (two files whose weights were all filtered away)
    identical: tensors.length > 0 && alignment.onlyInA.length === 0 && alignment.onlyInB.length === 0 && shapeMismatch.length === 0
      && notCompared.length === 0 && tensors.every(t => t.identical),
    nan_mismatch: nan, unsafe_globals: unsafeGlobalsOf(a, b),
    only_in_a: [...alignment.onlyInA], only_in_b: [...alignment.onlyInB], shape_mismatch: shapeMismatch.sort(),
    aligned: alignment.removed, not_compared: notCompared, tensors,
  }
  // JSON.stringify(diff) (the CLI's diff --json) writes the documented document
  Object.defineProperty(result, 'toJSON', { value: () => diffJson(result), enumerable: false })
  return result
}
