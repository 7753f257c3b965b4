/**
 * Experiments recorded as different whose weights are (nearly) the same: bit-identical, or a
 * distance at most `near_duplicate_ratio` × a yardstick. The yardstick is how far training moved
 * the runs: the smaller of the two runs' distances from their parents (declared, or the inferred
 * one of a parent-mismatch), or the median distance over all compared pairs when that is larger
 * or when neither run has a known parent. The message says which one decided.
 *
 * Only a meaningful overlap counts: the floating-point elements compared must be at least half of
 * each run's (one shared 0-dim `logit_scale` of two architectures is no evidence), and a NaN
 * against a number anywhere is a difference (a healthy run and a diverged all-NaN one are not
 * "the same values").
 */
import { recordedEqual } from '../hparams/compare.ts'
import { formatData } from '../hparams/scalar.ts'
import type { Checks, Experiment } from '../manifest/types.ts'
import type { DiffResult } from '../weights/diff.ts'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { weightTensors } from '../weights/align.ts'
import { isFloatingDtype } from '../weights/element-reader.ts'
import type { EstimatedDiff } from '../fingerprint/fingerprint-diff.ts'
import { mayBeNear, type Yardstick } from './near-duplicate-estimate.ts'
import { estimateText, fmt, type Context } from './weight-context.ts'

/** In `weights: auto`, near-duplicate detection runs while all its pairs together read at most this much. */
export const NEAR_DUPLICATE_BUDGET_BYTES = 16 * 1024 ** 3

interface Measured {
  readonly a: Experiment
  readonly b: Experiment
  readonly diff: DiffResult
}

interface Estimated extends Measured {
  readonly diff: EstimatedDiff
}


/** Recorded keys whose values differ between two experiments (keys recorded in both). */
function recordedDifferences(a: Experiment, b: Experiment, checks: Checks): string[] {
  const out: string[] = []
  for (const ra of a.hparams) {
    const rb = b.hparams.find(h => h.key === ra.key)
    if (rb !== undefined && !recordedEqual(ra.value, rb.value, checks.tolerance))
      out.push(`${ra.key} ${formatData(ra.value)} vs ${formatData(rb.value)}`)
  }
  return out
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The median pair distance, and how far off it can be when the distances are estimates. */
interface Spread {
  readonly median: number
  readonly bound: number
}

/**
 * Moving every value by at most b moves their median by at most b: the largest error bound of the
 * distances bounds the median's (0 when every distance is exact).
 */
function spreadOf(measured: readonly Estimated[]): Spread {
  const positive = measured.filter(m => m.diff.mean_abs_diff !== null && m.diff.mean_abs_diff > 0)
  return { median: median(positive.map(m => m.diff.mean_abs_diff!)), bound: positive.reduce((b, m) => Math.max(b, m.diff.error_bound), 0) }
}

/**
 * The larger of two scales: how far training moved the runs (the smaller of their parent
 * distances) and the median pair distance. The parent distance catches a fleet of runs trained
 * far from one parent in the same direction (where the median is small); the median catches runs
 * that training barely moved at all (the okvqa case, where the parent distance is as small as the pair's).
 */
function yardstickOf(ctx: Context, m: Measured, spread: Spread): Yardstick | undefined {
  // a run's distance from the other run of the pair (an inferred parent) says nothing about how far training moved
  const known = [m.a, m.b]
    .map(e => ({ e, p: ctx.parentDistance.get(e.name) }))
    .filter(x => x.p !== undefined && x.p.distance > 0 && x.p.parent !== m.a.name && x.p.parent !== m.b.name)
    .sort((x, y) => x.p!.distance - y.p!.distance)
  const nearest = known[0]
  const median = spread.median > 0 ? spread.median : undefined
  const estimated = spread.bound > 0 ? ` (±${fmt(spread.bound)}, estimated from samples)` : ''
  const medianText = `the median pair distance ${fmt(median ?? null)}${estimated}`
  if (nearest === undefined) {
    if (median === undefined) return undefined
    return { distance: median, bound: spread.bound, description: `${medianText} (neither run has a known parent)` }
  }
  const movedBound = nearest.p!.bound > 0 ? ` ±${fmt(nearest.p!.bound)}, estimated from samples` : ''
  const moved = `how far training moved them from their parents, ${fmt(nearest.p!.distance)}`
    + ` (${nearest.e.name} from ${nearest.p!.parent}${movedBound})`
  if (median === undefined || nearest.p!.distance >= median)
    return { distance: nearest.p!.distance, bound: nearest.p!.bound, description: moved }
  return { distance: median, bound: spread.bound, description: `${medianText}, which is larger than ${moved}` }
}

/** Replaces the estimated parent distances of `runs` with exact ones (each pair read once; memoized by diffPaths). */
async function exactParentDistances(ctx: Context, runs: readonly Experiment[]): Promise<void> {
  for (const e of runs) {
    const p = ctx.parentDistance.get(e.name)
    if (p === undefined || p.bound === 0) continue
    const exact = await ctx.diffPaths(e.checkpoint.resolved, p.path)
    if (exact !== undefined && ctx.byName.has(p.parent)) ctx.recordPair(e.name, p.parent, exact)
    const distance = exact?.mean_abs_diff
    if (distance === undefined || distance === null) ctx.parentDistance.delete(e.name)
    else ctx.parentDistance.set(e.name, { ...p, distance, bound: 0 })
  }
}

/** Floating-point elements among a checkpoint's weights. */
function floatElements(checkpoint: Checkpoint): number {
  return weightTensors(checkpoint.tensors).reduce((sum, t) => sum + (isFloatingDtype(t.tensor.dtype) ? t.tensor.numel : 0), 0)
}

/** The compared floating elements cover at least half of each run's, and no NaN meets a number. */
async function comparable(ctx: Context, m: Measured): Promise<boolean> {
  if (m.diff.nan_mismatch > 0) return false
  const [a, b] = await Promise.all([ctx.weightsOf(m.a.checkpoint.resolved), ctx.weightsOf(m.b.checkpoint.resolved)])
  if (a === undefined || b === undefined) return false
  return m.diff.elements * 2 >= Math.max(floatElements(a), floatElements(b))
}

function describeNearness(diff: DiffResult | EstimatedDiff, yardstick: Yardstick | undefined, ratio: number): string | undefined {
  if (diff.identical) return 'bit-identical weights'
  const distance = diff.mean_abs_diff
  if (distance === null) return undefined
  if (distance === 0) return 'the same values in every shared tensor'
  if (yardstick === undefined || distance > ratio * yardstick.distance) return undefined
  const times = Math.round(yardstick.distance / distance)
  return `near-identical weights (mean |a−b| ${fmt(distance)}${estimateText(diff)}, ${times}× below ${yardstick.description})`
}

/** The unrelated pairs with weights, or undefined (with a notice) when comparing them would read too much. */
async function pairsToCompare(ctx: Context): Promise<Array<[Experiment, Experiment]> | undefined> {
  const { manifest, checks } = ctx.input
  const withWeights: Experiment[] = []
  for (const e of manifest.experiments) if (await ctx.weightsOf(e.checkpoint.resolved) !== undefined) withWeights.push(e)
  const unrelated: Array<[Experiment, Experiment]> = []
  for (let i = 0; i < withWeights.length; i++)
    for (let j = i + 1; j < withWeights.length; j++)
      if (!ctx.related.has(`${withWeights[i]!.name}\0${withWeights[j]!.name}`)) unrelated.push([withWeights[i]!, withWeights[j]!])
  let cost = 0
  const sizeOf = async (e: Experiment): Promise<number> => (await ctx.weightsOf(e.checkpoint.resolved))!.sizeBytes
  for (const [a, b] of unrelated) cost += await sizeOf(a) + await sizeOf(b)
  if (checks.weights !== 'auto' || cost <= NEAR_DUPLICATE_BUDGET_BYTES) return unrelated
  const gib = (cost / 1024 ** 3).toFixed(1)
  ctx.audit.findings.push({
    experiment: '(all)', code: 'near-duplicate', severity: 'notice',
    message: `near-duplicate check skipped: comparing every pair would read ${gib} GiB `
      + `(the auto budget is ${NEAR_DUPLICATE_BUDGET_BYTES / 1024 ** 3} GiB); `
      + 'set checks.weights: always to run it',
  })
  return undefined
}

export async function auditNearDuplicates(ctx: Context): Promise<void> {
  const { checks } = ctx.input
  const pairs = await pairsToCompare(ctx)
  if (pairs === undefined) return
  const measured: Estimated[] = []
  for (const [a, b] of pairs) {
    const diff = await ctx.estimatePaths(a.checkpoint.resolved, b.checkpoint.resolved)
    if (diff === undefined) continue
    measured.push({ a, b, diff })
    ctx.recordPair(a.name, b.name, diff)
  }
  ctx.audit.nearDuplicatesChecked = true
  const spread = spreadOf(measured)
  for (const estimate of measured) {
    const differences = recordedDifferences(estimate.a, estimate.b, checks)
    if (differences.length === 0 || !(await comparable(ctx, estimate))) continue
    const yardstick = yardstickOf(ctx, estimate, spread)
    // a pair the samples put clearly above the threshold is not read (the matrix marks its distance as estimated)
    if (!mayBeNear(estimate.diff, yardstick, checks.nearDuplicateRatio)) continue
    // any other is compared exactly, and so is the parent distance it is measured against: sample positions are
    // public, so a file crafted to agree where the samples look must not pass for a near-duplicate on them
    const diff = await ctx.diffPaths(estimate.a.checkpoint.resolved, estimate.b.checkpoint.resolved)
    if (diff === undefined) continue
    const m = { ...estimate, diff }
    ctx.recordPair(m.a.name, m.b.name, diff)
    if (!(await comparable(ctx, m))) continue
    await exactParentDistances(ctx, [m.a, m.b])
    const how = describeNearness(m.diff, yardstickOf(ctx, m, spread), checks.nearDuplicateRatio)
    if (how === undefined) continue
    ctx.audit.findings.push({
      experiment: m.a.name, checkpoint: m.a.checkpoint.display, location: m.a.location, code: 'near-duplicate', severity: 'warning',
      message: `${m.a.name} and ${m.b.name} have ${how} although their records differ (${differences.join('; ')}): `
        + 'the differing setting had no effect on the weights',
    })
  }
}
