/** Column widths of a text table: a loop, since spreading 200,000 rows into Math.max overflows the stack. */
export function columnWidths(rows: ReadonlyArray<readonly string[]>): number[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, (cell ?? '').length) })
  return widths
}
