/**
 * Compares one experiment's recorded hyperparameters with what its checkpoint stores. Pure:
 * it takes the flattened leaves and returns table rows and findings.
 */
import { canonicalKey, namesFor, normalizeName, type AliasTable } from '../hparams/aliases.ts'
import { compositeDifference, isComposite, valuesMatch, type RecordedData } from '../hparams/compare.ts'
import { findAt, findComposite, findKey, isSettingLeaf, sameTree, type Discovery, type StoredTree } from '../hparams/discover.ts'
import { epochKindOf, epochNote, epochNumberOf, expectedStoredEpoch, type EpochKind } from '../hparams/epoch.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { formatData, jsonData, type JsonData, type StoredScalar } from '../hparams/scalar.ts'
import { suggest } from '../manifest/errors.ts'
import { isGated } from '../manifest/fail-on.ts'
import type { Checks, Experiment, RecordedValue, SourceLocation } from '../manifest/types.ts'
import { SEVERITY_ORDER, type Finding, type Severity } from './findings.ts'

export type HparamStatus = 'match' | 'mismatch' | 'missing' | 'ambiguous'

export interface HparamRow {
  /** The canonical key. */
  readonly key: string
  /** The key as the manifest writes it, when that differs from the canonical key. */
  readonly written?: string
  readonly recorded: JsonData
  readonly stored: JsonData
  readonly source: string | null
  readonly status: HparamStatus
  /** How the two were compared when not as written (epoch base, stored precision, scheduled lr). */
  readonly note?: string
  /** Other stored values, when several places disagree. */
  readonly conflicts?: ReadonlyArray<{ value: JsonData, source: string }>
  readonly location: SourceLocation
}

/** What was found for one recorded value. */
interface Lookup {
  readonly value: StoredScalar | StoredTree
  readonly source: string
  readonly file: string | undefined
  readonly conflicts: ReadonlyArray<{ value: StoredScalar | StoredTree, source: string }>
  readonly discovery: Discovery | undefined
}

/** A value in a message: strings quoted, integers with every digit, lists as lists. */
const fmt = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : formatData(value))
const rawOf = (tree: StoredScalar | StoredTree): unknown => ('value' in tree ? tree.value : 'scalar' in tree ? tree.scalar.value : treeJson(tree))
const treeJson = (tree: StoredScalar | StoredTree): JsonData => {
  if ('value' in tree) return jsonData(tree.value)
  if ('scalar' in tree) return jsonData(tree.scalar.value)
  const items = [...tree.children].map(([k, v]) => [k, treeJson(v)] as const)
  return tree.list ? items.map(([, v]) => v) : Object.fromEntries(items)
}

/** The louder of two severities. */
function louder(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER[a] <= SEVERITY_ORDER[b] ? a : b
}

function lookup(recorded: RecordedValue, leaves: readonly Leaf[], aliases: AliasTable): Lookup | undefined {
  if (recorded.at !== undefined) {
    const leaf = findAt(leaves, recorded.at)
    if (leaf !== undefined) return { value: leaf.value, source: leaf.source, file: leaf.file, conflicts: [], discovery: undefined }
    if (!isComposite(recorded.value)) return undefined
    const tree = findComposite(leaves, recorded.at.split('.').at(-1)!, aliases).find(c => c.source.toLowerCase() === recorded.at!.toLowerCase())
    return tree !== undefined ? { value: tree.value, source: tree.source, file: undefined, conflicts: [], discovery: undefined } : undefined
  }
  if (isComposite(recorded.value)) {
    const [tree, ...others] = findComposite(leaves, recorded.key, aliases)
    if (tree === undefined) return undefined
    // the same list stored elsewhere with other values is a conflict, as for single values
    const conflicts = others.filter(o => o.tier <= 4 && !sameTree(o.value, tree.value)).map(o => ({ value: o.value, source: o.source }))
    return { value: tree.value, source: tree.source, file: undefined, conflicts, discovery: undefined }
  }
  const discovery = findKey(leaves, recorded.key, aliases, recorded.written)
  if (discovery.found === undefined) return undefined
  const conflicts = discovery.ambiguous ? discovery.candidates.slice(1).map(c => ({ value: c.value, source: c.source })) : []
  return { value: discovery.found.value, source: discovery.found.source, file: discovery.found.file, conflicts, discovery }
}

/** A stored name close to a recorded key that was not found: `kl_betta` → `hyper_parameters.kl_beta`. */
function nearestStored(recorded: RecordedValue, leaves: readonly Leaf[], aliases: AliasTable): string | undefined {
  const key = recorded.written
  // a known key is no typo: a stored name of another known key (`epoch` beside `epochs`) is not what it meant
  const known = canonicalKey(key, aliases) !== undefined
  const otherKey = (l: Leaf): boolean => {
    const owner = canonicalKey(l.path.at(-1)!, aliases)
    return known && owner !== undefined && owner !== recorded.key
  }
  const settings = leaves.filter(l => isSettingLeaf(l) && !otherKey(l))
  const names = [...new Set(settings.map(l => normalizeName(l.path.at(-1)!)))]
  const hint = suggest(normalizeName(key), names)
  return hint === undefined ? undefined : settings.find(l => normalizeName(l.path.at(-1)!) === hint)?.source
}

interface Context {
  readonly experiment: Experiment
  readonly checks: Checks
  readonly aliases: AliasTable
  readonly checkpoint: string
  readonly epochBase: 0 | 1
}

interface Outcome {
  readonly row: HparamRow
  readonly findings: Finding[]
}

/** The gated key an unknown recorded key is a few edits from (`kl_betta` → `kl_beta`): a typo must not slip past the gate. */
function gatedLookalike(recorded: RecordedValue, ctx: Context): string | undefined {
  if (recorded.at !== undefined || canonicalKey(recorded.written, ctx.aliases) !== undefined) return undefined
  const written = normalizeName(recorded.written)
  return ctx.checks.failOn.find(key => suggest(written, namesFor(key, ctx.aliases).map(normalizeName)) !== undefined)
}

function missing(recorded: RecordedValue, leaves: readonly Leaf[], ctx: Context, why?: { note: string, message: string }): Outcome {
  const lookalike = why === undefined ? gatedLookalike(recorded, ctx) : undefined
  const gated = isGated(recorded.key, ctx.checks.failOn) || lookalike !== undefined
  const hint = recorded.at === undefined && why === undefined ? nearestStored(recorded, leaves, ctx.aliases) : undefined
  const where = recorded.at !== undefined ? `nothing at ${recorded.at}` : `no stored value under ${namesFor(recorded.key, ctx.aliases).join(', ')}`
  const severity: Severity = gated ? 'error' : hint !== undefined ? louder('warning', ctx.checks.unverified) : ctx.checks.unverified
  const gate = lookalike !== undefined ? ` (${recorded.written} is no known key but looks like ${lookalike}, which fail_on gates: fix the spelling)` : ''
  const message = why?.message
    ?? `${recorded.written} recorded ${fmt(recorded.value)}, but ${ctx.checkpoint} has ${where}${hint !== undefined ? `; did you mean ${hint}?` : ''}${gate}`
  return {
    row: { ...rowBase(recorded), stored: null, source: null, status: 'missing', ...(why !== undefined ? { note: why.note } : {}) },
    findings: [{ ...findingBase(recorded, ctx), code: 'hparam-missing', severity, message }],
  }
}

function rowBase(recorded: RecordedValue): Pick<HparamRow, 'key' | 'written' | 'recorded' | 'location'> {
  return {
    key: recorded.key, ...(recorded.written !== recorded.key ? { written: recorded.written } : {}),
    recorded: jsonData(recorded.value), location: recorded.location,
  }
}

function findingBase(recorded: RecordedValue, ctx: Context): Pick<Finding, 'experiment' | 'key' | 'recorded' | 'checkpoint' | 'location'> {
  return { experiment: ctx.experiment.name, key: recorded.key, recorded: jsonData(recorded.value) as Finding['recorded'], checkpoint: ctx.checkpoint, location: recorded.location }
}

/** Compares one scalar with how it is stored; epochs by their source's semantics. */
function compareScalar(recorded: RecordedValue, found: Lookup & { value: StoredScalar }, ctx: Context): { matches: boolean, notes: string[], hint?: string } {
  const notes: string[] = []
  let expected = recorded.value as Exclude<RecordedData, object>
  if (recorded.key === 'epoch' && typeof expected === 'number') {
    const kind = epochKindOf(found.file)
    const note = epochNote(expected, kind, ctx.epochBase)
    if (note !== undefined) notes.push(note)
    const recordedEpoch = expected
    expected = expectedStoredEpoch(recordedEpoch, kind, ctx.epochBase)
    const matches = valuesMatch(expected, found.value, ctx.checks.tolerance)
    if (!matches && kind === 'counter') {
      const other = ctx.epochBase === 0 ? 1 : 0
      if (valuesMatch(expectedStoredEpoch(recordedEpoch, kind, other), found.value, ctx.checks.tolerance))
        return { matches, notes, hint: `it would match a counter that starts at ${other}: set checks.epoch_base: ${other} (or epoch_base: ${other} on this experiment)` }
    }
    return { matches, notes }
  }
  const d = found.discovery
  if (d?.lastResort === true) notes.push(d.scheduledOnly ? 'current lr from the optimizer (no initial_lr stored)' : 'configured initial_lr from the optimizer')
  if (d?.scheduled !== undefined && !d.scheduledOnly) notes.push(`the optimizer's current lr is ${formatData(d.scheduled.value.value)} (scheduled)`)
  if (found.value.dtype !== undefined && found.value.dtype !== 'float64' && typeof found.value.value === 'number') notes.push(`stored as ${found.value.dtype}`)
  return { matches: valuesMatch(expected, found.value, ctx.checks.tolerance), notes }
}

function auditOne(recorded: RecordedValue, leaves: readonly Leaf[], ctx: Context): Outcome {
  const found = lookup(recorded, leaves, ctx.aliases)
  if (found === undefined) return missing(recorded, leaves, ctx)
  const stored = treeJson(found.value)
  let matches: boolean
  let notes: string[] = []
  let detail = ''
  if (!('value' in found.value)) {
    const difference = compositeDifference(recorded.value, found.value, ctx.checks.tolerance)
    matches = difference === undefined
    if (difference !== undefined) detail = ` (${difference})`
  } else if (isComposite(recorded.value)) {
    matches = false
    detail = ' (a single value is stored)'
  } else {
    const compared = compareScalar(recorded, found as Lookup & { value: StoredScalar }, ctx)
    matches = compared.matches
    notes = compared.notes
    // a scheduled lr alone never makes a mismatch: the configured value is not stored
    if (!matches && found.discovery?.scheduledOnly === true)
      return missing(recorded, leaves, ctx, {
        note: `only the optimizer's current (scheduled) lr ${formatData(stored)} is stored, no initial_lr`,
        message: `${recorded.written} recorded ${fmt(recorded.value)}: ${ctx.checkpoint} stores only the optimizer's current lr ${formatData(stored)} `
          + `(${found.source}), which a scheduler may have changed, and no initial_lr; the configured value cannot be verified`,
      })
    if (compared.hint !== undefined) detail = `; ${compared.hint}`
    else if (notes.some(n => n.startsWith('recorded epoch'))) detail = ` (${notes.find(n => n.startsWith('recorded epoch'))})`
  }
  const conflicts = found.conflicts.map(c => ({ value: treeJson(c.value), raw: rawOf(c.value), source: c.source }))
  const status: HparamStatus = conflicts.length > 0 ? 'ambiguous' : matches ? 'match' : 'mismatch'
  const row: HparamRow = {
    ...rowBase(recorded), stored, source: found.source, status,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    ...(conflicts.length > 0 ? { conflicts: conflicts.map(({ value, source }) => ({ value, source })) } : {}),
  }
  const findings: Finding[] = []
  const base = { ...findingBase(recorded, ctx), stored: stored as Finding['stored'], source: found.source }
  if (conflicts.length > 0) {
    const all = [{ raw: rawOf(found.value), source: found.source }, ...conflicts].map(c => `${fmt(c.raw)} at ${c.source}`).join(', ')
    // which stored value is the setting is unknown: for a gated key that cannot pass
    findings.push({
      ...base, code: 'hparam-ambiguous', severity: isGated(recorded.key, ctx.checks.failOn) ? 'error' : 'warning',
      message: `${recorded.written} is stored with different values: ${all}; name the one you mean with at:`,
    })
  }
  if (!matches)
    findings.push({
      ...base, code: 'hparam-mismatch', severity: isGated(recorded.key, ctx.checks.failOn) ? 'error' : 'warning',
      message: `${recorded.written} recorded ${fmt(recorded.value)}, stored ${fmt(rawOf(found.value))} in ${ctx.checkpoint} (${found.source})${detail}`,
    })
  return { row, findings }
}

/** `epochs: 3` recorded while the checkpoint's counter shows epoch 1: not the final checkpoint. */
function notFinalEpoch(leaves: readonly Leaf[], ctx: Context): Finding | undefined {
  const planned = ctx.experiment.hparams.find(h => h.key === 'epochs')
  if (planned === undefined || typeof planned.value !== 'number') return undefined
  const epoch = findKey(leaves, 'epoch', ctx.aliases).found
  if (epoch === undefined || typeof epoch.value.value !== 'number') return undefined
  const kind: EpochKind = epochKindOf(epoch.file)
  const shown = epochNumberOf(epoch.value.value, kind, ctx.epochBase)
  if (shown >= planned.value) return undefined
  const counted = kind === 'completed' ? `${formatData(shown)} epochs completed` : `epoch ${formatData(shown)}`
  return {
    ...findingBase(planned, ctx), code: 'not-final-epoch', severity: 'warning', stored: epoch.value.value, source: epoch.source,
    message: `${counted} of ${formatData(planned.value)}: not the final checkpoint (${epoch.source} = ${formatData(epoch.value.value)}`
      + `${kind === 'counter' ? `, counting from ${ctx.epochBase}` : ''}; the record says the run trained ${formatData(planned.value)} epochs)`,
  }
}

/** Records of this key that a later one overrides with another value (a docs table under `hparams:`): one of them is wrong. */
function overridden(recorded: RecordedValue, ctx: Context): Finding[] {
  const at = (l: SourceLocation) => `${l.file}:${l.line}`
  return (recorded.overrides ?? []).map(o => ({
    ...findingBase(recorded, ctx), location: o.location, code: 'record-overridden' as const, severity: 'warning' as const,
    message: `${at(o.location)} records ${recorded.written} ${fmt(o.value)}, but ${at(recorded.location)} says ${fmt(recorded.value)}, `
      + 'which is the value compared: one of the two records is wrong',
  }))
}

export interface HparamAudit {
  readonly rows: HparamRow[]
  readonly findings: Finding[]
}

export function auditHparams(experiment: Experiment, leaves: readonly Leaf[], checks: Checks, aliases: AliasTable,
                             checkpoint: string): HparamAudit {
  const ctx: Context = { experiment, checks, aliases, checkpoint, epochBase: experiment.epochBase ?? checks.epochBase }
  const rows: HparamRow[] = []
  const findings: Finding[] = []
  for (const recorded of experiment.hparams) {
    const outcome = auditOne(recorded, leaves, ctx)
    rows.push(outcome.row)
    findings.push(...outcome.findings, ...overridden(recorded, ctx))
  }
  const lastEpoch = notFinalEpoch(leaves, ctx)
  if (lastEpoch !== undefined) findings.push(lastEpoch)
  return { rows, findings }
}

/** A recorded value was compared with a stored one (matched or not). */
export function isVerified(row: Pick<HparamRow, 'status'>): boolean {
  return row.status !== 'missing'
}
