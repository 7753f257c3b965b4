/**
 * Lineage, in named steps: the candidates of an experiment, the evidence for each (bit-identical
 * floating-point parameter bytes, then mean distance), the inferred parent, whether it beats the
 * declared one clearly (`parent-mismatch`), and the frozen/trained globs against the declared parent.
 */
import type { Experiment, Manifest } from '../manifest/types.ts'
import type { DiffResult } from '../weights/diff.ts'
import {
  clearlyBetter, evidenceTensors, identicalParameterBytes, strongerFirst, BYTES_FACTOR, DISTANCE_FACTOR,
} from '../weights/lineage-evidence.ts'
import { auditGlobs } from './glob-audit.ts'
import { alignmentNote, boundOf, estimateText, fmt, groupNames, isEstimate, relate, type Context } from './weight-context.ts'

interface Evidence {
  readonly name: string
  readonly diff: DiffResult
  readonly bytes: number
  readonly distance: number | null
  /** The distance's error bound (0 when exact; Infinity when unknown). */
  readonly bound: number
  /** The distance is a sample estimate (isEstimate), whatever its bound. */
  readonly estimated: boolean
}

interface DeclaredParent {
  readonly name: string
  readonly display: string
  readonly path: string
  readonly diff: DiffResult | undefined
}

const evidenceOf = (name: string, diff: DiffResult): Evidence =>
  ({ name, diff, bytes: identicalParameterBytes(diff), distance: diff.mean_abs_diff, bound: boundOf(diff), estimated: isEstimate(diff) })

/** Candidates: experiments some experiment names as its parent, and the roots. */
function candidatesOf(manifest: Manifest): Experiment[] {
  const parentNames = new Set(manifest.experiments.map(e => e.parent?.experiment).filter((p): p is string => p !== undefined))
  return manifest.experiments.filter(e => parentNames.has(e.name) || e.parent === undefined)
}

function descendantsOf(manifest: Manifest, name: string): Set<string> {
  const out = new Set<string>()
  for (let grew = true; grew;) {
    grew = false
    for (const e of manifest.experiments) {
      const parent = e.parent?.experiment
      if (parent !== undefined && (parent === name || out.has(parent)) && !out.has(e.name)) {
        out.add(e.name)
        grew = true
      }
    }
  }
  return out
}

/**
 * Step 1: the evidence for every candidate parent of `e` (never itself or its descendants), from
 * fingerprints: identical bytes come from hashes (exact), distances from samples (estimates).
 */
async function gatherEvidence(ctx: Context, e: Experiment, candidates: readonly Experiment[]): Promise<Evidence[]> {
  const excluded = descendantsOf(ctx.input.manifest, e.name)
  const evidence: Evidence[] = []
  for (const c of candidates) {
    if (c.name === e.name || excluded.has(c.name)) continue
    const diff = await ctx.estimatePaths(e.checkpoint.resolved, c.checkpoint.resolved)
    if (diff === undefined) continue
    evidence.push(evidenceOf(c.name, diff))
    ctx.recordPair(e.name, c.name, diff)
  }
  return evidence
}

/**
 * Step 1b: the strongest candidate, on exact diffs. Every candidate the estimates cannot separate
 * from the front-runner (as many identical bytes, distance intervals overlapping) is compared
 * exactly, and so is the front-runner itself when `needsExact` says a verdict rests on it; then the
 * ranking is made again with the exact numbers, until the front-runner is exact or clearly ahead.
 * So the inferred parent is the exact method's whenever an exact comparison was made (a file
 * crafted to look close where the samples look is read, found far, and passed over).
 */
async function strongest(ctx: Context, e: Experiment, evidence: readonly Evidence[],
  needsExact: (front: Evidence) => boolean): Promise<Evidence | undefined> {
  const pool = [...evidence]
  for (;;) {
    pool.sort(strongerFirst)
    const front = pool[0]
    if (front === undefined) return undefined
    const upper = (front.distance ?? Infinity) + front.bound
    const contenders = pool.filter(x => x.bytes === front.bytes && (x.distance ?? Infinity) - x.bound <= upper)
    const unread = contenders.length > 1 ? contenders.filter(x => x.estimated) : front.estimated && needsExact(front) ? [front] : []
    if (unread.length === 0) return front
    for (const c of unread) {
      const diff = await ctx.diffPaths(e.checkpoint.resolved, ctx.byName.get(c.name)!.checkpoint.resolved)
      // the matrix shows the exact distance; unreadable data is its own finding, and the candidate drops out
      if (diff !== undefined) ctx.recordPair(e.name, c.name, diff)
      pool.splice(pool.indexOf(c), 1, ...(diff === undefined ? [] : [evidenceOf(c.name, diff)]))
    }
  }
}

/** Step 2: the declared parent (an experiment or a path, which is safety-scanned) and its diff. */
async function declaredParent(ctx: Context, e: Experiment): Promise<DeclaredParent> {
  const parent = e.parent!
  if (parent.experiment !== undefined) {
    const p = ctx.byName.get(parent.experiment)!
    // the frozen/trained globs are verdicts on this pair: from hashes where they decide, else exact
    const diff = await ctx.verdictPaths(e.checkpoint.resolved, p.checkpoint.resolved)
    return { name: p.name, display: p.checkpoint.display, path: p.checkpoint.resolved, diff }
  }
  const path = parent.path!
  await ctx.openReferenced(e, path.resolved, path.display, parent.location)
  const diff = await ctx.verdictPaths(e.checkpoint.resolved, path.resolved)
  return { name: path.display, display: path.display, path: path.resolved, diff }
}

/** Step 3: the parent-mismatch finding, when another candidate beats the declared parent clearly. */
function findParentMismatch(ctx: Context, e: Experiment, best: Evidence | undefined, declared: DeclaredParent): boolean {
  if (best === undefined || declared.diff === undefined || best.name === declared.name) return false
  const mine = evidenceOf(declared.name, declared.diff)
  if (!clearlyBetter(best, mine)) return false
  // by distance alone, a parent and a near-identical sibling look the same: leave the pair to the
  // near-duplicate check too (both are reported), and say so here
  if (best.bytes > 0) relate(ctx, e.name, best.name)
  const sibling = best.bytes > 0 ? '' : `; by distance alone ${best.name} may instead be a near-duplicate of ${e.name}, not its parent`
  const same = evidenceTensors(best.diff)
  const identical = best.diff.tensors.filter(t => t.identical).length
  const bestFile = ctx.byName.get(best.name)!.checkpoint.display
  const rule = best.bytes > 0
    ? `at least ${BYTES_FACTOR}× the declared parent's identical bytes`
    : `no identical bytes, a ${DISTANCE_FACTOR}× smaller distance`
  const bytes = (x: number) => x.toLocaleString('en-US')
  const groups = same.length > 0 ? ` (${groupNames(same)})` : ''
  ctx.audit.findings.push({
    experiment: e.name, checkpoint: e.checkpoint.display, location: e.parent!.location, code: 'parent-mismatch', severity: 'warning',
    message: `the weights point to ${best.name} (${bestFile}), not the declared parent ${declared.name} (${declared.display}): `
      + `${identical} of ${best.diff.tensors.length} tensors bit-identical to ${best.name}${groups}, `
      + `${bytes(best.bytes)} parameter bytes, mean |a−b| ${fmt(best.distance)}${estimateText(best.diff)}; `
      + `${mine.diff.tensors.filter(t => t.identical).length} bit-identical to ${declared.name}, ${bytes(mine.bytes)} bytes, `
      + `mean |a−b| ${fmt(mine.distance)}${estimateText(mine.diff)} (rule: ${rule})${sibling}`,
  })
  return true
}

/** Step 4: the lineage edge for the graph, and how far training moved the child (for near-duplicates). */
function recordEdge(ctx: Context, e: Experiment, best: Evidence | undefined, declared: DeclaredParent, mismatch: boolean): void {
  const shown = mismatch ? { ...best!, path: ctx.byName.get(best!.name)!.checkpoint.resolved } : declared
  ctx.audit.lineage.push({
    child: e.name, declared: declared.name, inferred: best?.name ?? null,
    identical_tensors: shown.diff?.tensors.filter(t => t.identical).length ?? 0, total_tensors: shown.diff?.tensors.length ?? 0,
    mean_abs_diff: shown.diff?.mean_abs_diff ?? null, mismatch,
  })
  const distance = shown.diff?.mean_abs_diff
  const bound = boundOf(shown.diff)
  if (distance !== undefined && distance !== null) ctx.parentDistance.set(e.name, { parent: shown.name, distance, bound, path: shown.path })
}

async function auditChild(ctx: Context, e: Experiment, candidates: readonly Experiment[]): Promise<void> {
  if (e.parent!.experiment !== undefined) relate(ctx, e.name, e.parent!.experiment)
  const child = await ctx.weightsOf(e.checkpoint.resolved)
  const evidence = child === undefined ? [] : await gatherEvidence(ctx, e, candidates)
  let declared = await declaredParent(ctx, e)
  if (child === undefined) {
    ctx.audit.findings.push(...auditGlobs(ctx, e, declared.name, undefined, true))
    return
  }
  // identical bytes (hashes) decide a mismatch exactly; a mismatch by distance alone is decided on exact diffs of both sides
  const byDistance = (x: Evidence) => x.name !== declared.name && x.bytes === 0
  let best = await strongest(ctx, e, evidence, byDistance)
  if (best !== undefined && byDistance(best) && isEstimate(declared.diff))
    declared = { ...declared, diff: await ctx.diffPaths(e.checkpoint.resolved, declared.path) }
  if (declared.diff !== undefined && e.parent!.experiment !== undefined) ctx.recordPair(e.name, declared.name, declared.diff)
  // the declared parent's exact diff, once there is one, is evidence too: the ranking is made again with it
  const at = evidence.findIndex(x => x.name === declared.name)
  if (at >= 0 && evidence[at]!.estimated && declared.diff !== undefined && !isEstimate(declared.diff)) {
    const exact = [...evidence]
    exact[at] = evidenceOf(declared.name, declared.diff)
    best = await strongest(ctx, e, exact, byDistance)
  }
  const mismatch = findParentMismatch(ctx, e, best, declared)
  recordEdge(ctx, e, best, declared, mismatch)
  if (declared.diff !== undefined) {
    const how = alignmentNote(declared.diff, child, e.checkpoint.display, declared.display)
    const estimated = isEstimate(declared.diff) ? ` (distances estimated from samples, ±${fmt(boundOf(declared.diff))})` : ''
    ctx.audit.details.push({ title: `${e.name} vs declared parent ${declared.name}${how}${estimated}`, tensors: declared.diff.tensors })
  }
  ctx.audit.findings.push(...auditGlobs(ctx, e, declared.name, declared.diff, declared.diff?.a === child.path))
}

/** Parents, declared and inferred, and the frozen/trained globs of every experiment with a parent. */
export async function auditLineage(ctx: Context): Promise<void> {
  const candidates = candidatesOf(ctx.input.manifest)
  for (const e of ctx.input.manifest.experiments) if (e.parent !== undefined) await auditChild(ctx, e, candidates)
}
