/**
 * The gate: `fail_on` entries (manifest, `--fail-on`, the Action's `fail-on`) resolve to the
 * keys they mean, or are refused. An entry nobody knows is an error with "did you mean", so a
 * typo can never switch the gate off.
 */
import { canonicalKey, namesFor, normalizeName, type AliasTable } from '../hparams/aliases.ts'
import { suggest } from './errors.ts'

export interface FailOnResolution {
  /** Canonical keys (or recorded keys no alias knows), in the order given, each once. */
  readonly keys: readonly string[]
  /** One message per entry that names nothing known, by the entry's index. */
  readonly problems: ReadonlyArray<{ readonly index: number, readonly message: string }>
}

/**
 * `recordedKeys`: every hparam and metric key some experiment records (as resolved). An entry
 * is valid when it is a canonical key, an alias, or one of those.
 */
export function resolveFailOn(entries: readonly string[], table: AliasTable, recordedKeys: readonly string[]): FailOnResolution {
  const keys: string[] = []
  const problems: Array<{ index: number, message: string }> = []
  const recorded = new Map(recordedKeys.map(k => [normalizeName(k), k]))
  entries.forEach((entry, index) => {
    if (normalizeName(entry) === '') {
      problems.push({ index, message: `fail_on entry '${entry}' is empty: it would never fail the build` })
      return
    }
    const key = canonicalKey(entry, table) ?? recorded.get(normalizeName(entry))
    if (key !== undefined) {
      if (!keys.includes(key)) keys.push(key)
      return
    }
    const known = [...new Set([...[...table.keys()].flatMap(k => namesFor(k, table)), ...recordedKeys])]
    const hint = suggest(normalizeName(entry), known.map(normalizeName))
    const named = hint !== undefined ? known.find(k => normalizeName(k) === hint) : undefined
    problems.push({
      index,
      message: `fail_on entry '${entry}' names no known key and no key any experiment records, so it would never fail the build; `
        + (named !== undefined ? `did you mean '${canonicalKey(named, table) ?? named}'?` : `known keys: ${[...table.keys()].join(', ')}`),
    })
  })
  return { keys, problems }
}

/** Whether a recorded key is one the gate fails on. */
export function isGated(key: string, failOn: readonly string[]): boolean {
  const n = normalizeName(key)
  return failOn.some(k => normalizeName(k) === n)
}
