/** `diff`'s first table: the configured hyperparameters each file stores, and whether they agree. Pure. */
import type { StoredHparamRow } from '../audit/stored-hparams.ts'
import { formatValue } from './format.ts'
import { terminalSafe } from './terminal.ts'
import { columnWidths } from './text-width.ts'

export function renderStoredHparams(rows: readonly StoredHparamRow[]): string {
  if (rows.length === 0) return 'hyperparameters: none of the known keys stored in either file\n\n'
  const cell = (v: StoredHparamRow['a'], source: string | null) => (source === null ? '-' : `${terminalSafe(formatValue(v))} (${terminalSafe(source)})`)
  const table = [['key', 'A', 'B', ''], ...rows.map(r => [r.key, cell(r.a, r.a_source), cell(r.b, r.b_source),
    r.equal ? 'same' : r.a_source === null || r.b_source === null ? 'only one' : 'DIFFERENT'])]
  const widths = columnWidths(table)
  return ['hyperparameters', ...table.map(row => '  ' + row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd())].join('\n') + '\n\n'
}
