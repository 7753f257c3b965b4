/**
 * Weight-level claims (DESIGN §5, issue C): twins hold the same weights, the declared parent is
 * the one the weights point to, frozen tensors equal the parent's and trained ones do not, and
 * experiments recorded as different are not the same weights. Pure given its inputs: tensor
 * statistics come from the injected `diff`.
 */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { aliasTable, type AliasTable } from '../hparams/aliases.ts'
import { recordedEqual, valuesMatch } from '../hparams/compare.ts'
import { configuredValues } from '../hparams/discover.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { formatData, formatValue } from '../hparams/scalar.ts'
import type { Checks, Experiment, Manifest } from '../manifest/types.ts'
import type { DiffResult, TensorDiff } from '../weights/diff.ts'
import type { Finding } from './findings.ts'

export type Opened = { checkpoint: Checkpoint, leaves: Leaf[] } | { error: { reason: string, message: string } }

export interface WeightInputs {
  readonly manifest: Manifest
  readonly checks: Checks
  open(path: string): Promise<Opened>
  diff(a: Checkpoint, b: Checkpoint): Promise<DiffResult>
  /** Told before each weight comparison starts (the CLI shows it on a terminal). */
  progress?(message: string): void
}

export interface PairResult {
  readonly a: string
  readonly b: string
  readonly mean_abs_diff: number | null
  readonly identical: boolean
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

/** In `weights: auto`, near-duplicate detection runs while all its pairs together read at most this much. */
export const NEAR_DUPLICATE_BUDGET_BYTES = 16 * 1024 ** 3
/** Inferred evidence must beat the declared parent's mean distance by this factor when bit-identical counts tie. */
const CLEARLY = 10

const fmt = (x: number | null): string => (x === null ? 'n/a' : x === 0 ? '0' : x.toExponential(2))

/** `backbone.embed.weight, backbone.layer.bias` → `backbone.*`: names summarised by their first segment. */
export function groupNames(names: readonly string[]): string {
  const groups = new Map<string, number>()
  for (const name of names) {
    const head = name.includes('.') ? `${name.split('.')[0]}.*` : name
    groups.set(head, (groups.get(head) ?? 0) + 1)
  }
  return [...groups.keys()].join(', ')
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)
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

/** What the three weight checks share: the inputs, the findings so far, and each pair's diff, computed once. */
interface Context {
  readonly input: WeightInputs
  readonly audit: WeightAudit
  readonly aliases: AliasTable
  readonly byName: ReadonlyMap<string, Experiment>
  /** The opened checkpoint of a path, when it is readable and holds tensors. */
  weightsOf(path: string): Promise<Checkpoint | undefined>
  /** Diff of two paths, computed once per unordered pair; undefined when either has no readable weights. */
  diffPaths(a: string, b: string): Promise<DiffResult | undefined>
  /** Adds a pair to the distance matrix (once). */
  recordPair(a: string, b: string, diff: DiffResult): void
}

function createContext(input: WeightInputs, audit: WeightAudit): Context {
  const { manifest } = input
  const diffs = new Map<string, Promise<DiffResult | undefined>>()
  const weightsOf = async (path: string): Promise<Checkpoint | undefined> => {
    const opened = await input.open(path)
    return 'checkpoint' in opened && opened.checkpoint.tensors.length > 0 ? opened.checkpoint : undefined
  }
  return {
    input, audit, weightsOf,
    aliases: aliasTable(manifest.aliases),
    byName: new Map(manifest.experiments.map(e => [e.name, e])),
    async diffPaths(a, b) {
      const [ca, cb] = await Promise.all([weightsOf(a), weightsOf(b)])
      if (ca === undefined || cb === undefined) return undefined
      const key = [a, b].sort().join('\0')
      let entry = diffs.get(key)
      if (entry === undefined) {
        input.progress?.(`comparing weights: ${ca.path} and ${cb.path}`)
        entry = (a <= b ? input.diff(ca, cb) : input.diff(cb, ca)).catch((error: unknown) => {
          // tensor data that breaks while streaming (truncated storage, bad local header) is a finding, once per pair
          const reason = (error as { reason?: unknown }).reason
          if (typeof reason !== 'string') throw error
          const who = manifest.experiments.find(e => e.checkpoint.resolved === a || e.checkpoint.resolved === b)
          audit.findings.push({ experiment: who?.name ?? '(all)', code: 'unreadable', severity: 'error', message: `tensor data could not be compared (${reason}): ${(error as Error).message}` })
          return undefined
        })
        diffs.set(key, entry)
      }
      return entry
    },
    recordPair(a, b, diff) {
      if (!audit.pairs.some(p => (p.a === a && p.b === b) || (p.a === b && p.b === a)))
        audit.pairs.push({ a, b, mean_abs_diff: diff.mean_abs_diff, identical: diff.identical })
    },
  }
}

export async function auditWeights(input: WeightInputs): Promise<WeightAudit> {
  const audit: WeightAudit = { findings: [], pairs: [], lineage: [], details: [], nearDuplicatesChecked: false }
  if (input.checks.weights === 'never') return audit
  const ctx = createContext(input, audit)
  await auditTwins(ctx)
  const related = await auditLineage(ctx)
  await auditNearDuplicates(ctx, related)
  return audit
}

/** Twins: the same tensors (within the coarser dtype's rounding) and the same stored hyperparameters. */
async function auditTwins(ctx: Context): Promise<void> {
  const { input, audit, aliases, diffPaths } = ctx
  const { manifest, checks } = input
  for (const e of manifest.experiments) {
    for (const twin of e.twins) {
      const where = { experiment: e.name, checkpoint: e.checkpoint.display, location: twin.location }
      const twinOpened = await input.open(twin.resolved)
      const mainOpened = await input.open(e.checkpoint.resolved)
      if ('error' in twinOpened) {
        audit.findings.push({ ...where, code: 'twin-mismatch', severity: 'error', message: `twin ${twin.display} cannot be read (${twinOpened.error.reason}): ${twinOpened.error.message}` })
        continue
      }
      if ('error' in mainOpened) continue // already an unreadable finding
      const problems: string[] = []
      const diff = await diffPaths(e.checkpoint.resolved, twin.resolved)
      if (diff !== undefined) {
        const differing = diff.tensors.filter(t => (t.dtype.includes('/') ? t.beyond_rounding > 0 : !t.identical))
        if (differing.length > 0) problems.push(`${differing.length} of ${diff.tensors.length} tensors differ (${groupNames(differing.map(t => t.name))}; mean |a−b| ${fmt(diff.mean_abs_diff)})`)
        if (diff.only_in_a.length + diff.only_in_b.length > 0) problems.push(`tensor names differ (${diff.only_in_a.length} only in ${e.checkpoint.display}, ${diff.only_in_b.length} only in ${twin.display})`)
        if (diff.shape_mismatch.length > 0) problems.push(`shapes differ for ${groupNames(diff.shape_mismatch)}`)
        audit.details.push({ title: `${e.name}: ${e.checkpoint.display} vs twin ${twin.display}`, tensors: diff.tensors })
      }
      const mine = new Map(configuredValues(mainOpened.leaves, aliases).map(d => [d.key, d.found!]))
      for (const theirs of configuredValues(twinOpened.leaves, aliases)) {
        const own = mine.get(theirs.key)
        if (own !== undefined && !valuesMatch(own.value.value, theirs.found!.value, checks.tolerance))
          problems.push(`${theirs.key} is ${formatValue(own.value.value)} (${own.source}) here but ${formatValue(theirs.found!.value.value)} (${theirs.found!.source}) in the twin`)
      }
      if (problems.length > 0)
        audit.findings.push({ ...where, code: 'twin-mismatch', severity: 'error', message: `${e.checkpoint.display} and its twin ${twin.display} disagree: ${problems.join('; ')}` })
    }
  }

}

/** Parents, declared and inferred, and the frozen/trained globs. Returns the pairs that are parent and child. */
async function auditLineage(ctx: Context): Promise<Set<string>> {
  const { input, audit, byName, weightsOf, diffPaths, recordPair } = ctx
  const { manifest } = input
  // candidates are the experiments named as parents, and the roots; never itself or its descendants
  const parentNames = new Set(manifest.experiments.map(e => e.parent?.experiment).filter((p): p is string => p !== undefined))
  const candidates = manifest.experiments.filter(e => parentNames.has(e.name) || e.parent === undefined)
  const descendantsOf = (name: string): Set<string> => {
    const out = new Set<string>()
    for (let grew = true; grew;) {
      grew = false
      for (const e of manifest.experiments)
        if (e.parent?.experiment !== undefined && (e.parent.experiment === name || out.has(e.parent.experiment)) && !out.has(e.name)) {
          out.add(e.name)
          grew = true
        }
    }
    return out
  }
  const related = new Set<string>()
  const relate = (a: string, b: string) => { related.add(`${a}\0${b}`); related.add(`${b}\0${a}`) }
  for (const e of manifest.experiments) {
    if (e.parent === undefined) continue
    if (e.parent.experiment !== undefined) relate(e.name, e.parent.experiment)
    if (await weightsOf(e.checkpoint.resolved) === undefined) continue
    const excluded = descendantsOf(e.name)
    type Evidence = { name: string, diff: DiffResult }
    const evidence: Evidence[] = []
    for (const c of candidates) {
      if (c.name === e.name || excluded.has(c.name)) continue
      const diff = await diffPaths(e.checkpoint.resolved, c.checkpoint.resolved)
      if (diff !== undefined) {
        evidence.push({ name: c.name, diff })
        recordPair(e.name, c.name, diff)
      }
    }
    const declaredName = e.parent.experiment ?? e.parent.path!.display
    const declaredPath = e.parent.experiment !== undefined ? byName.get(e.parent.experiment)!.checkpoint.resolved : e.parent.path!.resolved
    const declaredDiff = evidence.find(x => x.name === declaredName)?.diff ?? await diffPaths(e.checkpoint.resolved, declaredPath)
    const identicalCount = (d: DiffResult) => d.tensors.filter(t => t.identical).length
    const best = [...evidence].sort((x, y) => identicalCount(y.diff) - identicalCount(x.diff) || (x.diff.mean_abs_diff ?? Infinity) - (y.diff.mean_abs_diff ?? Infinity))[0]
    let mismatch = false
    if (best !== undefined && declaredDiff !== undefined && best.name !== declaredName) {
      const [bi, di] = [identicalCount(best.diff), identicalCount(declaredDiff)]
      const [bm, dm] = [best.diff.mean_abs_diff ?? Infinity, declaredDiff.mean_abs_diff ?? Infinity]
      mismatch = bi > di || (bi === di && bm * CLEARLY < dm)
      if (mismatch) {
        relate(e.name, best.name)
        const same = best.diff.tensors.filter(t => t.identical).map(t => t.name)
        const bestFile = byName.get(best.name)!.checkpoint.display
        const declaredFile = e.parent.experiment !== undefined ? byName.get(e.parent.experiment)!.checkpoint.display : declaredName
        audit.findings.push({
          experiment: e.name, checkpoint: e.checkpoint.display, location: e.parent.location, code: 'parent-mismatch', severity: 'warning',
          message: `the weights point to ${best.name} (${bestFile}), not the declared parent ${declaredName} (${declaredFile}): `
            + `${bi} of ${best.diff.tensors.length} tensors bit-identical to ${best.name}${same.length > 0 ? ` (${groupNames(same)})` : ''}, mean |a−b| ${fmt(best.diff.mean_abs_diff)}; `
            + `${di} bit-identical to ${declaredName}, mean |a−b| ${fmt(declaredDiff.mean_abs_diff)}`,
        })
      }
    }
    const shown = mismatch ? best! : { name: declaredName, diff: declaredDiff }
    audit.lineage.push({
      child: e.name, declared: declaredName, inferred: best?.name ?? null,
      identical_tensors: shown.diff === undefined ? 0 : identicalCount(shown.diff), total_tensors: shown.diff?.tensors.length ?? 0,
      mean_abs_diff: shown.diff?.mean_abs_diff ?? null, mismatch,
    })

    // frozen and trained globs, against the declared parent
    if (declaredDiff !== undefined) {
      audit.details.push({ title: `${e.name} vs declared parent ${declaredName}`, tensors: declaredDiff.tensors })
      for (const [kind, globs] of [['frozen', e.frozen], ['trained', e.trained]] as const) {
        for (const glob of globs) {
          const pattern = globToRegExp(glob)
          const matching = declaredDiff.tensors.filter(t => pattern.test(t.name))
          const where = { experiment: e.name, checkpoint: e.checkpoint.display, location: e.parent.location }
          if (matching.length === 0) {
            audit.findings.push({ ...where, code: kind === 'frozen' ? 'frozen-changed' : 'trained-unchanged', severity: 'notice', message: `${kind} glob '${glob}' matches no tensor of ${e.checkpoint.display}` })
            continue
          }
          const bad = matching.filter(t => (kind === 'frozen' ? !t.identical : t.identical))
          if (bad.length === 0) continue
          const worst = Math.max(...bad.map(t => t.mean_abs_diff))
          audit.findings.push(kind === 'frozen'
            ? { ...where, code: 'frozen-changed', severity: 'warning', message: `frozen '${glob}': ${bad.length} of ${matching.length} tensors differ from ${declaredName} (largest mean |a−b| ${fmt(worst)}: ${bad.slice(0, 3).map(t => t.name).join(', ')}${bad.length > 3 ? ', …' : ''})` }
            : { ...where, code: 'trained-unchanged', severity: 'warning', message: `trained '${glob}': ${bad.length} of ${matching.length} tensors are bit-identical to ${declaredName} (${bad.slice(0, 3).map(t => t.name).join(', ')}${bad.length > 3 ? ', …' : ''}): they were not trained` })
        }
      }
    }
  }

  return related
}

/** Experiments recorded as different whose weights are (nearly) the same. */
async function auditNearDuplicates(ctx: Context, related: ReadonlySet<string>): Promise<void> {
  const { input, audit, weightsOf, diffPaths, recordPair } = ctx
  const { manifest, checks } = input
  const withWeights: Experiment[] = []
  for (const e of manifest.experiments) if (await weightsOf(e.checkpoint.resolved) !== undefined) withWeights.push(e)
  const unrelated: Array<[Experiment, Experiment]> = []
  for (let i = 0; i < withWeights.length; i++)
    for (let j = i + 1; j < withWeights.length; j++)
      if (!related.has(`${withWeights[i]!.name}\0${withWeights[j]!.name}`)) unrelated.push([withWeights[i]!, withWeights[j]!])
  let cost = 0
  for (const [a, b] of unrelated) cost += ((await weightsOf(a.checkpoint.resolved))!.sizeBytes + (await weightsOf(b.checkpoint.resolved))!.sizeBytes)
  if (checks.weights === 'auto' && cost > NEAR_DUPLICATE_BUDGET_BYTES) {
    audit.findings.push({ experiment: '(all)', code: 'near-duplicate', severity: 'notice', message: `near-duplicate check skipped: comparing every pair would read ${(cost / 1024 ** 3).toFixed(1)} GiB (the auto budget is ${NEAR_DUPLICATE_BUDGET_BYTES / 1024 ** 3} GiB); set checks.weights: always to run it` })
    return
  }
  const measured: Array<{ a: Experiment, b: Experiment, diff: DiffResult }> = []
  for (const [a, b] of unrelated) {
    const diff = await diffPaths(a.checkpoint.resolved, b.checkpoint.resolved)
    if (diff === undefined) continue
    measured.push({ a, b, diff })
    recordPair(a.name, b.name, diff)
  }
  audit.nearDuplicatesChecked = true
  const spread = median(measured.map(m => m.diff.mean_abs_diff).filter((x): x is number => x !== null && x > 0))
  for (const { a, b, diff } of measured) {
    const differences = recordedDifferences(a, b, checks)
    if (differences.length === 0 || diff.mean_abs_diff === null) continue
    const near = diff.identical || diff.mean_abs_diff <= checks.nearDuplicateRatio * spread
    if (!near) continue
    const how = diff.identical ? 'bit-identical weights' : diff.mean_abs_diff === 0 ? 'the same values in every shared tensor' : `near-identical weights (mean |a−b| ${fmt(diff.mean_abs_diff)}, ${Math.round(spread / diff.mean_abs_diff)}× below the median pair distance ${fmt(spread)})`
    audit.findings.push({
      experiment: a.name, checkpoint: a.checkpoint.display, location: a.location, code: 'near-duplicate', severity: 'warning',
      message: `${a.name} and ${b.name} have ${how} although their records differ (${differences.join('; ')}): the differing setting had no effect on the weights`,
    })
  }
}
