import { open, type FileHandle } from 'node:fs/promises'
import { CheckpointError, n } from './errors.ts'

/** Largest single range a reader may ask for at once (metadata records, headers). */
export const DEFAULT_READ_CAP = 256 * 1024 * 1024

/** Random access to the bytes of one file. The size is known before any read. */
export interface ByteSource {
  readonly path: string
  readonly size: number
  read(offset: number, length: number): Promise<Uint8Array>
  close(): Promise<void>
}

/** Opens a file for positional reads; nothing is read until asked. */
export async function openFileSource(path: string): Promise<ByteSource> {
  const handle: FileHandle = await open(path, 'r')
  const { size } = await handle.stat()
  return {
    path,
    size,
    async read(offset, length) {
      const buffer = new Uint8Array(length)
      let done = 0
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done)
        if (bytesRead === 0) throw new CheckpointError('truncated', `${path}: file shrank while reading at ${n(offset + done)}`)
        done += bytesRead
      }
      return buffer
    },
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

/**
 * The only way format code reads bytes: the range is checked against the file's real size
 * and the cap BEFORE any memory is allocated.
 */
export async function readRange(src: ByteSource, offset: number, length: number, what: string,
                                cap = DEFAULT_READ_CAP): Promise<Uint8Array> {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
    throw new CheckpointError('corrupt', `${what}: invalid range ${offset} + ${length}`)
  if (offset + length > src.size)
    throw new CheckpointError('truncated', `${what} overflows the file: ${n(offset)} + ${n(length)} > ${n(src.size)}`)
  if (length > cap)
    throw new CheckpointError('too-large', `${what} is ${n(length)} bytes; the limit is ${n(cap)}`)
  return src.read(offset, length)
}
