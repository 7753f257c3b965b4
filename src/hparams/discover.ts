/**
 * Finds a hyperparameter among the flattened leaves. Candidates rank first by how specific
 * their name is to the key (`KL_BETA` beats a bare `beta` wherever each sits), then by where
 * they sit (docs/design.md §3): top level, the usual containers (`hyper_parameters`, `hparams`, `args`,
 * `config`, …), run-directory files, anywhere else outside weights and lists, and for `lr` last
 * the optimizer's `param_groups`, where `initial_lr` is the configured value and `lr` the
 * scheduled one. Disagreeing values are reported, never silently resolved.
 */
import { entryFor, normalizeName, underOtherMeaning, type AliasTable } from './aliases.ts'
import { valuesMatch } from './compare.ts'
import type { Leaf } from './flatten.ts'
import type { StoredScalar } from './scalar.ts'

export interface Candidate {
  readonly source: string
  readonly value: StoredScalar
  /** Run-directory file the value came from, if any (`trainer_state.json`). */
  readonly file: string | undefined
  /** 1 top level, 2 named container, 3 run-directory file, 4 elsewhere, 5 optimizer param_groups. */
  readonly tier: number
  /** 0: a name specific to the key; 1: a generic alias (`beta`). */
  readonly generic: boolean
}

export interface Discovery {
  readonly key: string
  /** The preferred candidate, if any was found. */
  readonly found: Candidate | undefined
  /** Candidates of the preferred kind that disagree with or repeat it (tiers 1–4). */
  readonly candidates: readonly Candidate[]
  /** Candidates disagree (docs/design.md §5 `hparam-ambiguous`). */
  readonly ambiguous: boolean
  /** Found only in optimizer param_groups (`initial_lr` when stored, else the current lr). */
  readonly lastResort: boolean
  /** Found only as an optimizer's current lr, with no `initial_lr`: a scheduled value, not the configured one. */
  readonly scheduledOnly: boolean
  /** The optimizer's current lr, shown beside a configured value as context. */
  readonly scheduled: { readonly value: StoredScalar, readonly source: string } | undefined
}

const CONTAINERS = new Set(['hyper_parameters', 'hparams', 'args', 'config', 'cfg', 'training_args', 'datamodule_hyper_parameters', '__metadata__'])
/** Subtrees that hold weights or optimizer state, not settings. */
const NOT_SETTINGS = new Set(['state_dict', 'model', 'model_state_dict', 'module', 'optimizer', 'optimizer_state_dict',
  'optimizer_states', 'lr_schedulers', 'scheduler', 'scaler', 'ema', 'ema_state_dict', 'callbacks', 'loops'])

/** A leaf that can be a setting: not inside weights, optimizer state or a list. */
export function isSettingLeaf(leaf: Leaf): boolean {
  return !leaf.inList && !NOT_SETTINGS.has(leaf.path[0]!)
}

/** Where a value at `path` sits, or undefined where it is no setting. */
function tierOf(path: readonly string[], file: string | undefined, inList: boolean): number | undefined {
  if (inList || NOT_SETTINGS.has(path[0]!)) return undefined
  if (file !== undefined) return 3
  if (path.length === 1) return 1
  if (CONTAINERS.has(path[0]!)) return 2
  return 4
}

const isParamGroupLr = (leaf: Leaf): boolean => leaf.path.includes('param_groups') && normalizeName(leaf.path.at(-1)!) === 'lr'

/** Optimizer param_groups, each group's current lr and, where a scheduler stored it, its initial_lr (the configured value). */
function optimizerLr(leaves: readonly Leaf[]): { configured: Leaf[], current: Leaf[] } {
  const current = leaves.filter(isParamGroupLr)
  const groupOf = (l: Leaf): string => `${l.file ?? ''}\u0000${l.path.slice(0, -1).join('\u0000')}`
  const groups = new Set(current.map(groupOf))
  const configured = leaves.filter(l => l.path.at(-1) === 'initial_lr' && groups.has(groupOf(l)))
  return { configured, current }
}

function candidateOf(leaf: Leaf, tier: number, generic: boolean): Candidate {
  return { source: leaf.source, value: leaf.value, file: leaf.file, tier, generic }
}

const disagree = (a: Candidate, b: Candidate): boolean => !valuesMatch(a.value.value, b.value) && !valuesMatch(b.value.value, a.value)

/**
 * `written`: the key as the manifest spells it. A stored name equal to it (up to case and
 * separators) is preferred: a recorded `beta` compares with a stored `beta`, also where a
 * specific `kl_beta` is stored beside it (which then shows as a conflict, not a silent choice).
 */
export function findKey(leaves: readonly Leaf[], key: string, aliases: AliasTable, written = key): Discovery {
  const entry = entryFor(key, aliases)
  const asWritten = normalizeName(written)
  const all: Array<Candidate & { exact: boolean }> = []
  for (const leaf of leaves) {
    const name = normalizeName(leaf.path.at(-1)!)
    const generic = entry.generic.includes(name)
    if (!generic && !entry.specific.includes(name)) continue
    if (generic && underOtherMeaning(leaf.path.slice(0, -1))) continue
    const tier = tierOf(leaf.path, leaf.file, leaf.inList)
    if (tier !== undefined) all.push({ ...candidateOf(leaf, tier, generic && name !== asWritten), exact: name === asWritten })
  }
  all.sort((a, b) => Number(b.exact) - Number(a.exact) || Number(a.generic) - Number(b.generic) || a.tier - b.tier)
  const found = all[0]
  const optimizer = entry.key === 'lr' ? optimizerLr(leaves) : { configured: [], current: [] }
  const scheduled = optimizer.current[0] !== undefined ? { value: optimizer.current[0].value, source: optimizer.current[0].source } : undefined
  if (found === undefined) {
    // param groups: initial_lr (configured) where a scheduler stored it, else the current lr; groups that differ conflict
    const groups = (optimizer.configured.length > 0 ? optimizer.configured : optimizer.current).map(l => candidateOf(l, 5, false))
    const candidate = groups[0]
    return {
      key, found: candidate, candidates: groups, ambiguous: candidate !== undefined && groups.some(c => disagree(c, candidate)),
      lastResort: candidate !== undefined, scheduledOnly: candidate !== undefined && optimizer.configured.length === 0,
      scheduled: optimizer.configured.length > 0 ? scheduled : undefined,
    }
  }
  // a generic name only counts when nothing specific was found: it never makes a conflict
  const candidates = all.filter(c => c.generic === found.generic)
  return { key, found, candidates, ambiguous: candidates.some(c => disagree(c, found)), lastResort: false, scheduledOnly: false, scheduled }
}

/** A stored list or mapping, rebuilt from its leaves so recorded lists compare element-wise. */
export type StoredTree = { readonly scalar: StoredScalar } | { readonly children: ReadonlyMap<string, StoredTree>, readonly list: boolean }

export interface CompositeCandidate {
  readonly source: string
  readonly value: StoredTree
  readonly tier: number
}

/** Rebuilds the subtree under `prefix` from the leaves below it. */
function subtree(leaves: readonly Leaf[], prefix: readonly string[]): StoredTree {
  const root = { children: new Map<string, StoredTree>(), list: true }
  for (const leaf of leaves) {
    if (leaf.path.length <= prefix.length || !prefix.every((p, i) => leaf.path[i] === p)) continue
    let node = root
    const rest = leaf.path.slice(prefix.length)
    rest.forEach((segment, i) => {
      if (!/^\d+$/.test(segment)) node.list = false
      if (i === rest.length - 1) node.children.set(segment, { scalar: leaf.value })
      else {
        let child = node.children.get(segment)
        if (child === undefined || !('children' in child)) {
          child = { children: new Map(), list: true }
          node.children.set(segment, child)
        }
        node = child as typeof root
      }
    })
  }
  return root
}

/** Stored lists and mappings under the key's names (`betas`, `target_modules`), best first. */
export function findComposite(leaves: readonly Leaf[], key: string, aliases: AliasTable): CompositeCandidate[] {
  const entry = entryFor(key, aliases)
  const seen = new Set<string>()
  const found: CompositeCandidate[] = []
  for (const leaf of leaves) {
    for (let j = 0; j < leaf.path.length - 1; j++) {
      if (!entry.specific.includes(normalizeName(leaf.path[j]!))) continue
      const prefix = leaf.path.slice(0, j + 1)
      const id = `${leaf.file ?? ''}\u0000${prefix.join('\u0000')}`
      if (seen.has(id)) continue
      seen.add(id)
      const inList = leaf.listFrom >= 0 && leaf.listFrom <= j
      const tier = tierOf(prefix, leaf.file, inList)
      if (tier === undefined) continue
      const own = leaves.filter(l => l.file === leaf.file)
      found.push({ source: `${leaf.file !== undefined ? `${leaf.file}:` : ''}${prefix.join('.')}`, value: subtree(own, prefix), tier })
    }
  }
  return found.sort((a, b) => a.tier - b.tier)
}

/** Two stored trees hold the same values (within the default tolerance). */
export function sameTree(a: StoredTree, b: StoredTree): boolean {
  if ('scalar' in a || 'scalar' in b) return 'scalar' in a && 'scalar' in b && valuesMatch(a.scalar.value, b.scalar)
  return a.list === b.list && a.children.size === b.children.size
    && [...a.children].every(([k, v]) => b.children.has(k) && sameTree(v, b.children.get(k)!))
}

/** An explicit `at:` path (dotted, optionally `file:dotted`) as written in a manifest. */
export function findAt(leaves: readonly Leaf[], at: string): Leaf | undefined {
  return leaves.find(leaf => leaf.source === at) ?? leaves.find(leaf => leaf.source.toLowerCase() === at.toLowerCase())
}

/** Every canonical key (with aliases) that the checkpoint holds. */
export function discoverAll(leaves: readonly Leaf[], aliases: AliasTable): Discovery[] {
  return [...aliases.keys()].map(key => findKey(leaves, key, aliases)).filter(d => d.found !== undefined)
}

/** Configured values only (no scheduled lr): what twins must agree on. */
export function configuredValues(leaves: readonly Leaf[], aliases: AliasTable): Discovery[] {
  return discoverAll(leaves, aliases).filter(d => !d.scheduledOnly)
}
