/**
 * What the weight checks share: the inputs, the findings so far, each pair's diff computed once,
 * the distance of each child from its parent (for near-duplicates), and the safety scan of every
 * file an experiment references.
 */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import type { Leaf } from '../hparams/flatten.ts'
import type { Checks, Experiment, Manifest, SourceLocation } from '../manifest/types.ts'
import { describeAlignment, weightTensors } from '../weights/align.ts'
import type { DiffResult, TensorDiff } from '../weights/diff.ts'
import { fingerprintCheckpoint } from '../fingerprint/fingerprint-checkpoint.ts'
import { fingerprintDiff, type EstimatedDiff } from '../fingerprint/fingerprint-diff.ts'
import type { Fingerprint } from '../fingerprint/types.ts'
import { hashDecides } from '../fingerprint/hash-decides.ts'
import { isFloatingDtype } from '../weights/element-reader.ts'
import { workerPool } from '../workers/pool.ts'
import type { Finding } from './findings.ts'

type Globals = ReadonlyArray<{ readonly qualified: string, readonly verdict: string }>
export type Opened = { checkpoint: Checkpoint, leaves: Leaf[] } | { error: { reason: string, message: string, globals?: Globals } }

export interface WeightInputs {
  readonly manifest: Manifest
  readonly checks: Checks
  open(path: string): Promise<Opened>
  diff(a: Checkpoint, b: Checkpoint): Promise<DiffResult>
  /** One streaming pass over a checkpoint (default: `fingerprintCheckpoint`); cross-file choices run on these. */
  fingerprint?(checkpoint: Checkpoint): Promise<Fingerprint>
  /** Every pair compared exactly, no fingerprints (the reference the fleet bench checks verdicts against). */
  readonly exactPairs?: boolean
  /** Told before each weight comparison starts (the CLI shows it on a terminal). */
  progress?(message: string): void
}

export interface PairResult {
  readonly a: string
  readonly b: string
  readonly mean_abs_diff: number | null
  readonly identical: boolean
  /** Present when the distance is estimated from samples: the half-width of its interval. */
  readonly error_bound?: number
}

export interface LineageEdge {
  readonly child: string
  /** Declared parent (experiment name or path), if any. */
  readonly declared: string | null
  /** Best-supported parent among the candidates, if any. */
  readonly inferred: string | null
  readonly identical_tensors: number
  readonly total_tensors: number
  readonly mean_abs_diff: number | null
  /** The inferred parent beats the declared one clearly (a parent-mismatch finding). */
  readonly mismatch: boolean
}

export interface TensorDetail {
  readonly title: string
  readonly tensors: readonly TensorDiff[]
}

export interface WeightAudit {
  readonly findings: Finding[]
  readonly pairs: PairResult[]
  readonly lineage: LineageEdge[]
  readonly details: TensorDetail[]
  /** Whether near-duplicate detection ran (it reads every pair of checkpoints). */
  nearDuplicatesChecked: boolean
}

/** How far training moved a child from its parent (declared, or the inferred one of a parent-mismatch). */
export interface ParentDistance {
  readonly parent: string
  readonly distance: number
  /** Its error bound when estimated from samples (0: exact). */
  readonly bound: number
  /** The parent's checkpoint, to read the pair exactly when a verdict rests on this distance. */
  readonly path: string
}

export interface Context {
  readonly input: WeightInputs
  readonly audit: WeightAudit
  readonly byName: ReadonlyMap<string, Experiment>
  /** Pairs of experiment names that are parent and child (both orders), filled by the lineage step. */
  readonly related: Set<string>
  readonly parentDistance: Map<string, ParentDistance>
  /** The opened checkpoint of a path, when it is readable and holds tensors. */
  weightsOf(path: string): Promise<Checkpoint | undefined>
  /** Diff of two paths, computed once per unordered pair; undefined when either has no readable weights. */
  diffPaths(a: string, b: string): Promise<DiffResult | undefined>
  /** The same from fingerprints (each file read once, whatever the number of pairs); undefined as for diffPaths. */
  estimatePaths(a: string, b: string): Promise<EstimatedDiff | undefined>
  /**
   * The diff a twin or frozen/trained verdict rests on: from fingerprints when the hashes decide it
   * (see hashDecides), else exact; undefined as for diffPaths.
   */
  verdictPaths(a: string, b: string): Promise<DiffResult | EstimatedDiff | undefined>
  /**
   * The mean |w| of each floating-point weight tensor of a checkpoint (its finite elements, every
   * one, from its fingerprint), by the fingerprint's names; made once per path.
   */
  magnitudesOf(path: string): Promise<ReadonlyMap<string, number>>
  /** The fingerprint of a path's checkpoint (made once), or undefined when it has no readable weights or breaks. */
  fingerprintOfPath(path: string): Promise<Fingerprint | undefined>
  /** Adds a pair to the distance matrix (once); an estimated one carries its error bound. */
  recordPair(a: string, b: string, diff: DiffResult | EstimatedDiff): void
  /**
   * Starts the fingerprints of every experiment's checkpoint, twins and parent paths at once when
   * worker threads are on (the pool runs as many as it has cores); the checks then find them made.
   */
  prefetchFingerprints(): void
  /** Opens a file an experiment references (twin, parent path) and reports code-running globals in it, once per experiment. */
  openReferenced(e: Experiment, path: string, display: string, location: SourceLocation): Promise<Opened>
}

// an unknown bound (Infinity) reads as ∞, not 'Infinity'
export const fmt = (x: number | null): string => (x === null ? 'n/a' : x === 0 ? '0' : x === Infinity ? '∞' : x.toExponential(2))

/**
 * Whether a distance is an estimate: from fingerprints whose samples did not hold every element
 * (identity from hashes is exact). Decided by `complete`, never by a bound of 0: a zero-variance
 * sample has no bound of 0 but an unknown one (sample-stats.ts).
 */
export function isEstimate(diff: DiffResult | EstimatedDiff | undefined): diff is EstimatedDiff {
  // an infinite distance is exact: a sampled element that overflowed on one side is a real element
  return diff !== undefined && 'error_bound' in diff && !(diff as EstimatedDiff).complete && !diff.identical
    && diff.mean_abs_diff !== Infinity
}

/** The error bound of a distance (0: exact, see isEstimate). */
export function boundOf(diff: DiffResult | EstimatedDiff | undefined): number {
  return isEstimate(diff) ? diff.error_bound : 0
}

/** ` ±2.1e-9, estimated from samples` after a distance from fingerprints; '' after an exact one. */
export function estimateText(diff: DiffResult | EstimatedDiff | undefined): string {
  return isEstimate(diff) ? ` ±${fmt(diff.error_bound)}, estimated from samples` : ''
}

/** `backbone.embed.weight, backbone.layer.bias` → `backbone.*`: names summarised by their first segment. */
export function groupNames(names: readonly string[]): string {
  const groups = new Map<string, number>()
  for (const name of names) {
    const head = name.includes('.') ? `${name.split('.')[0]}.*` : name
    groups.set(head, (groups.get(head) ?? 0) + 1)
  }
  return [...groups.keys()].join(', ')
}

/** Up to `limit` names, then an ellipsis. */
export function someNames(names: readonly string[], limit = 3): string {
  return names.slice(0, limit).join(', ') + (names.length > limit ? ', …' : '')
}

/** ` (names aligned: 'model.' removed from x.ckpt)` for a report title, or '' when the names were equal. */
export function alignmentNote(diff: DiffResult, first: Checkpoint, firstDisplay: string, secondDisplay: string): string {
  if (diff.aligned === null) return ''
  const [labelA, labelB] = diff.a === first.path ? [firstDisplay, secondDisplay] : [secondDisplay, firstDisplay]
  return ` (${describeAlignment(diff.aligned, labelA, labelB)})`
}

export function relate(ctx: Context, a: string, b: string): void {
  ctx.related.add(`${a}\0${b}`)
  ctx.related.add(`${b}\0${a}`)
}

function unsafeGlobals(opened: Opened): string[] {
  const globals = 'error' in opened ? opened.error.globals ?? [] : opened.checkpoint.globals
  return [...new Set(globals.filter(g => g.verdict === 'unsafe').map(g => g.qualified))]
}

const weightCounts = new WeakMap<Checkpoint, number>()

/** Whether a checkpoint holds model weights (tensors that are only optimizer state or counters are none). */
export function hasWeights(checkpoint: Checkpoint): boolean {
  let count = weightCounts.get(checkpoint)
  if (count === undefined) weightCounts.set(checkpoint, count = weightTensors(checkpoint.tensors).length)
  return count > 0
}

export function createContext(input: WeightInputs, audit: WeightAudit): Context {
  const { manifest } = input
  const diffs = new Map<string, Promise<DiffResult | undefined>>()
  const estimates = new Map<string, Promise<EstimatedDiff | undefined>>()
  const fingerprints = new Map<string, Promise<Fingerprint>>()
  const magnitudes = new Map<string, Promise<ReadonlyMap<string, number>>>()
  const fingerprintOf = (c: Checkpoint): Promise<Fingerprint> => {
    let entry = fingerprints.get(c.path)
    if (entry === undefined) {
      input.progress?.(`fingerprinting weights: ${c.path}`)
      fingerprints.set(c.path, entry = (input.fingerprint ?? fingerprintCheckpoint)(c))
    }
    return entry
  }
  const scanned = new Set<string>()
  const weightsOf = async (path: string): Promise<Checkpoint | undefined> => {
    const opened = await input.open(path)
    return 'checkpoint' in opened && hasWeights(opened.checkpoint) ? opened.checkpoint : undefined
  }
  const brokenData = (a: string, b: string) => (error: unknown): undefined => {
    // tensor data that breaks while streaming (truncated storage, bad local header) is a finding, once per pair
    const reason = (error as { reason?: unknown }).reason
    if (typeof reason !== 'string') throw error
    const who = manifest.experiments.find(e => e.checkpoint.resolved === a || e.checkpoint.resolved === b)
    const message = `tensor data could not be compared (${reason}): ${(error as Error).message}`
    // the fingerprint and the exact diff of one file can break alike: one finding
    if (audit.findings.some(f => f.code === 'unreadable' && f.message === message)) return undefined
    audit.findings.push({ experiment: who?.name ?? '(all)', code: 'unreadable', severity: 'error', message })
    return undefined
  }
  return {
    input, audit, weightsOf,
    byName: new Map(manifest.experiments.map(e => [e.name, e])),
    related: new Set(),
    parentDistance: new Map(),
    async diffPaths(a, b) {
      const [ca, cb] = await Promise.all([weightsOf(a), weightsOf(b)])
      if (ca === undefined || cb === undefined) return undefined
      const key = [a, b].sort().join('\0')
      let entry = diffs.get(key)
      if (entry === undefined) {
        input.progress?.(`comparing weights: ${ca.path} and ${cb.path}`)
        entry = (a <= b ? input.diff(ca, cb) : input.diff(cb, ca)).catch(brokenData(a, b))
        diffs.set(key, entry)
      }
      return entry
    },
    async estimatePaths(a, b) {
      if (input.exactPairs === true) {
        const d = await this.diffPaths(a, b)
        return d === undefined ? undefined
          : { ...d, error_bound: 0, nan_free: d.nan_mismatch === 0, complete: true, lower_bound: d.mean_abs_diff ?? 0 }
      }
      const [ca, cb] = await Promise.all([weightsOf(a), weightsOf(b)])
      if (ca === undefined || cb === undefined) return undefined
      const [x, y] = a <= b ? [ca, cb] : [cb, ca]
      const key = `${x.path}\0${y.path}`
      let entry = estimates.get(key)
      if (entry === undefined) {
        entry = Promise.all([fingerprintOf(x), fingerprintOf(y)]).then(([fx, fy]) => fingerprintDiff(x, fx, y, fy)).catch(brokenData(a, b))
        estimates.set(key, entry)
      }
      return entry
    },
    async verdictPaths(a, b) {
      if (input.exactPairs === true) return this.diffPaths(a, b)
      const estimate = await this.estimatePaths(a, b)
      return estimate !== undefined && hashDecides(estimate) ? estimate : this.diffPaths(a, b)
    },
    async fingerprintOfPath(path) {
      const checkpoint = await weightsOf(path)
      return checkpoint === undefined ? undefined : fingerprintOf(checkpoint).catch(() => undefined)
    },
    magnitudesOf(path) {
      let entry = magnitudes.get(path)
      if (entry === undefined) {
        entry = this.fingerprintOfPath(path).then(fingerprint => {
          const out = new Map<string, number>()
          for (const t of fingerprint?.tensors.values() ?? [])
            if (isFloatingDtype(t.dtype) && t.numel > t.nans) out.set(t.name, t.absSum / (t.numel - t.nans))
          return out
        })
        magnitudes.set(path, entry)
      }
      return entry
    },
    prefetchFingerprints() {
      if (input.exactPairs === true || workerPool() === undefined) return
      const paths = new Set(manifest.experiments.flatMap(e =>
        [e.checkpoint.resolved, ...e.twins.map(t => t.resolved), ...(e.parent?.path !== undefined ? [e.parent.path.resolved] : [])]))
      for (const path of paths) {
        // a failure is reported where the fingerprint is used (brokenData), not here
        void weightsOf(path).then(c => (c === undefined ? undefined : fingerprintOf(c))).catch(() => {})
      }
    },
    recordPair(a, b, diff) {
      const estimated = isEstimate(diff)
      const bound = estimated ? { error_bound: diff.error_bound } : {}
      const pair = { a, b, mean_abs_diff: diff.mean_abs_diff, identical: diff.identical, ...bound }
      const at = audit.pairs.findIndex(p => (p.a === a && p.b === b) || (p.a === b && p.b === a))
      // an exact distance replaces an estimate of the same pair, never the other way round
      if (at < 0) audit.pairs.push(pair)
      else if (audit.pairs[at]!.error_bound !== undefined && !estimated)
        audit.pairs[at] = { ...pair, a: audit.pairs[at]!.a, b: audit.pairs[at]!.b }
    },
    async openReferenced(e, path, display, location) {
      const opened = await input.open(path)
      const unsafe = unsafeGlobals(opened)
      if (unsafe.length > 0 && !scanned.has(`${e.name}\0${path}`)) {
        scanned.add(`${e.name}\0${path}`)
        const message = `${display} (referenced by ${e.name}) names code-running globals (nothing was executed): ${unsafe.join(', ')}`
        audit.findings.push({ experiment: e.name, checkpoint: display, location, code: 'unsafe-pickle', severity: 'error', message })
      }
      return opened
    },
  }
}
