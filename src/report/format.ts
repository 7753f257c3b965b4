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

export { formatValue } from '../hparams/scalar.ts'
