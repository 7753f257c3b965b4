/**
 * Experiments recorded as different whose weights are (nearly) the same: bit-identical, or a
 * distance at most the threshold of near-duplicate-estimate.ts (the larger of `near_duplicate_ratio`
 * × how far training moved the runs and one bfloat16 rounding step of the tensors in which they
 * differ). The message says which scale decided.
 *
 * Pairs are judged on fingerprints (each file read once): a pair whose estimated interval lies
 * wholly on one side of the threshold is decided there, and the message says the distance is an
 * estimate with its bound; only a pair the estimates cannot settle is compared exactly, with the
 * parent distances it is measured against. The sample positions are secret (sample-salt.ts), so a
 * file cannot be made to look near or far where the samples look.
 *
 * Only a meaningful overlap counts: the floating-point elements compared must be at least half of
 * each run's (one shared 0-dim `logit_scale` of two architectures is no evidence), and a NaN
 * against a number anywhere is a difference (a healthy run and a diverged all-NaN one are not
 * "the same values").
 */
import { recordedEqual } from '../hparams/compare.ts'
import { formatData } from '../hparams/scalar.ts'
import type { Checks, Experiment } from '../manifest/types.ts'
import type { DiffResult, TensorDiff } from '../weights/diff.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import type { Checkpoint, NamedTensor } from '../checkpoint/checkpoint.ts'
import { alignPair, weightTensors } from '../weights/align.ts'
import { MIN_EVIDENCE_BYTES } from '../weights/lineage-evidence.ts'
import { isFloatingDtype } from '../weights/element-reader.ts'
import type { EstimatedDiff } from '../fingerprint/fingerprint-diff.ts'
import {
  bf16Bound, either, nanUnknown, nearnessOf, roundingVerdict, thresholdOf,
  type Nearness, type Scale, type Threshold, type TensorRounding,
} from './near-duplicate-estimate.ts'
import { roundingBound, tensorStats } from '../weights/tensor-diff.ts'
import { accumulateFloat64, newAccumulator } from '../weights/stats-kernel.ts'
import { boundOf, estimateText, fmt, type Context } from './weight-context.ts'

/** In `weights: auto`, near-duplicate detection runs while fingerprinting every run reads at most this much. */
export const NEAR_DUPLICATE_BUDGET_BYTES = 16 * 1024 ** 3

interface Measured {
  readonly a: Experiment
  readonly b: Experiment
  readonly diff: DiffResult | EstimatedDiff
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

/** The pair distances that make the median (each estimate at least its exact lower bound), sorted, and how far off they can be. */
interface Spread {
  readonly sorted: readonly number[]
  /**
   * Moving every value by at most b moves their median by at most b: the largest error bound of the
   * distances bounds the median's (0 when every distance is exact).
   */
  readonly bound: number
}

/** What a pair adds to the spread: its distance, raised to its exact lower bound (undefined: nothing). */
const spreadValue = (diff: EstimatedDiff): number | undefined => {
  const d = diff.mean_abs_diff
  // an infinite distance (an overflow on one side) says nothing of how far runs usually are
  return d === null || d <= 0 || !Number.isFinite(d) ? undefined : Math.max(d, diff.lower_bound)
}

function spreadOf(measured: readonly Estimated[]): Spread {
  const values = measured.map(m => spreadValue(m.diff)).filter((v): v is number => v !== undefined)
  const bound = measured.reduce((b, m) => (spreadValue(m.diff) === undefined ? b : Math.max(b, m.diff.error_bound)), 0)
  return { sorted: values.sort((x, y) => x - y), bound }
}

/**
 * The median of the spread without one value (the pair's own distance: a pair is never measured
 * against itself); undefined when nothing else is left.
 */
function medianWithout(sorted: readonly number[], own: number | undefined): number | undefined {
  const at = own === undefined ? -1 : sorted.indexOf(own)
  const n = sorted.length - (at >= 0 ? 1 : 0)
  if (n === 0) return undefined
  const nth = (k: number): number => sorted[at >= 0 && k >= at ? k + 1 : k]!
  return n % 2 === 1 ? nth((n - 1) / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2
}

/**
 * How far training moved the runs: the smaller of their distances from their parents (declared, or
 * the inferred one of a parent-mismatch); the median pair distance only when neither run has a
 * known parent, and the description says so.
 */
function trainingScale(ctx: Context, m: Measured, spread: Spread, own: number | undefined): Scale | undefined {
  // a run's distance from the other run of the pair (an inferred parent) says nothing about how far training moved
  const known = [m.a, m.b]
    .map(e => ({ e, p: ctx.parentDistance.get(e.name) }))
    .filter(x => x.p !== undefined && x.p.distance > 0 && x.p.parent !== m.a.name && x.p.parent !== m.b.name)
    .sort((x, y) => x.p!.distance - y.p!.distance)
  const nearest = known[0]
  if (nearest === undefined) {
    const median = medianWithout(spread.sorted, own)
    if (median === undefined || !(median > 0)) return undefined
    const estimated = spread.bound > 0 ? ` (±${fmt(spread.bound)}, estimated from samples)` : ''
    return { distance: median, bound: spread.bound,
      description: `the median distance of the other pairs ${fmt(median)}${estimated} (neither run has a known parent)` }
  }
  const p = nearest.p!
  const bound = p.bound > 0 ? ` ±${fmt(p.bound)}, estimated from samples` : ''
  return { distance: p.distance, bound: p.bound,
    description: `how far training moved them from their parents, ${fmt(p.distance)} (${nearest.e.name} from ${p.parent}${bound})` }
}

/** Both dtypes of a compared tensor pair are floating point (`float32` or `float32/bfloat16`). */
const floatingPair = (t: TensorDiff): boolean => t.compared === undefined && t.dtype.split('/').every(isFloatingDtype)

/**
 * The rounding criterion, tensor by tensor over the floating tensors in which a pair differs: on
 * an estimate, elements beyond the bf16 bound among the samples (exact when a tensor was sampled
 * whole); on an exact diff, among every element (each such tensor read once more with that bound).
 */
async function roundingOf(ctx: Context, diff: DiffResult | EstimatedDiff): Promise<TensorRounding[]> {
  const differing = diff.tensors.filter(t => !t.identical && floatingPair(t))
  if (differing.length === 0) return []
  const [ma, mb] = await Promise.all([ctx.magnitudesOf(diff.a), ctx.magnitudesOf(diff.b)])
  const boundOf = (t: TensorDiff) => {
    const [da, db] = t.dtype.includes('/') ? t.dtype.split('/') as [string, string] : [t.dtype, t.dtype]
    const scale = Math.min(ma.get(t.names?.a ?? t.name) ?? NaN, mb.get(t.names?.b ?? t.name) ?? NaN)
    return bf16Bound(Number.isFinite(scale) ? scale : 0, roundingBound(da, db).abs)
  }
  // a diff made from fingerprints (estimated or sampled whole) carries error_bound; an exact one does not
  if ('error_bound' in diff) {
    const [fa, fb] = await Promise.all([ctx.fingerprintOfPath(diff.a), ctx.fingerprintOfPath(diff.b)])
    return differing.map(t => {
      const [x, y] = [fa?.tensors.get(t.names?.a ?? t.name), fb?.tensors.get(t.names?.b ?? t.name)]
      if (x === undefined || y === undefined) return { name: t.name, beyond: 0, exact: false }
      const { rel, abs } = boundOf(t)
      const acc = newAccumulator()
      accumulateFloat64(x.samples, y.samples, Math.min(x.samples.length, y.samples.length), rel, acc, abs)
      return { name: t.name, beyond: acc.beyond, exact: x.samples.length >= x.numel && y.samples.length >= y.numel }
    })
  }
  const [ca, cb] = await Promise.all([ctx.weightsOf(diff.a), ctx.weightsOf(diff.b)])
  if (ca === undefined || cb === undefined) return differing.map(t => ({ name: t.name, beyond: 0, exact: false }))
  const [ta, tb] = [weightTensors(ca.tensors), weightTensors(cb.tensors)]
  const out: TensorRounding[] = []
  for (const t of differing) {
    const [x, y] = [ta.find(n => n.name === (t.names?.a ?? t.name)), tb.find(n => n.name === (t.names?.b ?? t.name))]
    if (x === undefined || y === undefined) return [...out, { name: t.name, beyond: 0, exact: false }]
    const stats = await tensorStats({ checkpoint: ca, tensor: x.tensor }, { checkpoint: cb, tensor: y.tensor }, boundOf(t))
    out.push({ name: t.name, beyond: stats.beyondRounding, exact: true })
  }
  return out
}

interface Verdict {
  readonly nearness: Nearness
  readonly threshold: Threshold | undefined
  /** The training criterion said near (its text is the message's). */
  readonly byTraining: boolean
}

/** Both criteria of near-duplicate-estimate.ts on a pair; `exact`: bounds of estimates left are not counted (their centres decide). */
async function verdictOf(ctx: Context, m: Measured, spread: Spread, own: number | undefined, exact: boolean): Promise<Verdict> {
  const scale = trainingScale(ctx, m, spread, own)
  const threshold = thresholdOf(scale, ctx.input.checks.nearDuplicateRatio)
  const settled = exact && threshold !== undefined ? { ...threshold, bound: 0 } : threshold
  const training = nearnessOf(m.diff, exact ? 0 : boundOf(m.diff), settled)
  // the rounding criterion is only asked when the training one has not settled the pair as near
  const rounding: Nearness = training === 'near' || m.diff.nan_mismatch > 0 ? 'far' : roundingVerdict(await roundingOf(ctx, m.diff))
  // a NaN the samples may have missed keeps a pair from being near on an estimate
  const byRounding: Nearness = rounding === 'near' && nanUnknown(m.diff) ? 'unsure' : rounding
  return { nearness: either(training, byRounding), threshold, byTraining: training === 'near' }
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

/** Tensors under the lineage rule's 1 KiB are no evidence either way (counters, `position_ids`). */
const counts = (elements: number, dtype: string): boolean => elements * (dtypeInfo(dtype)?.itemSize ?? 1) >= MIN_EVIDENCE_BYTES

/** A tensor that is not floating point, of at least 1 KiB, and differs (quantized weights, integer tables). */
function otherTensorDiffers(t: TensorDiff): boolean {
  return !t.identical && !floatingPair(t) && counts(t.elements, t.dtype.split('/')[0]!)
}

/**
 * The compared floating elements cover at least half of each run's, no NaN meets a number, no other
 * tensor of weight differs (integer weights that differ are different weights, whatever their float
 * scales say), and nothing was left uncompared (torch-quantized, sparse or otherwise unread tensors,
 * dtypes with no common meaning) unless `allow.unread`: weights never seen are never "the same",
 * and such a pair is at most a notice.
 */
async function comparable(ctx: Context, m: Measured, allow: { unread?: boolean } = {}): Promise<boolean> {
  if (m.diff.nan_mismatch > 0 || m.diff.tensors.some(otherTensorDiffers)) return false
  if (m.diff.not_compared.length > 0 && allow.unread !== true) return false
  const [a, b] = await Promise.all([ctx.weightsOf(m.a.checkpoint.resolved), ctx.weightsOf(m.b.checkpoint.resolved)])
  if (a === undefined || b === undefined || builtDifferently(a, b)) return false
  return m.diff.elements * 2 >= Math.max(floatElements(a), floatElements(b))
}

/**
 * Weight tensors of at least 1 KiB that one run holds and the other lacks, or holds in another
 * shape (a head for 20 classes instead of 10, LoRA adapters added): the runs are built differently,
 * so "the same values in every shared tensor" would say nothing of what the setting changed.
 */
function builtDifferently(a: Checkpoint, b: Checkpoint): boolean {
  const { pairs } = alignPair(a.tensors, b.tensors)
  const paired = new Set(pairs.flatMap(p => [p.a.tensor, p.b.tensor]))
  const big = (t: NamedTensor) => counts(t.tensor.numel, t.tensor.dtype)
  const lonely = [...weightTensors(a.tensors), ...weightTensors(b.tensors)].some(t => !paired.has(t.tensor) && big(t))
  return lonely || pairs.some(p => p.a.tensor.shape.join(',') !== p.b.tensor.shape.join(',') && (big(p.a) || big(p.b)))
}

const times = (ratio: number): string => (ratio < 10 ? ratio.toFixed(1) : String(Math.round(ratio))) // 1.4 is not "1×"

function describeNearness(diff: DiffResult | EstimatedDiff, verdict: Verdict): string {
  if (diff.identical) return 'bit-identical weights'
  const distance = diff.mean_abs_diff!
  if (distance === 0) return 'the same values in every shared tensor'
  const mean = `mean |a−b| ${fmt(distance)}${estimateText(diff)}`
  if (verdict.byTraining && verdict.threshold !== undefined)
    return `near-identical weights (${mean}, ${times(verdict.threshold.scale / distance)}× below ${verdict.threshold.description})`
  return `near-identical weights (${mean}; every element in which they differ is within one bfloat16 step of its value, `
    + '2^-7 × |w| plus 2^-8 × its tensor\'s mean |w| near zero: at bf16 precision they are the same weights)'
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
  // fingerprints read each run once, however many pairs there are
  const inPairs = new Set(unrelated.flat())
  let cost = 0
  for (const e of inPairs) cost += (await ctx.weightsOf(e.checkpoint.resolved))!.sizeBytes
  if (checks.weights !== 'auto' || cost <= NEAR_DUPLICATE_BUDGET_BYTES) return unrelated
  const gib = (cost / 1024 ** 3).toFixed(1)
  ctx.audit.findings.push({
    experiment: '(all)', code: 'near-duplicate', severity: 'notice',
    message: `near-duplicate check skipped: fingerprinting the runs would read ${gib} GiB `
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
    // tensors the reader leaves out: only the exact method knows whether the files are byte-identical
    const unread = estimate.diff.not_compared.length > 0
    if (differences.length === 0 || (!unread && !(await comparable(ctx, estimate)))) continue
    let m: Measured = estimate
    const own = spreadValue(estimate.diff)
    let verdict = await verdictOf(ctx, m, spread, own, false)
    if (unread || verdict.nearness === 'unsure') {
      // the estimates cannot settle it: the pair and the parent distances it is measured against are read exactly
      const diff = await ctx.diffPaths(m.a.checkpoint.resolved, m.b.checkpoint.resolved)
      if (diff === undefined) continue
      m = { ...m, diff }
      ctx.recordPair(m.a.name, m.b.name, diff)
      if (!(await comparable(ctx, m, { unread: true }))) continue
      await exactParentDistances(ctx, [m.a, m.b])
      // only an estimated median can leave it open now: its centre decides
      verdict = await verdictOf(ctx, m, spread, own, true)
    }
    if (verdict.nearness !== 'near') continue
    const how = describeNearness(m.diff, verdict)
    const finding = { experiment: m.a.name, checkpoint: m.a.checkpoint.display, location: m.a.location, code: 'near-duplicate' as const }
    if (m.diff.not_compared.length > 0) {
      // near on what was read, but weights never seen are never "the same": said, not claimed
      const kinds = m.diff.not_compared.map(n => n.dtype).filter((k, at, all) => all.indexOf(k) === at).join(', ')
      ctx.audit.findings.push({ ...finding, severity: 'notice',
        message: `${m.a.name} and ${m.b.name} have ${how} in every tensor that was read, although their records differ `
          + `(${differences.join('; ')}); they also hold tensors that are not read (${kinds}), `
          + 'so they are not reported as near-duplicates' })
      continue
    }
    ctx.audit.findings.push({ ...finding, severity: 'warning',
      message: `${m.a.name} and ${m.b.name} have ${how} although their records differ `
        + `(${differences.join('; ')}): the differing setting had no effect on the weights` })
  }
}
