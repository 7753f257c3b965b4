/**
 * Reused chunk buffers for the streamed statistics: allocating (and page-faulting) fresh 4 MiB
 * buffers for every chunk cost a fifth of `diff`'s time in garbage collection.
 */
/** Buffers of this size are pooled; a larger request gets a fresh one. */
const POOL_BYTES = 8 * 1024 * 1024
/** At most this many idle buffers are kept (four per tensor pair in flight). */
const MAX_IDLE = 8
const idle: Uint8Array[] = []

/** A buffer of at least `bytes` bytes, starting at offset 0 of its ArrayBuffer (so typed views are aligned). */
export function acquireChunk(bytes: number): Uint8Array {
  if (bytes > POOL_BYTES) return new Uint8Array(bytes)
  return (idle.pop() ?? new Uint8Array(POOL_BYTES)).subarray(0, bytes)
}

export function releaseChunk(chunk: Uint8Array): void {
  if (chunk.buffer.byteLength === POOL_BYTES && idle.length < MAX_IDLE) idle.push(new Uint8Array(chunk.buffer))
}
