/**
 * `frozen` and `trained` globs against the declared parent. A glob matches a tensor by its
 * aligned name or by its name as written in either file. Equal within the coarser dtype's
 * rounding counts as unchanged. A glob that matches nothing, or a claim that cannot be checked,
 * is said so (`glob-unmatched`, `weights-unchecked`), never a silent pass.
 */
import type { Experiment, UnverifiedLevel } from '../manifest/types.ts'
import type { DiffResult, TensorDiff } from '../weights/diff.ts'
import type { Finding, Severity } from './findings.ts'
import { estimateText, fmt, someNames, type Context } from './weight-context.ts'

type Kind = 'frozen' | 'trained'
/** Most names searched for the nearest ones to an unmatched glob. */
const MAX_NEAREST_SCAN = 20_000

export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)
}

/** An unmatched glob is a mistake in the manifest: at least a warning, an error under --strict. */
function unmatchedSeverity(level: UnverifiedLevel): Severity {
  return level === 'error' ? 'error' : 'warning'
}

/** Precisions from coarsest to finest: the first of a pair's two dtypes found here names the rounding. */
const PRECISIONS = ['float8_e5m2', 'float8_e4m3fn', 'bfloat16', 'float16', 'float32', 'float64']

function unchanged(t: TensorDiff): boolean {
  return t.identical || (t.dtype.includes('/') && t.beyond_rounding === 0 && t.compared === undefined)
}

function roundingOf(tensors: readonly TensorDiff[]): string | undefined {
  const dtypes = tensors.filter(t => !t.identical).flatMap(t => t.dtype.split('/'))
  return PRECISIONS.find(p => dtypes.includes(p))
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    row = next
  }
  return row[b.length]!
}

/** The three names closest to a glob (by edit distance to the glob with its wildcards removed). */
export function nearestNames(glob: string, names: readonly string[]): string[] {
  const target = glob.replace(/[*?]/g, '')
  const scored = [...new Set(names)].slice(0, MAX_NEAREST_SCAN).map(name => ({ name, d: levenshtein(target, name) }))
  return scored.sort((x, y) => x.d - y.d || x.name.localeCompare(y.name)).slice(0, 3).map(s => s.name)
}

const namesOf = (t: TensorDiff): string[] => [t.name, ...(t.names !== undefined ? [t.names.a, t.names.b] : [])]

/**
 * Tensors a glob can name that were not compared value by value: new in the child, dtypes with no
 * common meaning (`unchecked`), and those the child no longer holds as the parent had them: absent
 * from the child, or reshaped (`gone`). A frozen tensor that is gone did not stay equal; a trained
 * one that is absent cannot be checked, and a reshaped one certainly changed.
 */
interface Uncompared {
  readonly unchecked: readonly string[]
  readonly absent: readonly string[]
  readonly reshaped: readonly string[]
}

function uncomparedNames(diff: DiffResult, childIsA: boolean): Uncompared {
  const [childOnly, parentOnly] = childIsA ? [diff.only_in_a, diff.only_in_b] : [diff.only_in_b, diff.only_in_a]
  return { unchecked: [...childOnly, ...diff.not_compared.map(t => t.name)], absent: parentOnly, reshaped: diff.shape_mismatch }
}

/** Names of one glob's tensors by how they were compared. */
interface Matched {
  readonly compared: readonly TensorDiff[]
  readonly unchecked: readonly string[]
  readonly absent: readonly string[]
  readonly reshaped: readonly string[]
}

function frozenFinding(glob: string, m: Matched, parent: string, estimated: string): string | undefined {
  const bad = m.compared.filter(t => !unchanged(t))
  const total = m.compared.length + m.absent.length + m.reshaped.length
  const gone = [
    ...(m.absent.length > 0 ? [`${m.absent.length} of ${parent}'s absent from the child (${someNames(m.absent)})`] : []),
    ...(m.reshaped.length > 0 ? [`${m.reshaped.length} changed shape (${someNames(m.reshaped)})`] : []),
  ]
  if (bad.length === 0 && gone.length === 0) return undefined
  const largest = bad.reduce((m, t) => Math.max(m, t.mean_abs_diff), -Infinity)
  const worst = bad.length > 0 ? ` (largest mean |a−b| ${fmt(largest)}${estimated}: ${someNames(bad.map(t => t.name))})` : ''
  return `frozen '${glob}': ${bad.length} of ${total} tensors differ from ${parent}${worst}${gone.map(g => `; ${g}`).join('')}`
}

function claimFinding(kind: Kind, glob: string, m: Matched, parent: string, estimated: string): string | undefined {
  if (kind === 'frozen') return frozenFinding(glob, m, parent, estimated)
  const matching = m.compared
  const bad = matching.filter(t => unchanged(t))
  if (bad.length === 0) return undefined
  const names = someNames(bad.map(t => t.name))
  const rounding = roundingOf(bad)
  const how = rounding === undefined ? `bit-identical to ${parent}` : `equal to ${parent} (bit-identical or within ${rounding} rounding)`
  return `trained '${glob}': ${bad.length} of ${matching.length} tensors are ${how} (${names}): they were not trained`
}

/** Findings of one experiment's globs against its declared parent's diff (undefined: either side has no readable weights). */
export function auditGlobs(ctx: Context, e: Experiment, parent: string, diff: DiffResult | undefined, childIsA: boolean): Finding[] {
  const where = { experiment: e.name, checkpoint: e.checkpoint.display, location: e.parent!.location }
  const level = ctx.input.checks.unverified
  const claims = [...e.frozen.map(g => ['frozen', g] as const), ...e.trained.map(g => ['trained', g] as const)]
  const nothingShared = diff !== undefined && diff.tensors.length + diff.shape_mismatch.length + diff.not_compared.length === 0
  if (diff === undefined || nothingShared) {
    // the parent claim itself, and every glob, rest unverified: said once, never a silent pass
    const what = ['parent', ...claims.map(([kind, glob]) => `${kind} '${glob}'`)].join(', ')
    const why = diff === undefined
      ? `${parent} or ${e.checkpoint.display} has no readable weights`
      : `${e.checkpoint.display} shares no tensor name with ${parent}`
    return [{ ...where, code: 'weights-unchecked', severity: level, message: `${what} could not be checked: ${why}` }]
  }
  const findings: Finding[] = []
  const uncompared = uncomparedNames(diff, childIsA)
  const allUncompared = [...uncompared.unchecked, ...uncompared.absent, ...uncompared.reshaped]
  for (const [kind, glob] of claims) {
    const pattern = globToRegExp(glob)
    const m: Matched = {
      compared: diff.tensors.filter(t => namesOf(t).some(name => pattern.test(name))),
      unchecked: uncompared.unchecked.filter(name => pattern.test(name)),
      absent: uncompared.absent.filter(name => pattern.test(name)),
      reshaped: uncompared.reshaped.filter(name => pattern.test(name)),
    }
    // a trained tensor absent from the child cannot be checked; a reshaped one changed (the claim holds)
    const unchecked = kind === 'frozen' ? m.unchecked : [...m.unchecked, ...m.absent]
    if (m.compared.length + m.unchecked.length + m.absent.length + m.reshaped.length === 0) {
      const nearest = nearestNames(glob, [...diff.tensors.map(t => t.name), ...allUncompared])
      const message = `${kind} glob '${glob}' matches no tensor of ${e.checkpoint.display} (nearest: ${nearest.join(', ') || 'none'})`
      findings.push({ ...where, code: 'glob-unmatched', severity: unmatchedSeverity(level), message })
      continue
    }
    if (unchecked.length > 0) {
      const message = `${kind} '${glob}': ${unchecked.length} tensors could not be compared with ${parent} (${someNames(unchecked)})`
      findings.push({ ...where, code: 'weights-unchecked', severity: level, message })
    }
    const message = claimFinding(kind, glob, m, parent, estimateText(diff))
    const code = kind === 'frozen' ? 'frozen-changed' : 'trained-unchanged'
    if (message !== undefined) findings.push({ ...where, code, severity: 'warning', message })
  }
  return findings
}
