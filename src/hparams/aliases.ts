/**
 * Canonical hyperparameter names and the stored names they hide under (docs/design.md §2), and key
 * identity: `KL_BETA`, `kl-beta`, `klBeta` and `kl_coef` are all `kl_beta`. Names compare by
 * their normalised form (case, `_`, `-`, `.`, `/` and spaces ignored), so camelCase and
 * SCREAMING_CASE spellings of one name are one name.
 */

export interface AliasSpec {
  /** Names specific to the key: any of them wins over a generic one, wherever each sits. */
  readonly specific: readonly string[]
  /** Names that mean this key only outside other namespaces (a bare `beta`): the last choice. */
  readonly generic?: readonly string[]
}

export const BUILTIN_ALIASES: Readonly<Record<string, AliasSpec>> = {
  kl_beta: { specific: ['kl_beta', 'kl_coef', 'kl_coeff', 'init_kl_coef', 'kl_loss_coef', 'kl_penalty_coef'], generic: ['beta'] },
  lr: { specific: ['lr', 'learning_rate'] },
  epoch: { specific: ['epoch', 'current_epoch'] },
  epochs: { specific: ['epochs', 'max_epochs', 'num_train_epochs', 'n_epochs'] },
  // `stage` is also DeepSpeed ZeRO's stage: generic, never under a deepspeed/zero namespace
  phase: { specific: ['phase'], generic: ['stage'] },
  global_step: { specific: ['global_step'], generic: ['step'] },
}

/**
 * Path segments under which a generic name means something else: EMA decay, Adam betas,
 * momentum, optimizer and scheduler state, DeepSpeed's ZeRO stage. Compared normalised, as parts
 * of a segment (`model_ema`, `adamw`, `optimizer_config`, `lr_scheduler`, `zero_optimization`).
 */
const OTHER_MEANING_PARTS = ['optim', 'schedul', 'adam', 'momentum', 'betas', 'paramgroups', 'deepspeed', 'zero']

function hasOtherMeaning(segment: string): boolean {
  const n = normalizeName(segment)
  return n.startsWith('ema') || n.endsWith('ema') || OTHER_MEANING_PARTS.some(part => n.includes(part))
}

/** The form two names are compared in. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_\-.\s/]/g, '')
}

/** True when a generic alias found under `ancestors` has another meaning there. */
export function underOtherMeaning(ancestors: readonly string[]): boolean {
  return ancestors.some(hasOtherMeaning)
}

export interface AliasEntry {
  /** The canonical key, as the docs spell it. */
  readonly key: string
  /** Normalised specific names, the key itself included. */
  readonly specific: readonly string[]
  /** Normalised generic names. */
  readonly generic: readonly string[]
}

/** canonical key → its entry; `resolve` maps any spelling of a known name to its canonical key. */
export interface AliasTable {
  readonly entries: ReadonlyMap<string, AliasEntry>
  /** normalised name → canonical key. */
  readonly byName: ReadonlyMap<string, string>
  /** Canonical keys (iteration order: built-ins first). */
  keys(): IterableIterator<string>
}

/** A user alias that already names another key: the manifest cannot mean both. */
export interface AliasConflict {
  readonly key: string
  readonly name: string
  readonly otherKey: string
}

/**
 * Built-in aliases plus a manifest's `aliases:` (which add to, never replace, the built-ins).
 * `aliases:` keys resolve like every other key (`KL_BETA:` adds to `kl_beta`).
 */
export function buildAliasTable(extra: Readonly<Record<string, readonly string[]>> = {}): { table: AliasTable, conflicts: AliasConflict[] } {
  const entries = new Map<string, { key: string, specific: string[], generic: string[] }>()
  const byName = new Map<string, string>()
  const conflicts: AliasConflict[] = []
  const claim = (key: string, name: string, list: string[]): void => {
    const n = normalizeName(name)
    const owner = byName.get(n)
    if (owner !== undefined && owner !== key) conflicts.push({ key, name, otherKey: owner })
    else if (owner === undefined) {
      byName.set(n, key)
      list.push(n)
    }
  }
  for (const [key, spec] of Object.entries(BUILTIN_ALIASES)) {
    const entry = { key, specific: [] as string[], generic: [] as string[] }
    entries.set(key, entry)
    for (const name of [key, ...spec.specific]) claim(key, name, entry.specific)
    for (const name of spec.generic ?? []) claim(key, name, entry.generic)
  }
  for (const [written, names] of Object.entries(extra)) {
    const key = byName.get(normalizeName(written)) ?? written
    let entry = entries.get(key)
    if (entry === undefined) {
      entry = { key, specific: [], generic: [] }
      entries.set(key, entry)
      claim(key, written, entry.specific)
    }
    for (const name of names) claim(key, name, entry.specific)
  }
  const table: AliasTable = { entries, byName, keys: () => entries.keys() }
  return { table, conflicts }
}

/** The alias table, ignoring conflicts (the manifest parser reports those). */
export function aliasTable(extra: Readonly<Record<string, readonly string[]>> = {}): AliasTable {
  return buildAliasTable(extra).table
}

/** The canonical key a written name stands for, or undefined when no alias knows it. */
export function canonicalKey(written: string, table: AliasTable): string | undefined {
  return table.byName.get(normalizeName(written))
}

/** The entry a recorded key is looked up with: its canonical entry, or one for its own name. */
export function entryFor(key: string, table: AliasTable): AliasEntry {
  const canonical = canonicalKey(key, table)
  return (canonical !== undefined ? table.entries.get(canonical) : undefined) ?? { key, specific: [normalizeName(key)], generic: [] }
}

/** Stored names a key matches, as written in the docs (for messages). */
export function namesFor(key: string, table: AliasTable): readonly string[] {
  const entry = entryFor(key, table)
  const spelled = [entry.key, ...(BUILTIN_ALIASES[entry.key]?.specific ?? []), ...(BUILTIN_ALIASES[entry.key]?.generic ?? [])]
  const known = new Set(spelled.map(normalizeName))
  return [...new Set([...spelled, ...[...entry.specific, ...entry.generic].filter(n => !known.has(n))])]
}
