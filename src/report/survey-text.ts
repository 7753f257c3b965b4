/** `inspect A B C…`: one table, a row per file and a column per canonical key. Pure. */
import type { InspectResult } from '../audit/inspect.ts'
import { BUILTIN_ALIASES } from '../hparams/aliases.ts'
import { formatValue } from './format.ts'
import { terminalSafe } from './terminal.ts'
import { columnWidths } from './text-width.ts'

/**
 * `keys`: the columns, canonical keys (already resolved); by default every canonical key some
 * file holds. A cell is the stored value ('-' when the file has none); an unreadable file says why.
 */
export function renderSurveyText(results: readonly InspectResult[], keys?: readonly string[]): string {
  const found = new Set(results.flatMap(r => Object.keys(r.hparams)))
  const order = Object.keys(BUILTIN_ALIASES)
  const columns = keys ?? [...found].sort((a, b) => rank(order, a) - rank(order, b))
  const rows = [['file', ...columns], ...results.map(r => [
    terminalSafe(r.path),
    ...(r.error !== null
      ? [`unreadable (${r.error.reason})`, ...columns.slice(1).map(() => '')]
      : columns.map(k => (r.hparams[k] !== undefined ? terminalSafe(formatValue(r.hparams[k].value)) : '-'))),
  ])]
  const widths = columnWidths(rows)
  const lines = rows.map(row => row.map((cell, i) => (cell ?? '').padEnd(widths[i]!)).join('  ').trimEnd())
  const unsafe = results.filter(r => r.unsafe_globals.length > 0)
  for (const r of unsafe) lines.push(`UNSAFE ${terminalSafe(r.path)}: ${r.unsafe_globals.map(terminalSafe).join(', ')} (nothing was executed)`)
  return lines.join('\n') + '\n'
}

/** Position in the canonical order (kl_beta, lr, epoch, …); keys outside it last. */
function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key)
  return i < 0 ? order.length : i
}
