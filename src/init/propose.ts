/**
 * What `ckpt-audit init` proposes for each checkpoint, as pure functions of what the files hold:
 * an experiment name from the path, the stored values of the keys that matter (with their
 * source), twins (same stem in another format or dtype, weights that agree), and a parent where
 * the weights say so (bit-identical parameter bytes with a checkpoint of an earlier step).
 */
import { discoverAll, isSettingLeaf } from '../hparams/discover.ts'
import { normalizeName, type AliasTable } from '../hparams/aliases.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { valuesMatch } from '../hparams/compare.ts'
import type { ScalarValue, StoredScalar } from '../hparams/scalar.ts'
import type { DiffResult } from '../weights/diff.ts'
import { identicalParameterBytes } from '../weights/lineage-evidence.ts'

/** Settings no alias covers that a record usually states. */
const EXTRA_KEYS = ['data_file', 'seed', 'batch_size', 'per_device_train_batch_size', 'model_name_or_path']

export interface ProposedValue {
  readonly key: string
  readonly value: ScalarValue
  readonly source: string
  /** Written as `{value, at}`: the key is stored in several places with different values. */
  readonly pinned: boolean
}

/** `results/kl015/grpo_epoch1.pt` → `kl015_grpo_epoch1`: unique, YAML-plain, from the path. */
export function experimentNames(relativePaths: readonly string[]): string[] {
  const base = relativePaths.map(p => p.replace(/\.(pt|pth|ckpt|safetensors|bin)$/i, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'checkpoint')
  const seen = new Map<string, number>()
  return base.map(name => {
    const n = (seen.get(name) ?? 0) + 1
    seen.set(name, n)
    return n === 1 ? name : `${name}_${n}`
  })
}

/** The stored values of the canonical keys found, and of a few common settings, each with its source. */
export function proposedValues(leaves: readonly Leaf[], aliases: AliasTable): ProposedValue[] {
  const out: ProposedValue[] = []
  for (const d of discoverAll(leaves, aliases)) {
    // a current (scheduled) lr is no configured value, and a step counter is no record of the run
    if (d.scheduledOnly || d.key === 'global_step' || d.found === undefined) continue
    out.push({ key: d.key, value: shortest(d.found.value), source: d.found.source, pinned: d.ambiguous })
  }
  for (const key of EXTRA_KEYS) {
    const same = leaves.filter(l => isSettingLeaf(l) && normalizeName(l.path.at(-1)!) === normalizeName(key))
    const leaf = same[0]
    if (leaf === undefined || out.some(v => v.key === key)) continue
    out.push({ key, value: shortest(leaf.value), source: leaf.source, pinned: same.some(l => !valuesMatch(l.value.value, leaf.value)) })
  }
  return out
}

/** A float32 value as the shortest decimal that rounds to it (0.18, not 0.18000000715255737), as people write it. */
export function shortest(stored: StoredScalar): ScalarValue {
  const v = stored.value
  if (typeof v !== 'number' || stored.dtype !== 'float32' || !Number.isFinite(v)) return v
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(v.toPrecision(digits))
    if (Math.fround(candidate) === Math.fround(v)) return candidate
  }
  return v
}

/** Same folder, and one stem is the other's plus a suffix (`grpo_epoch1` / `grpo_epoch1_v2format`, `model` / `model.bf16`). */
export function twinCandidates(a: string, b: string): boolean {
  const split = (p: string) => {
    const slash = p.lastIndexOf('/')
    return [p.slice(0, slash + 1), p.slice(slash + 1).replace(/\.(pt|pth|ckpt|safetensors|bin)$/i, '')] as const
  }
  const [da, sa] = split(a)
  const [db, sb] = split(b)
  if (da !== db || a === b) return false
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa]
  return short === long || (long.startsWith(short) && /^[_.-]/.test(long.slice(short.length)))
}

/** Twins agree: the same tensor names and shapes, each equal bit for bit or within the coarser dtype's rounding. */
export function weightsAgree(diff: DiffResult): boolean {
  return diff.tensors.length > 0 && diff.only_in_a.length === 0 && diff.only_in_b.length === 0 && diff.shape_mismatch.length === 0
    && diff.not_compared.length === 0 && diff.tensors.every(t => (t.dtype.includes('/') ? t.beyond_rounding === 0 : t.identical))
}

export interface ParentEvidence {
  readonly parent: number
  readonly bytes: number
  /** The parent is known to come first (same phase, earlier epoch or step): safe to declare. */
  readonly ordered: boolean
}

/** Where a checkpoint is in its run: phase, then epoch, then global step. */
export interface Progress {
  readonly phase: string | undefined
  readonly epoch: number | undefined
  readonly step: number | undefined
}

/** -1 a before b, 1 after, 0 the same point, undefined when the files do not say (another phase, no counters). */
export function compareProgress(a: Progress, b: Progress): number | undefined {
  if (a.phase !== b.phase) return undefined
  for (const [x, y] of [[a.epoch, b.epoch], [a.step, b.step]] as const) {
    if (x === undefined || y === undefined) continue
    if (x !== y) return x < y ? -1 : 1
  }
  return a.epoch === undefined && a.step === undefined ? undefined : 0
}

/**
 * The parent the weights point to: the other checkpoint sharing the most bit-identical parameter
 * bytes with this one (identical bytes are what frozen layers leave behind), never one known to
 * come later. Undefined without identical bytes.
 */
export function proposeParent(index: number, candidates: readonly number[], progress: readonly Progress[],
                              diffWith: (a: number, b: number) => DiffResult | undefined): ParentEvidence | undefined {
  let best: ParentEvidence | undefined
  for (const other of candidates) {
    if (other === index) continue
    const order = compareProgress(progress[other]!, progress[index]!)
    if (order !== undefined && order >= 0) continue
    const diff = diffWith(index, other)
    const bytes = diff !== undefined ? identicalParameterBytes(diff) : 0
    if (bytes > 0 && (best === undefined || bytes > best.bytes)) best = { parent: other, bytes, ordered: order === -1 }
  }
  return best
}
