/**
 * Compares one experiment's recorded hyperparameters with what its checkpoint stores. Pure:
 * it takes the flattened leaves and returns table rows and findings.
 */
import { namesFor, type AliasTable } from '../hparams/aliases.ts'
import { valuesMatch } from '../hparams/compare.ts'
import { findAt, findKey } from '../hparams/discover.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { formatValue, jsonScalar, type ScalarValue, type StoredScalar } from '../hparams/scalar.ts'
import type { Checks, Experiment, RecordedValue, SourceLocation } from '../manifest/types.ts'
import type { Finding } from './findings.ts'
import type { JsonScalar } from './inspect.ts'

export type HparamStatus = 'match' | 'mismatch' | 'missing' | 'ambiguous'

export interface HparamRow {
  readonly key: string
  readonly recorded: JsonScalar
  readonly stored: JsonScalar
  readonly source: string | null
  readonly status: HparamStatus
  /** How the two were compared when not as written (epoch base, stored precision, scheduled lr). */
  readonly note?: string
  /** Other stored values, when several places disagree. */
  readonly conflicts?: ReadonlyArray<{ value: JsonScalar, source: string }>
  readonly location: SourceLocation
}

/** The stored value a recorded epoch should have: `epoch_base: 0` means recorded 1 is stored 0. */
function expectedStored(row: RecordedValue, epochBase: 0 | 1): { value: ScalarValue, note?: string } {
  if (row.key !== 'epoch' || epochBase === 1 || typeof row.value !== 'number') return { value: row.value }
  const stored = row.value - 1 + epochBase
  return { value: stored, note: `recorded epoch ${row.value} = stored ${stored}, 0-based` }
}

function fmt(value: JsonScalar): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatValue(value)
}

export function auditHparams(experiment: Experiment, leaves: readonly Leaf[], checks: Checks, aliases: AliasTable,
                             checkpoint: string): { rows: HparamRow[], findings: Finding[] } {
  const rows: HparamRow[] = []
  const findings: Finding[] = []
  for (const recorded of experiment.hparams) {
    const failing = checks.failOn.includes(recorded.key)
    const expected = expectedStored(recorded, checks.epochBase)
    const base = { experiment: experiment.name, key: recorded.key, recorded: jsonScalar(recorded.value), checkpoint, location: recorded.location }

    let found: { value: StoredScalar, source: string } | undefined
    let conflicts: Array<{ value: StoredScalar, source: string }> = []
    let lastResort = false
    if (recorded.at !== undefined) {
      const leaf = findAt(leaves, recorded.at)
      if (leaf !== undefined) found = { value: leaf.value, source: leaf.source }
    } else {
      const discovery = findKey(leaves, recorded.key, aliases)
      if (discovery.found !== undefined) found = { value: discovery.found.value, source: discovery.found.source }
      if (discovery.ambiguous) conflicts = discovery.candidates.slice(1).map(c => ({ value: c.value, source: c.source }))
      lastResort = discovery.lastResort
    }

    if (found === undefined) {
      const where = recorded.at !== undefined ? `nothing is stored at ${recorded.at}` : `no stored value under ${namesFor(recorded.key, aliases).join(', ')}`
      rows.push({ key: recorded.key, recorded: base.recorded, stored: null, source: null, status: 'missing', location: recorded.location })
      findings.push({ ...base, code: 'hparam-missing', severity: failing ? 'error' : 'notice', message: `${recorded.key} recorded ${fmt(base.recorded)}, but ${checkpoint} has ${where}` })
      continue
    }
    const stored = jsonScalar(found.value.value)
    const matches = valuesMatch(expected.value, found.value, checks.tolerance)
    const notes = [
      expected.note,
      found.value.dtype !== undefined && found.value.dtype !== 'float64' && typeof found.value.value === 'number' ? `stored as ${found.value.dtype}` : undefined,
      lastResort ? 'current lr from the optimizer; a scheduler may have changed it' : undefined,
    ].filter((n): n is string => n !== undefined)
    const status: HparamStatus = conflicts.length > 0 ? 'ambiguous' : matches ? 'match' : 'mismatch'
    rows.push({
      key: recorded.key, recorded: base.recorded, stored, source: found.source, status, location: recorded.location,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
      ...(conflicts.length > 0 ? { conflicts: conflicts.map(c => ({ value: jsonScalar(c.value.value), source: c.source })) } : {}),
    })
    if (conflicts.length > 0) {
      const all = [found, ...conflicts].map(c => `${fmt(jsonScalar(c.value.value))} at ${c.source}`).join(', ')
      findings.push({ ...base, stored, source: found.source, code: 'hparam-ambiguous', severity: 'warning', message: `${recorded.key} is stored with different values: ${all}` })
    }
    if (!matches) {
      const epochNote = expected.note !== undefined ? ` (expected stored ${fmt(jsonScalar(expected.value))}: ${expected.note})` : ''
      findings.push({
        ...base, stored, source: found.source, code: 'hparam-mismatch', severity: failing ? 'error' : 'warning',
        message: `${recorded.key} recorded ${fmt(base.recorded)}, stored ${fmt(stored)} in ${checkpoint} (${found.source})${epochNote}`,
      })
    }
  }
  return { rows, findings }
}
