import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
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
  if (!isRemoteAddress(path)) return sha256File(path)
  const source = await openRemote(path)
  try {
    return await remoteDigest(source)
  } finally {
    await source.close()
  }
}
