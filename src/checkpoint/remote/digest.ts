/**
 * The sha256 of a remote object for `sha256:` pins: the server's own digest when it has one
 * (an LFS oid, the Hub's X-Linked-Etag), else the whole object streamed through the hash in
 * bounded chunks. The answer says which, for the report.
 */
import { createHash } from 'node:crypto'
import { CheckpointError } from '../errors.ts'
import type { RemoteSource } from './http-source.ts'

export interface Digest {
  readonly sha256: string
  /** How it was obtained: "the Git LFS oid", "the Hub's X-Linked-Etag", or "reading the whole object". */
  readonly from: string
}

const CHUNK = 8 * 1024 * 1024

export async function remoteDigest(source: RemoteSource): Promise<Digest> {
  if (source.digest !== undefined) return source.digest
  const hash = createHash('sha256')
  const buffer = new Uint8Array(CHUNK)
  for (let at = 0; at < source.size; at += CHUNK) {
    const part = buffer.subarray(0, Math.min(CHUNK, source.size - at))
    if (source.readInto === undefined) throw new CheckpointError('corrupt', `${source.path}: cannot stream`)
    await source.readInto(at, part)
    hash.update(part)
  }
  return { sha256: hash.digest('hex'), from: 'reading the whole object' }
}
