/** Terminal rendering of `ckpt-audit check`. Pure. */
import type { AuditResult } from '../audit/audit.ts'
import type { HparamRow } from '../audit/hparam-audit.ts'
import { formatData } from '../hparams/scalar.ts'
import { keyLabel, verdict } from './markdown.ts'
import { terminalSafe } from './terminal.ts'
import { columnWidths } from './text-width.ts'

const MARK: Readonly<Record<HparamRow['status'], string>> = { match: 'ok', mismatch: 'MISMATCH', missing: 'missing', ambiguous: 'ambiguous' }

export function renderCheckText(result: AuditResult): string {
  const lines = [terminalSafe(verdict(result)), '']
  for (const e of result.experiments) {
    lines.push(`${terminalSafe(e.name)}  ${terminalSafe(e.checkpoint)}${e.format !== null ? `  (${e.format}${e.selected !== undefined ? `; read ${terminalSafe(e.selected)}` : ''})` : ''}`)
    if (e.error !== null) lines.push(`  unreadable (${e.error.reason}): ${terminalSafe(e.error.message)}`)
    const rows = [
      ...e.hparams.map(h => [keyLabel(h), formatData(h.recorded), h.stored === null ? '-' : formatData(h.stored), h.source ?? '-', MARK[h.status] + (h.note ? ` (${h.note})` : '')]),
      ...e.metrics.map(m => [`metric ${m.key}`, formatData(m.recorded), m.stored === null ? '-' : formatData(m.stored), m.source ?? '-',
        (m.status === 'mismatch' ? 'MISMATCH' : m.status === 'match' ? 'ok' : 'not checked') + (m.note ? ` (${m.note})` : '')]),
    ].map(r => r.map(terminalSafe))
    const recorded = e.hparams.length + e.metrics.length
    if (recorded > 0 && e.error === null) lines.push(`  ${e.verified} of ${recorded} recorded values verified`)
    if (rows.length > 0) {
      const all = [['key', 'recorded', 'stored', 'source', 'status'], ...rows]
      const widths = columnWidths(all)
      for (const r of all) lines.push('  ' + r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd())
    }
    lines.push('')
  }
  const { error, warning, notice } = result.counts
  lines.push(`${error} error(s), ${warning} warning(s), ${notice} notice(s)`)
  for (const f of result.findings) {
    const at = f.location !== undefined ? `${f.location.file}:${f.location.line}:${f.location.column}: ` : ''
    lines.push(`${at}${f.severity}: [${f.code}] ${terminalSafe(f.experiment)}: ${terminalSafe(f.message)}`)
  }
  return lines.join('\n') + '\n'
}
