/**
 * Twins: the same tensors (within the coarser dtype's rounding) and the same stored
 * hyperparameters. A twin without tensors, or missing some, disagrees: it cannot vouch for them.
 */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { aliasTable, type AliasTable } from '../hparams/aliases.ts'
import { valuesMatch } from '../hparams/compare.ts'
import { configuredValues } from '../hparams/discover.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { formatValue } from '../hparams/scalar.ts'
import type { Checks, Experiment, ManifestPath } from '../manifest/types.ts'
import type { DiffResult } from '../weights/diff.ts'
import { alignmentNote, boundOf, estimateText, fmt, groupNames, hasWeights, isEstimate, someNames, type Context } from './weight-context.ts'

/** A tensor differs from its twin: bitwise for equal dtypes, beyond the coarser rounding across dtypes. */
const differs = (t: DiffResult['tensors'][number]): boolean => (t.dtype.includes('/') ? t.beyond_rounding > 0 : !t.identical)

/** What the two files' tensors disagree on, phrased from the checkpoint's side. */
function tensorProblems(diff: DiffResult, main: Checkpoint, e: Experiment): string[] {
  const mainIsA = diff.a === main.path
  const [missing, extra] = mainIsA ? [diff.only_in_a, diff.only_in_b] : [diff.only_in_b, diff.only_in_a]
  const problems: string[] = []
  const differing = diff.tensors.filter(differs)
  if (differing.length > 0)
    problems.push(`${differing.length} of ${diff.tensors.length} tensors differ `
      + `(${groupNames(differing.map(t => t.name))}; mean |a−b| ${fmt(diff.mean_abs_diff)}${estimateText(diff)})`)
  if (missing.length > 0)
    problems.push(`the twin is missing ${someNames(missing, 10)} (${missing.length} tensors of ${e.checkpoint.display})`)
  if (extra.length > 0) problems.push(`the twin has ${extra.length} tensors ${e.checkpoint.display} lacks (${someNames(extra, 10)})`)
  if (diff.shape_mismatch.length > 0) problems.push(`shapes differ for ${groupNames(diff.shape_mismatch)}`)
  if (diff.not_compared.length > 0) problems.push(`not compared: ${someNames(diff.not_compared.map(t => `${t.name} (${t.dtype})`))}`)
  return problems
}

/** Canonical keys both files hold with different values. */
function hparamProblems(mainLeaves: Leaf[], twinLeaves: Leaf[], aliases: AliasTable, checks: Checks): string[] {
  // configured values only: a twin saved after more scheduler steps holds another current lr
  const mine = new Map(configuredValues(mainLeaves, aliases).map(d => [d.key, d.found!]))
  const problems: string[] = []
  for (const theirs of configuredValues(twinLeaves, aliases)) {
    const own = mine.get(theirs.key)
    if (own === undefined || valuesMatch(own.value.value, theirs.found!.value, checks.tolerance)) continue
    const twinValue = `${formatValue(theirs.found!.value.value)} (${theirs.found!.source})`
    problems.push(`${theirs.key} is ${formatValue(own.value.value)} (${own.source}) here but ${twinValue} in the twin`)
  }
  return problems
}

async function auditTwin(ctx: Context, e: Experiment, twin: ManifestPath, aliases: AliasTable): Promise<void> {
  const { input, audit } = ctx
  const where = { experiment: e.name, checkpoint: e.checkpoint.display, location: twin.location }
  const twinOpened = await ctx.openReferenced(e, twin.resolved, twin.display, twin.location)
  const mainOpened = await input.open(e.checkpoint.resolved)
  if ('error' in twinOpened) {
    const message = `twin ${twin.display} cannot be read (${twinOpened.error.reason}): ${twinOpened.error.message}`
    audit.findings.push({ ...where, code: 'twin-mismatch', severity: 'error', message })
    return
  }
  if ('error' in mainOpened) return // already an unreadable finding
  const problems: string[] = []
  // weights, not tensors: optimizer moments and counters alone vouch for nothing
  const [mainHas, twinHas] = [hasWeights(mainOpened.checkpoint), hasWeights(twinOpened.checkpoint)]
  if (mainHas && !twinHas) problems.push(`the twin ${twin.display} holds no weight tensors`)
  if (!mainHas && twinHas) problems.push(`${e.checkpoint.display} holds no weight tensors, its twin does`)
  // twins of one dtype are a bit-identity question: the hashes decide it (verdictPaths)
  const diff = await ctx.verdictPaths(e.checkpoint.resolved, twin.resolved)
  if (diff !== undefined) {
    problems.push(...tensorProblems(diff, mainOpened.checkpoint, e))
    const how = alignmentNote(diff, mainOpened.checkpoint, e.checkpoint.display, twin.display)
    const estimated = isEstimate(diff) ? ` (distances estimated from samples, ±${fmt(boundOf(diff))})` : ''
    audit.details.push({ title: `${e.name}: ${e.checkpoint.display} vs twin ${twin.display}${how}${estimated}`, tensors: diff.tensors })
  }
  problems.push(...hparamProblems(mainOpened.leaves, twinOpened.leaves, aliases, input.checks))
  if (problems.length > 0) {
    const message = `${e.checkpoint.display} and its twin ${twin.display} disagree: ${problems.join('; ')}`
    audit.findings.push({ ...where, code: 'twin-mismatch', severity: 'error', message })
  }
}

export async function auditTwins(ctx: Context): Promise<void> {
  const aliases = aliasTable(ctx.input.manifest.aliases)
  for (const e of ctx.input.manifest.experiments)
    for (const twin of e.twins) await auditTwin(ctx, e, twin, aliases)
}
