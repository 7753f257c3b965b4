/** Canonical hyperparameter names and the stored names they hide under (DESIGN §2). Case-insensitive. */

export const BUILTIN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  kl_beta: ['kl_beta', 'beta', 'kl_coef', 'kl_coeff', 'init_kl_coef', 'kl_penalty_coef'],
  lr: ['lr', 'learning_rate'],
  epoch: ['epoch', 'current_epoch'],
  phase: ['phase', 'stage'],
  global_step: ['global_step', 'step'],
}

/** canonical key → lower-cased stored names, the key itself always included. */
export type AliasTable = ReadonlyMap<string, readonly string[]>

/** Built-in aliases plus a manifest's `aliases:` (which add to, never replace, the built-ins). */
export function aliasTable(extra: Readonly<Record<string, readonly string[]>> = {}): AliasTable {
  const table = new Map<string, string[]>()
  for (const [key, names] of [...Object.entries(BUILTIN_ALIASES), ...Object.entries(extra)]) {
    const list = table.get(key) ?? [key.toLowerCase()]
    for (const name of names) if (!list.includes(name.toLowerCase())) list.push(name.toLowerCase())
    table.set(key, list)
  }
  return table
}

/** Stored names a key matches: its aliases, or just itself for a key with none. */
export function namesFor(key: string, table: AliasTable): readonly string[] {
  return table.get(key) ?? [key.toLowerCase()]
}
