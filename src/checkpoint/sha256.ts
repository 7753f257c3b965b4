import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { parseLfsPointer, type LfsPointer } from './remote/lfs.ts'
import { isRemoteAddress } from './remote/address.ts'
import { remoteDigest, type Digest } from './remote/digest.ts'
import { liveSource, openLfs, openRemote } from './remote/open-remote.ts'
import type { RemoteSource } from './remote/http-source.ts'

/** Streams a file through SHA-256 (constant memory, any size). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A local file's sha256, or a remote object's (the server's digest where it has one, else read whole). */
export async function sha256Checkpoint(path: string): Promise<string | Digest> {
  if (!isRemoteAddress(path)) {
    // a pointer read through the LFS batch API stands for its object: the pin is about the
    // object as served (the pointer's oid is the pull request's word, not a check)
    const pointer = process.env.CKPT_AUDIT_LFS === 'batch' ? await lfsPointerOf(path) : undefined
    return pointer === undefined ? sha256File(path) : digestOf(`lfs:${path}`, () => openLfs(path, pointer))
  }
  return digestOf(path, () => openRemote(path))
}

/**
 * The digest of the version the audit read: the source it still holds open (same pin, every
 * request conditional on it), else a new open, which fails as `changed` if the version differs.
 */
async function digestOf(key: string, open: () => Promise<RemoteSource>): Promise<Digest> {
  const held = liveSource(key)
  if (held !== undefined) return remoteDigest(held)
  const source = await open()
  try {
    return await remoteDigest(source)
  } finally {
    await source.close()
  }
}

/** The pointer a small file holds, if it is a Git LFS pointer. */
async function lfsPointerOf(path: string): Promise<LfsPointer | undefined> {
  const info = await stat(path)
  if (!info.isFile() || info.size > 1024) return undefined
  const text = await readFile(path, 'latin1')
  return text.startsWith('version https://git-lfs.github.com/spec/') ? parseLfsPointer(text) : undefined
}
