import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { parseLfsPointer, type LfsPointer } from './remote/lfs.ts'
import { isRemoteAddress } from './remote/address.ts'
import { remoteDigest, type Digest } from './remote/digest.ts'
import { openRemote } from './remote/open-remote.ts'

/** Streams a file through SHA-256 (constant memory, any size). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A local file's sha256, or a remote object's (the server's digest where it has one, else read whole). */
export async function sha256Checkpoint(path: string): Promise<string | Digest> {
  if (!isRemoteAddress(path)) {
    // a pointer read through the LFS batch API stands for its object: the pin is about the object
    const pointer = process.env.CKPT_AUDIT_LFS === 'batch' ? await lfsPointerOf(path) : undefined
    return pointer === undefined ? sha256File(path) : { sha256: pointer.oid, from: 'the Git LFS oid' }
  }
  const source = await openRemote(path)
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
