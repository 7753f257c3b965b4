/** Weight difference between two checkpoints (DESIGN §6 `diff`): aligned names, per-tensor and overall statistics. */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import { alignTensors } from './align.ts'
import { tensorStats } from './tensor-diff.ts'

export interface TensorDiff {
  name: string
  dtype: string
  elements: number
  identical: boolean
  mean_abs_diff: number
  max_abs_diff: number
  /** Elements beyond the rounding of the coarser dtype; 0 means equal within rounding (for twins). */
  beyond_rounding: number
}

/** The `diff --json` document. */
export interface DiffResult {
  a: string
  b: string
  /** Element-weighted over floating tensors present in both with equal shape; null when there are none. */
  mean_abs_diff: number | null
  max_abs_diff: number | null
  elements: number
  /** Same names, shapes and bits everywhere. */
  identical: boolean
  only_in_a: string[]
  only_in_b: string[]
  shape_mismatch: string[]
  tensors: TensorDiff[]
}

export interface DiffProgress {
  (done: number, total: number): void
}

function isNumeric(dtype: string): boolean {
  return ['float', 'int', 'uint', 'bool'].includes(dtypeInfo(dtype)?.kind ?? '')
}

function isFloating(dtype: string): boolean {
  return dtypeInfo(dtype)?.kind === 'float'
}

export async function diffCheckpoints(a: Checkpoint, b: Checkpoint, progress?: DiffProgress): Promise<DiffResult> {
  const left = alignTensors(a.tensors)
  const right = alignTensors(b.tensors)
  const onlyInA = [...left.keys()].filter(k => !right.has(k)).sort()
  const onlyInB = [...right.keys()].filter(k => !left.has(k)).sort()
  const shapeMismatch: string[] = []
  const pairs: Array<[string, NonNullable<ReturnType<typeof left.get>>, NonNullable<ReturnType<typeof right.get>>]> = []
  for (const [name, ta] of left) {
    const tb = right.get(name)
    if (tb === undefined) continue
    if (ta.tensor.shape.join(',') !== tb.tensor.shape.join(',')) shapeMismatch.push(name)
    else pairs.push([name, ta, tb])
  }
  pairs.sort((x, y) => x[0].localeCompare(y[0]))
  const total = pairs.reduce((acc, [, ta]) => acc + ta.tensor.numel, 0)
  let done = 0
  const tensors: TensorDiff[] = []
  let weighted = 0
  let floatElements = 0
  let max: number | null = null
  for (const [name, ta, tb] of pairs) {
    if (!isNumeric(ta.tensor.dtype) || !isNumeric(tb.tensor.dtype)) continue
    const stats = await tensorStats({ checkpoint: a, tensor: ta.tensor }, { checkpoint: b, tensor: tb.tensor })
    tensors.push({
      name, dtype: ta.tensor.dtype === tb.tensor.dtype ? ta.tensor.dtype : `${ta.tensor.dtype}/${tb.tensor.dtype}`,
      elements: stats.elements, identical: stats.identical,
      mean_abs_diff: stats.elements === 0 ? 0 : stats.sumAbsDiff / stats.elements, max_abs_diff: stats.maxAbsDiff,
      beyond_rounding: stats.beyondRounding,
    })
    if (isFloating(ta.tensor.dtype) && isFloating(tb.tensor.dtype)) {
      weighted += stats.sumAbsDiff
      floatElements += stats.elements
      max = Math.max(max ?? 0, stats.maxAbsDiff)
    }
    done += ta.tensor.numel
    progress?.(done, total)
  }
  return {
    a: a.path, b: b.path,
    mean_abs_diff: floatElements === 0 ? null : weighted / floatElements,
    max_abs_diff: max,
    elements: floatElements,
    identical: onlyInA.length === 0 && onlyInB.length === 0 && shapeMismatch.length === 0 && tensors.every(t => t.identical),
    only_in_a: onlyInA, only_in_b: onlyInB, shape_mismatch: shapeMismatch.sort(), tensors,
  }
}
