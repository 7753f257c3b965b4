import { open, type FileHandle } from 'node:fs/promises'
import { CheckpointError, n } from './errors.ts'

/** Largest single range a reader may ask for at once (metadata records, headers). */
export const DEFAULT_READ_CAP = 256 * 1024 * 1024

/** Random access to the bytes of one file. The size is known before any read. */
export interface ByteSource {
  readonly path: string
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
  /** Reads `target.length` bytes at `offset` into a buffer the caller reuses (streamed weights: no allocation per chunk). */
  readInto?(offset: number, target: Uint8Array): Promise<void>
  close(): Promise<void>
}

/** Opens a file for positional reads; nothing is read until asked. */
export async function openFileSource(path: string): Promise<ByteSource> {
  const handle: FileHandle = await open(path, 'r')
  const { size } = await handle.stat()
  const fill = async (buffer: Uint8Array, offset: number): Promise<void> => {
    let done = 0
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, offset + done)
      if (bytesRead === 0) throw new CheckpointError('truncated', `${path}: file shrank while reading at ${n(offset + done)}`)
      done += bytesRead
    }
  }
  return {
    path,
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(length)
      await fill(buffer, offset)
      return buffer
    },
    readInto: (offset, target) => fill(target, offset),
    close: () => handle.close(),
  }
}

/** A source over bytes already in memory (nested pickles, tests). */
export function memorySource(path: string, bytes: Uint8Array): ByteSource {
  return {
    path,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    close: async () => {},
  }
}

/** The bounds and cap checks every read passes BEFORE any memory is allocated. */
function checkRange(src: ByteSource, offset: number, length: number, what: string, cap: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
    throw new CheckpointError('corrupt', `${what}: invalid range ${offset} + ${length}`)
  if (offset + length > src.size)
    throw new CheckpointError('truncated', `${what} overflows the file: ${n(offset)} + ${n(length)} > ${n(src.size)}`)
  if (length > cap)
    throw new CheckpointError('too-large', `${what} is ${n(length)} bytes; the limit is ${n(cap)}`)
}

/**
 * The only way format code reads bytes: the range is checked against the file's real size
 * and the cap BEFORE any memory is allocated.
 */
export async function readRange(src: ByteSource, offset: number, length: number, what: string,
                                cap = DEFAULT_READ_CAP): Promise<Uint8Array> {
  checkRange(src, offset, length, what, cap)
  return src.read(offset, length)
}

/** Like readRange, into the caller's reused buffer when the source can (else a fresh one). */
export async function readRangeInto(src: ByteSource, offset: number, target: Uint8Array, what: string): Promise<Uint8Array> {
  if (src.readInto === undefined) return readRange(src, offset, target.length, what)
  checkRange(src, offset, target.length, what, DEFAULT_READ_CAP)
  await src.readInto(offset, target)
  return target
}
