/** Terminal rendering of `ckpt-audit diff`. Pure. */
import { describeAlignment } from '../weights/align.ts'
import type { DiffResult } from '../weights/diff.ts'
import { formatCount } from './format.ts'
import { terminalSafe } from './terminal.ts'
import { columnWidths } from './text-width.ts'

const num = (value: number | null): string => (value === null ? '-' : value === 0 ? '0' : value.toExponential(3))

/** `identical`, or how many elements are NaN on one side only (their mean leaves them out, so it may read 0). */
const note = (t: DiffResult['tensors'][number]): string =>
  (t.identical ? 'identical' : t.nan_mismatch > 0 ? `${formatCount(t.nan_mismatch)} NaN vs number` : '')

/** The largest per-tensor differences (all of them with `all`), then the overall figure. */
export function renderDiffText(diff: DiffResult, all = false, limit = 20): string {
  const lines = [`${terminalSafe(diff.a)}  vs  ${terminalSafe(diff.b)}`, '']
  if (diff.unsafe_globals.length > 0)
    lines.unshift(`warning: code-running globals named (nothing was executed): ${diff.unsafe_globals.map(terminalSafe).join(', ')}`)
  const sorted = [...diff.tensors].sort((x, y) => y.mean_abs_diff - x.mean_abs_diff || x.name.localeCompare(y.name))
  const shown = all ? sorted : sorted.slice(0, limit)
  const rows = [['tensor', 'dtype', 'elements', 'mean |a-b|', 'max |a-b|', ''],
    ...shown.map(t => [terminalSafe(t.name), t.dtype, formatCount(t.elements), num(t.mean_abs_diff), num(t.max_abs_diff), note(t)])]
  const widths = columnWidths(rows)
  for (const r of rows) lines.push('  ' + r.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
  if (shown.length < sorted.length) lines.push(`  … ${sorted.length - shown.length} more (--tensors lists all)`)
  const identical = diff.tensors.filter(t => t.identical).length
  const nanNote = diff.nan_mismatch > 0 ? ` (and ${formatCount(diff.nan_mismatch)} NaN against a number, which no mean counts)` : ''
  lines.push('', `overall: mean |a-b| ${num(diff.mean_abs_diff)} over ${formatCount(diff.elements)} floating elements${nanNote}; `
    + `max ${num(diff.max_abs_diff)}`)
  if (diff.nan_mismatch > 0) {
    const nanTensors = diff.tensors.filter(t => t.nan_mismatch > 0).map(t => terminalSafe(t.name))
    lines.push(`${formatCount(diff.nan_mismatch)} element${diff.nan_mismatch === 1 ? '' : 's'} NaN on one side only `
      + `(in ${nanTensors.slice(0, 10).join(', ')}${nanTensors.length > 10 ? ', …' : ''}): they differ, but are not in the means`)
  }
  lines.push(`${identical} of ${diff.tensors.length} tensors bit-identical${diff.identical ? ' (the weights are identical)' : ''}`)
  if (diff.only_in_a.length > 0) lines.push(`only in A (${diff.only_in_a.length}): ${diff.only_in_a.slice(0, 10).map(terminalSafe).join(', ')}${diff.only_in_a.length > 10 ? ', …' : ''}`)
  if (diff.only_in_b.length > 0) lines.push(`only in B (${diff.only_in_b.length}): ${diff.only_in_b.slice(0, 10).map(terminalSafe).join(', ')}${diff.only_in_b.length > 10 ? ', …' : ''}`)
  if (diff.aligned !== null) lines.push(describeAlignment(diff.aligned))
  if (diff.not_compared.length > 0)
    lines.push(`not compared (${diff.not_compared.length}): ${diff.not_compared.slice(0, 10).map(t => `${terminalSafe(t.name)} (${t.dtype})`).join(', ')}`)
  if (diff.shape_mismatch.length > 0) lines.push(`different shapes (${diff.shape_mismatch.length}): ${diff.shape_mismatch.slice(0, 10).map(terminalSafe).join(', ')}`)
  return lines.join('\n') + '\n'
}
