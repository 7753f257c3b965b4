/** Small number and size formatters shared by the text and Markdown renderers. */

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US')
}

/** A stored or recorded value as a user wrote it: strings quoted only when they could be misread. */
export function formatValue(value: string | number | boolean | null | bigint): string {
  if (value === null) return 'None'
  if (typeof value === 'string') return /^[\w.\-/:+@ ]*$/.test(value) && value !== '' && value.trim() === value ? value : JSON.stringify(value)
  // 5e-5 reads better than 0.00005 for learning rates and KL coefficients
  if (typeof value === 'number') return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value)
  return String(value)
}
