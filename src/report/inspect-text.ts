/** Terminal rendering of `ckpt-audit inspect`. Pure. */
import type { InspectResult } from '../audit/inspect.ts'
import { formatBytes, formatCount, formatValue } from './format.ts'
import { terminalSafe } from './terminal.ts'
import { columnWidths } from './text-width.ts'

const safe = terminalSafe

function table(rows: string[][]): string[] {
  const widths = columnWidths(rows)
  return rows.map(r => '  ' + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd())
}

export function renderInspectText(result: InspectResult): string {
  const lines: string[] = []
  if (result.error !== null) {
    lines.push(`${safe(result.path)}: unreadable (${result.error.reason})`, `  ${safe(result.error.message)}`)
  } else {
    lines.push(`${safe(result.path)}  ${result.format}  ${formatBytes(result.size_bytes ?? 0)}`)
    lines.push('', 'Hyperparameters')
    const rows = Object.entries(result.hparams).map(([key, h]) => [
      key, safe(formatValue(h.value)) + (h.dtype ? ` (${h.dtype})` : ''),
      safe(h.source) + (h.current_lr ? '  (current lr from the optimizer; a scheduler may have changed it)' : ''),
    ])
    for (const line of rows.length > 0 ? table(rows) : ['  none of kl_beta, lr, epoch, phase, global_step found']) lines.push(line)
    for (const [key, h] of Object.entries(result.hparams))
      for (const c of h.conflicts ?? []) lines.push(`  ⚠ ${key} also stored as ${safe(formatValue(c.value))} at ${safe(c.source)}`)
    const metadata = Object.entries(result.metadata)
    lines.push('', `Metadata (${metadata.length})`)
    for (const line of metadata.length > 0 ? table(metadata.map(([k, v]) => [safe(k), safe(formatValue(v))])) : ['  none']) lines.push(line)
    const t = result.tensors
    const dtypes = Object.entries(t.dtypes).map(([d, c]) => `${d} ×${c}`).join(', ')
    lines.push('', `Tensors: ${formatCount(t.count)} (${formatCount(t.elements)} elements, ${formatBytes(t.bytes)})${dtypes ? `: ${dtypes}` : ''}`)
    if (t.list !== undefined) {
      const rows = t.list.map(e => [safe(e.name), e.dtype, `[${e.shape.join(', ')}]`])
      for (const line of rows.length > 0 ? table([['name', 'dtype', 'shape'], ...rows]) : ['  no weight tensors']) lines.push(line)
    }
    lines.push(`Globals: ${result.globals.length > 0 ? result.globals.map(safe).join(', ') : 'none'}`)
  }
  if (result.unsafe_globals.length > 0)
    lines.push(`UNSAFE globals (code-running; nothing was executed): ${result.unsafe_globals.map(safe).join(', ')}`)
  for (const notice of result.notices) lines.push(`note: ${safe(notice)}`)
  return lines.join('\n') + '\n'
}
