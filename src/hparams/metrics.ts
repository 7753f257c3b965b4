/**
 * Finds a recorded metric where checkpoints keep one: Lightning's ModelCheckpoint callback state
 * (`monitor`, `best_model_score`, `current_score`), Hugging Face `trainer_state.json`
 * (`best_metric` for `metric_for_best_model`, the last `log_history` entry that logged it), or a
 * stored setting of the same name. A metric written with N decimals matches a stored value that
 * rounds to it at N decimals (people write 7.8863 for 7.886312).
 */
import { normalizeName } from './aliases.ts'
import { isSettingLeaf } from './discover.ts'
import type { Leaf } from './flatten.ts'
import type { StoredScalar } from './scalar.ts'

export interface StoredMetric {
  readonly value: StoredScalar
  readonly source: string
  /** A second value of the same metric that also describes this checkpoint (Lightning's current_score). */
  readonly alternative?: { readonly value: StoredScalar, readonly source: string, readonly label: string }
}

const sameMetric = (a: string, b: string): boolean => normalizeName(a) === normalizeName(b)

/** transformers names the best metric eval_<metric_for_best_model> unless it already starts with eval_. */
const hfBestMetricName = (name: string): string => (name.startsWith('eval_') ? name : `eval_${name}`)

const leafAt = (leaves: readonly Leaf[], file: string | undefined, path: readonly string[]): Leaf | undefined =>
  leaves.find(l => l.file === file && l.path.length === path.length && l.path.every((p, i) => p === path[i]))

/** Lightning: a ModelCheckpoint state whose `monitor` is this metric. */
function lightningMetric(leaves: readonly Leaf[], key: string): StoredMetric | undefined {
  for (const monitor of leaves) {
    if (monitor.path[0] !== 'callbacks' || monitor.path.at(-1) !== 'monitor' || typeof monitor.value.value !== 'string') continue
    if (!sameMetric(key, monitor.value.value)) continue
    const prefix = monitor.path.slice(0, -1)
    const best = leafAt(leaves, monitor.file, [...prefix, 'best_model_score'])
    const current = leafAt(leaves, monitor.file, [...prefix, 'current_score'])
    const first = best ?? current
    if (first === undefined || typeof first.value.value !== 'number') continue
    const other = best !== undefined && current !== undefined && typeof current.value.value === 'number' ? current : undefined
    return {
      value: first.value, source: first.source,
      ...(other !== undefined ? { alternative: { value: other.value, source: other.source, label: 'current_score of this checkpoint' } } : {}),
    }
  }
  return undefined
}

/** Hugging Face trainer_state.json: best_metric when it is this metric, else the last logged value. */
function trainerStateMetric(leaves: readonly Leaf[], key: string): StoredMetric | undefined {
  const state = leaves.filter(l => l.file?.split('/').at(-1) === 'trainer_state.json')
  // metric_for_best_model is a TrainingArguments field (training_args.bin), best_metric a trainer state field
  const named = leaves.find(l => l.path.length === 1 && l.path[0] === 'metric_for_best_model')
  const best = state.find(l => l.path.length === 1 && l.path[0] === 'best_metric')
  if (named !== undefined && typeof named.value.value === 'string' && sameMetric(key, hfBestMetricName(named.value.value)) && typeof best?.value.value === 'number')
    return { value: best.value, source: best.source }
  let last: Leaf | undefined
  for (const leaf of state)
    if (leaf.path[0] === 'log_history' && leaf.path.length === 3 && sameMetric(key, leaf.path[2]!) && typeof leaf.value.value === 'number')
      if (last === undefined || Number(leaf.path[1]) >= Number(last.path[1])) last = leaf
  return last !== undefined ? { value: last.value, source: last.source } : undefined
}

/** A stored setting of the metric's own name (`val_loss` beside the weights). */
function plainMetric(leaves: readonly Leaf[], key: string): StoredMetric | undefined {
  const leaf = leaves.find(l => isSettingLeaf(l) && normalizeName(l.path.at(-1)!) === normalizeName(key) && typeof l.value.value === 'number')
  return leaf !== undefined ? { value: leaf.value, source: leaf.source } : undefined
}

export function findMetric(leaves: readonly Leaf[], key: string): StoredMetric | undefined {
  return lightningMetric(leaves, key) ?? trainerStateMetric(leaves, key) ?? plainMetric(leaves, key)
}

/** True when the stored value, rounded to the decimals the record was written with, is the record. */
export function metricMatches(recorded: number, stored: number, decimals: number | undefined): boolean {
  if (!Number.isFinite(stored)) return false
  // a whole number written without a decimal point is compared as written (within float32 rounding)
  if (decimals === undefined) return Math.abs(stored - recorded) <= 2 ** -24 * Math.max(Math.abs(stored), Math.abs(recorded))
  const places = Math.min(decimals, 15)
  const half = 0.5 * 10 ** -places
  // a hair over half a unit absorbs binary representation error (7.88635 stored as 7.886349999…)
  return Math.abs(stored - recorded) <= half * (1 + 1e-9) + Number.EPSILON * Math.abs(recorded)
}
