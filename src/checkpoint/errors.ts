/** Why a checkpoint could not be read. Stable strings: they appear in JSON output. */
export const UNREADABLE_REASONS = [
  'not-found', 'empty', 'lfs-pointer', 'truncated', 'not-a-checkpoint', 'too-large', 'corrupt',
  // remote addresses (issue J): the object changed between two range reads, the server ignores
  // Range, the network failed after retries, or the policy refused the address
  'changed', 'no-range-support', 'network', 'refused',
] as const
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number]

/**
 * The only error the checkpoint readers throw on bad input. Callers turn it into data
 * (an `unreadable` finding or the `error` field of `inspect --json`), never a crash.
 */
export class CheckpointError extends Error {
  readonly reason: UnreadableReason
  /** Globals recorded before the failure: a payload followed by a broken tail is still reported. */
  globals: ReadonlyArray<{ readonly qualified: string, readonly verdict: string, readonly reason?: string }> = []
  constructor(reason: UnreadableReason, message: string) {
    super(message)
    this.name = 'CheckpointError'
    this.reason = reason
  }
}

/** Formats a byte count with thousands separators, for messages such as `1,204 + 9,999 > 88,120`. */
export function n(value: number | bigint): string {
  return value.toLocaleString('en-US')
}
