/**
 * Turns a manifest plus its opened checkpoints into findings. File access comes in through
 * `AuditIO`, so this is pure given its inputs; each checkpoint file is opened once, however many
 * experiments name it, and an unreadable one never stops the audit of the others.
 */
import { isAbsolute } from 'node:path'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { CheckpointError } from '../checkpoint/errors.ts'
import { aliasTable } from '../hparams/aliases.ts'
import { flatten, type Leaf } from '../hparams/flatten.ts'
import { jsonData } from '../hparams/scalar.ts'
import type { Checks, Manifest, UnverifiedLevel, WeightsMode } from '../manifest/types.ts'
import { countBySeverity, SEVERITY_ORDER, type Finding, type Severity } from './findings.ts'
import { auditHparams, isVerified, type HparamRow } from './hparam-audit.ts'
import { auditMetrics, type MetricRow } from './metric-audit.ts'
import type { DiffResult } from '../weights/diff.ts'
import type { Fingerprint } from '../fingerprint/types.ts'
import { auditWeights, type LineageEdge, type PairResult, type TensorDetail, type WeightAudit } from './weight-audit.ts'
export type { PairResult } from './weight-audit.ts'

export interface AuditIO {
  /** Opens a checkpoint; throws CheckpointError when it cannot be read. */
  open(path: string): Promise<Checkpoint>
  /** A remote object's digest may come from the server: `from` says how, for the report. */
  sha256(path: string): Promise<string | { readonly sha256: string, readonly from: string }>
  /** Weight statistics of two opened checkpoints. */
  diff(a: Checkpoint, b: Checkpoint): Promise<DiffResult>
  /** A checkpoint's fingerprint (default: computed, no cache). */
  fingerprint?(checkpoint: Checkpoint): Promise<Fingerprint>
}

export interface AuditOptions {
  /** Overrides the manifest's checks.fail_on (CLI --fail-on, Action fail-on): canonical keys, already resolved. */
  readonly failOn?: readonly string[]
  /** Overrides checks.unverified (CLI --strict, Action strict: error). */
  readonly unverified?: UnverifiedLevel
  readonly weights?: WeightsMode
  /** Every weight pair compared exactly instead of on fingerprints (a reference for benchmarks). */
  readonly exactPairs?: boolean
  /** Progress of long work (weight comparisons), for a terminal. */
  readonly progress?: (message: string) => void
}

export interface ExperimentResult {
  readonly name: string
  readonly checkpoint: string
  readonly format: string | null
  /** For a folder of checkpoints: which one was read, and why (run-folder rule). */
  readonly selected?: string
  readonly hparams: readonly HparamRow[]
  readonly metrics: readonly MetricRow[]
  readonly error: { reason: string, message: string } | null
  /** Recorded hyperparameters and metrics compared with a stored value (matching or not), of `hparams.length + metrics.length`. */
  readonly verified: number
}


export interface AuditResult {
  readonly manifest: string
  readonly status: 'pass' | 'fail'
  readonly counts: Record<Severity, number>
  /** The checks in force after overrides. */
  readonly checks: Checks
  readonly experiments: readonly ExperimentResult[]
  readonly pairs: readonly PairResult[]
  /** Declared and inferred parents, for the lineage graph. */
  readonly lineage: readonly LineageEdge[]
  /** Per-tensor statistics behind the twin and parent checks. */
  readonly details: readonly TensorDetail[]
  readonly findings: readonly Finding[]
}


type OpenedCheckpoint = { checkpoint: Checkpoint, leaves: Leaf[] } | { error: CheckpointError }

/** Opens each distinct path once; later requests share the first. */
export class CheckpointCache {
  readonly #io: AuditIO
  readonly #opened = new Map<string, Promise<OpenedCheckpoint>>()
  constructor(io: AuditIO) { this.#io = io }
  get(path: string): Promise<OpenedCheckpoint> {
    let entry = this.#opened.get(path)
    if (entry === undefined) {
      entry = this.#io.open(path).then(
        checkpoint => ({ checkpoint, leaves: flatten(checkpoint.roots) }),
        (error: unknown) => {
          if (error instanceof CheckpointError) return { error }
          throw error
        })
      this.#opened.set(path, entry)
    }
    return entry
  }
  async closeAll(): Promise<void> {
    for (const entry of this.#opened.values()) {
      const opened = await entry.catch(() => undefined)
      if (opened !== undefined && 'checkpoint' in opened) await opened.checkpoint.close()
    }
  }
}

/** `posix.system (in checkpoint-5/optimizer.pt)`: each unsafe global once, with the files of a run folder it is in. */
function unsafeWithPlaces(globals: ReadonlyArray<{ qualified: string, verdict: string, where?: unknown }>): string[] {
  const places = new Map<string, Set<string>>()
  for (const g of globals.filter(g => g.verdict === 'unsafe')) {
    const set = places.get(g.qualified) ?? places.set(g.qualified, new Set()).get(g.qualified)!
    // a run folder's files are `relative/file: …`; a plain checkpoint's (its absolute path) say nothing more
    const first = typeof g.where === 'string' && g.where.includes(': ') ? g.where.split(': ')[0]! : undefined
    if (first !== undefined && !isAbsolute(first)) set.add(first)
  }
  return [...places].map(([name, files]) => (files.size > 0 ? `${name} (in ${[...files].sort().join(', ')})` : name))
}

export async function auditManifest(manifest: Manifest, io: AuditIO, options: AuditOptions = {}): Promise<AuditResult> {
  const checks: Checks = {
    ...manifest.checks,
    ...(options.failOn !== undefined ? { failOn: options.failOn } : {}),
    ...(options.weights !== undefined ? { weights: options.weights } : {}),
    ...(options.unverified !== undefined ? { unverified: options.unverified } : {}),
  }
  const aliases = aliasTable(manifest.aliases)
  const cache = new CheckpointCache(io)
  const findings: Finding[] = []
  const experiments: ExperimentResult[] = []
  const reportedFiles = new Set<string>()
  let weights: WeightAudit | undefined
  try {
    for (const experiment of manifest.experiments) {
      const path = experiment.checkpoint.resolved
      const display = experiment.checkpoint.display
      const opened = await cache.get(path)
      const firstTime = !reportedFiles.has(path)
      reportedFiles.add(path)
      const where = { experiment: experiment.name, checkpoint: display, location: experiment.checkpoint.location }

      const globals = 'error' in opened ? opened.error.globals : opened.checkpoint.globals
      const unsafe = unsafeWithPlaces(globals)
      if (unsafe.length > 0 && firstTime)
        findings.push({ ...where, code: 'unsafe-pickle', severity: 'error', message: `${display} names code-running globals (nothing was executed): ${unsafe.join(', ')}` })

      if (experiment.sha256 !== undefined) {
        let actual: string
        let from = ''
        try {
          const digest = await io.sha256(path)
          actual = typeof digest === 'string' ? digest : digest.sha256
          if (typeof digest !== 'string') from = ` (${digest.from})`
        } catch (error) {
          actual = `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
        }
        if (actual !== experiment.sha256.value)
          findings.push({ ...where, location: experiment.sha256.location, code: 'sha256-mismatch', severity: 'error', message: `${display} has sha256 ${actual}${from}, the manifest pins ${experiment.sha256.value}` })
        // a remote pin is checked against what the server vouches for, or the whole object: say which
        else if (from !== '')
          findings.push({ ...where, location: experiment.sha256.location, code: 'sha256-verified', severity: 'notice', message: `${display}: sha256 pin verified${from}` })
      }

      if ('error' in opened) {
        findings.push({ ...where, code: 'unreadable', severity: 'error', message: `${display}: ${opened.error.reason}: ${opened.error.message}` })
        experiments.push({
          name: experiment.name, checkpoint: display, format: null,
          hparams: experiment.hparams.map(h => ({ key: h.key, recorded: jsonData(h.value), stored: null, source: null, status: 'missing', location: h.location })),
          metrics: experiment.metrics.map(m => ({ key: m.key, recorded: jsonData(m.value), stored: null, source: null, status: 'not-checked', location: m.location })),
          error: { reason: opened.error.reason, message: opened.error.message }, verified: 0,
        })
        continue
      }
      const audit = auditHparams(experiment, opened.leaves, checks, aliases, display)
      const metrics = auditMetrics(experiment, opened.leaves, checks, display)
      findings.push(...audit.findings, ...metrics.findings)
      experiments.push({
        name: experiment.name, checkpoint: display, format: opened.checkpoint.format, hparams: audit.rows,
        ...(opened.checkpoint.selection !== undefined ? { selected: opened.checkpoint.selection } : {}),
        metrics: metrics.rows, error: null, verified: audit.rows.filter(isVerified).length + metrics.rows.filter(m => m.status !== 'not-checked').length,
      })
    }
    weights = await auditWeights({ manifest, checks, open: path => cache.get(path), diff: (a, b) => io.diff(a, b),
      ...(io.fingerprint !== undefined ? { fingerprint: io.fingerprint } : {}), progress: options.progress,
      ...(options.exactPairs === true ? { exactPairs: true } : {}) })
    findings.push(...weights.findings)
  } finally {
    await cache.closeAll()
  }
  const order = new Map(manifest.experiments.map((e, i) => [e.name, i]))
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (order.get(a.experiment) ?? 0) - (order.get(b.experiment) ?? 0))
  const counts = countBySeverity(findings)
  return {
    manifest: manifest.file, status: counts.error > 0 ? 'fail' : 'pass', counts, checks, experiments,
    pairs: weights?.pairs ?? [], lineage: weights?.lineage ?? [], details: weights?.details ?? [], findings,
  }
}
