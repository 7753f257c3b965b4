/** Weight difference between two checkpoints (DESIGN §6 `diff`): aligned names, per-tensor and overall statistics. */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { alignPair, type AlignedTensor, type PrefixesRemoved } from './align.ts'
import { isFloatingDtype } from './element-reader.ts'
import { compareMode, tensorStats } from './tensor-diff.ts'

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
  /** Names as written in A and B, when alignment changed either. */
  names?: { a: string, b: string }
  /** `bitwise` for dtypes that are not numbers (complex, quantized): means are 0, identical and beyond_rounding count. */
  compared?: 'bitwise'
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
  /** Element-weighted over floating tensors present in both with equal shape; null when there are none. */
  mean_abs_diff: number | null
  max_abs_diff: number | null
  elements: number
  /** Same names, shapes and bits everywhere, and nothing left uncompared. */
  identical: boolean
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

async function diffTensor(a: Checkpoint, b: Checkpoint, p: AlignedTensor): Promise<TensorDiff> {
  const stats = await tensorStats({ checkpoint: a, tensor: p.a.tensor }, { checkpoint: b, tensor: p.b.tensor })
  return {
    name: p.name, dtype: pairDtype(p), elements: stats.elements, identical: stats.identical,
    mean_abs_diff: stats.elements === 0 ? 0 : stats.sumAbsDiff / stats.elements, max_abs_diff: stats.maxAbsDiff,
    beyond_rounding: stats.beyondRounding,
    ...(p.a.name !== p.name || p.b.name !== p.name ? { names: { a: p.a.name, b: p.b.name } } : {}),
    ...(stats.mode === 'bitwise' ? { compared: 'bitwise' as const } : {}),
  }
}

/** Globals whose tensors the reader does not turn into tensor references (so they are not in the alignment at all). */
const UNREAD_TENSOR_KINDS: Readonly<Record<string, string>> = {
  'torch._utils._rebuild_qtensor': 'quantized', 'torch._utils._rebuild_sparse_tensor': 'sparse',
  'torch._utils._rebuild_nested_tensor': 'nested', 'torch._utils._rebuild_wrapper_subclass': 'tensor subclass',
}

/** One `not_compared` entry per kind of tensor either file holds that the reader leaves out. */
function unreadTensors(a: Checkpoint, b: Checkpoint): NotCompared[] {
  const kinds = new Set([...a.globals, ...b.globals].map(g => UNREAD_TENSOR_KINDS[g.qualified]).filter(k => k !== undefined))
  const reason = (kind: string) => `${kind} tensors are not read, so not compared`
  return [...kinds].sort().map(kind => ({ name: `(${kind} tensors)`, dtype: kind, reason: reason(kind) }))
}

export async function diffCheckpoints(a: Checkpoint, b: Checkpoint, progress?: DiffProgress): Promise<DiffResult> {
  const alignment = alignPair(a.tensors, b.tensors)
  const comparable = alignment.pairs.filter(sameShape)
  const total = comparable.reduce((acc, p) => acc + p.a.tensor.numel, 0)
  const tensors: TensorDiff[] = []
  const notCompared: NotCompared[] = unreadTensors(a, b)
  let [weighted, floatElements, done] = [0, 0, 0]
  let max: number | null = null
  for (const p of comparable) {
    if (compareMode(p.a.tensor.dtype, p.b.tensor.dtype) === 'none') {
      notCompared.push({ name: p.name, dtype: pairDtype(p), reason: `${pairDtype(p)} values have no common numeric meaning` })
      continue
    }
    const t = await diffTensor(a, b, p)
    tensors.push(t)
    if (isFloatingDtype(p.a.tensor.dtype) && isFloatingDtype(p.b.tensor.dtype)) {
      weighted += t.mean_abs_diff * t.elements
      floatElements += t.elements
      max = Math.max(max ?? 0, t.max_abs_diff)
    }
    done += p.a.tensor.numel
    progress?.(done, total)
  }
  const shapeMismatch = alignment.pairs.filter(p => !sameShape(p)).map(p => p.name)
  return {
    a: a.path, b: b.path,
    mean_abs_diff: floatElements === 0 ? null : weighted / floatElements,
    max_abs_diff: max,
    elements: floatElements,
    identical: alignment.onlyInA.length === 0 && alignment.onlyInB.length === 0 && shapeMismatch.length === 0
      && notCompared.length === 0 && tensors.every(t => t.identical),
    only_in_a: [...alignment.onlyInA], only_in_b: [...alignment.onlyInB], shape_mismatch: shapeMismatch.sort(),
    aligned: alignment.removed, not_compared: notCompared, tensors,
  }
}
