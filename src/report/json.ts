/** The `check --json` document (DESIGN §6). Stable: tests pin its keys. */
import type { AuditResult } from '../audit/audit.ts'
import type { Finding } from '../audit/findings.ts'
import type { JsonScalar } from '../audit/inspect.ts'

export interface CheckJson {
  version: 1
  status: 'pass' | 'fail'
  counts: { error: number, warning: number, notice: number }
  experiments: Array<{
    name: string
    checkpoint: string
    format: string | null
    selected?: string
    error: { reason: string, message: string } | null
    hparams: Array<{ key: string, recorded: JsonScalar, stored: JsonScalar, source: string | null, status: string, note?: string }>
  }>
  pairs: Array<{ a: string, b: string, mean_abs_diff: number | null, identical: boolean }>
  lineage: AuditResult['lineage']
  findings: Finding[]
}

export function toCheckJson(result: AuditResult): CheckJson {
  return {
    version: 1,
    status: result.status,
    counts: { ...result.counts },
    experiments: result.experiments.map(e => ({
      name: e.name, checkpoint: e.checkpoint, format: e.format, ...(e.selected !== undefined ? { selected: e.selected } : {}), error: e.error,
      hparams: e.hparams.map(h => ({
        key: h.key, recorded: h.recorded, stored: h.stored, source: h.source, status: h.status,
        ...(h.note !== undefined ? { note: h.note } : {}),
      })),
    })),
    pairs: result.pairs.map(p => ({ ...p })),
    lineage: result.lineage.map(l => ({ ...l })),
    findings: result.findings.map(f => ({ ...f })),
  }
}
