/** The `check --json` document (docs/design.md §6). Stable: tests pin its keys. */
import type { AuditResult } from '../audit/audit.ts'
import type { Finding } from '../audit/findings.ts'
import type { MetricRow } from '../audit/metric-audit.ts'
import type { JsonData } from '../hparams/scalar.ts'
import { coverage } from './markdown.ts'

export interface CheckJson {
  version: 1
  status: 'pass' | 'fail'
  counts: { error: number, warning: number, notice: number }
  /** Recorded hyperparameters compared with a stored value, of all recorded. */
  coverage: { verified: number, recorded: number }
  experiments: Array<{
    name: string
    checkpoint: string
    format: string | null
    selected?: string
    error: { reason: string, message: string } | null
    verified: number
    hparams: Array<{ key: string, written?: string, recorded: JsonData, stored: JsonData, source: string | null, status: string, note?: string }>
    metrics: Array<Omit<MetricRow, 'location'>>
  }>
  /** mean_abs_diff: null when the two share no floating tensor, "inf" when an infinity meets a number. */
  /** error_bound (present for a distance estimated from samples): "inf" when the hashes differ where no sample looked. */
  pairs: Array<{ a: string, b: string, mean_abs_diff: number | 'inf' | null, identical: boolean, error_bound?: number | 'inf' }>
  lineage: Array<Omit<AuditResult['lineage'][number], 'mean_abs_diff'> & { mean_abs_diff: number | 'inf' | null }>
  findings: Finding[]
}

/** JSON has no infinity (it would be written null, which means "nothing compared"). */
const infAsText = (x: number | null): number | 'inf' | null => (x === Infinity ? 'inf' : x)

export function toCheckJson(result: AuditResult): CheckJson {
  const { verified, recorded } = coverage(result)
  return {
    version: 1,
    status: result.status,
    counts: { ...result.counts },
    coverage: { verified, recorded },
    experiments: result.experiments.map(e => ({
      name: e.name, checkpoint: e.checkpoint, format: e.format, ...(e.selected !== undefined ? { selected: e.selected } : {}), error: e.error,
      verified: e.verified,
      hparams: e.hparams.map(h => ({
        key: h.key, ...(h.written !== undefined ? { written: h.written } : {}), recorded: h.recorded, stored: h.stored, source: h.source, status: h.status,
        ...(h.note !== undefined ? { note: h.note } : {}),
      })),
      metrics: e.metrics.map(({ location: _, ...m }) => m),
    })),
    pairs: result.pairs.map(p => ({
      ...p, mean_abs_diff: infAsText(p.mean_abs_diff), ...(p.error_bound !== undefined ? { error_bound: infAsText(p.error_bound)! } : {}),
    })),
    lineage: result.lineage.map(l => ({ ...l, mean_abs_diff: infAsText(l.mean_abs_diff) })),
    findings: result.findings.map(f => ({ ...f })),
  }
}
