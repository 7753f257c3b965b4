/** The bytes fetched from remote objects so far, for progress lines ("3.2 MiB fetched"). */
import { remoteTotals } from './open-remote.ts'

export function fetchedSuffix(bytes: number = remoteTotals.bytes): string {
  if (bytes === 0) return ''
  const mib = bytes / (1024 * 1024)
  return ` (${mib >= 10 ? mib.toFixed(0) : mib.toFixed(1)} MiB fetched)`
}
