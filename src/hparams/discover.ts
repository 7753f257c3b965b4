/**
 * Finds a hyperparameter among the flattened leaves, in DESIGN §3's order of preference:
 * top level, then the usual containers (`hyper_parameters`, `hparams`, `args`, `config`, …),
 * then run-directory files, then anywhere else outside weights and lists, and for `lr` last the
 * optimizer's `param_groups`. Disagreeing values are reported, never silently resolved.
 */
import { namesFor, type AliasTable } from './aliases.ts'
import { valuesMatch } from './compare.ts'
import type { Leaf } from './flatten.ts'
import type { StoredScalar } from './scalar.ts'

export interface Candidate {
  readonly source: string
  readonly value: StoredScalar
  /** 1 top level, 2 named container, 3 run-directory file, 4 elsewhere, 5 optimizer param_groups. */
  readonly tier: number
}

export interface Discovery {
  readonly key: string
  /** The preferred candidate, if any was found. */
  readonly found: Candidate | undefined
  /** Every candidate of tiers 1–4 (the last resort only when nothing else was found). */
  readonly candidates: readonly Candidate[]
  /** Candidates disagree (DESIGN §5 `hparam-ambiguous`). */
  readonly ambiguous: boolean
  /** Found only in optimizer param_groups: the current, possibly scheduled, value. */
  readonly lastResort: boolean
}

const CONTAINERS = new Set(['hyper_parameters', 'hparams', 'args', 'config', 'cfg', 'training_args', 'datamodule_hyper_parameters', '__metadata__'])
/** Subtrees that hold weights or optimizer state, not settings. */
const NOT_SETTINGS = new Set(['state_dict', 'model', 'model_state_dict', 'module', 'optimizer', 'optimizer_state_dict',
  'optimizer_states', 'lr_schedulers', 'scheduler', 'scaler', 'ema', 'ema_state_dict'])

/** A leaf that can be a setting: not inside weights, optimizer state or a list. */
export function isSettingLeaf(leaf: Leaf): boolean {
  return !leaf.inList && !NOT_SETTINGS.has(leaf.path[0]!)
}

function tierOf(leaf: Leaf, key: string): number | undefined {
  if (key === 'lr' && leaf.path.includes('param_groups')) return 5
  if (!isSettingLeaf(leaf)) return undefined
  if (leaf.file !== undefined) return 3
  if (leaf.path.length === 1) return 1
  if (CONTAINERS.has(leaf.path[0]!)) return 2
  return 4
}

export function findKey(leaves: readonly Leaf[], key: string, aliases: AliasTable): Discovery {
  const names = namesFor(key, aliases)
  const all: Candidate[] = []
  for (const leaf of leaves) {
    if (!names.includes(leaf.path[leaf.path.length - 1]!.toLowerCase())) continue
    const tier = tierOf(leaf, key)
    if (tier !== undefined) all.push({ source: leaf.source, value: leaf.value, tier })
  }
  all.sort((a, b) => a.tier - b.tier)
  const settled = all.filter(c => c.tier < 5)
  const candidates = settled.length > 0 ? settled : all.slice(0, 1)
  const found = candidates[0]
  const ambiguous = found !== undefined && candidates.some(c => !valuesMatch(c.value.value, found.value) && !valuesMatch(found.value.value, c.value))
  return { key, found, candidates, ambiguous, lastResort: found?.tier === 5 }
}

/** An explicit `at:` path (dotted, optionally `file:dotted`) as written in a manifest. */
export function findAt(leaves: readonly Leaf[], at: string): Leaf | undefined {
  return leaves.find(leaf => leaf.source === at) ?? leaves.find(leaf => leaf.source.toLowerCase() === at.toLowerCase())
}

/** Every canonical key (with aliases) that the checkpoint holds. */
export function discoverAll(leaves: readonly Leaf[], aliases: AliasTable): Discovery[] {
  return [...aliases.keys()].map(key => findKey(leaves, key, aliases)).filter(d => d.found !== undefined)
}
