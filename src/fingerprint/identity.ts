/**
 * What a cached fingerprint is valid for. A local file: its absolute path, size, modification
 * time, change time, inode and device. The mtime alone can be set back (`touch -d`, `cp -p`,
 * an archive's restore); the ctime cannot be set by a user and moves on every write and every
 * mtime change, and a file replaced by rename gets a new inode. Remote sources (issue J) plug in their own identity:
 * a URL with its ETag or Git LFS oid; the cache compares identities as opaque JSON.
 */
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'

export type SourceIdentity =
  | { readonly kind: 'local', readonly path: string, readonly size: number, readonly mtimeNs: string, readonly ctimeNs: string,
      readonly ino: string, readonly dev: string }
  | { readonly kind: 'remote', readonly url: string, readonly etag: string }

/** The identity of a local checkpoint file, or undefined for what is not one regular file (a run folder). */
export async function localIdentity(path: string): Promise<SourceIdentity | undefined> {
  const info = await stat(path, { bigint: true }).catch(() => undefined)
  if (info === undefined || !info.isFile()) return undefined
  return { kind: 'local', path: resolve(path), size: Number(info.size), mtimeNs: info.mtimeNs.toString(), ctimeNs: info.ctimeNs.toString(),
    ino: info.ino.toString(), dev: info.dev.toString() }
}

/** A stable text of an identity (keys in a fixed order), for keys and comparisons. */
export function identityText(identity: SourceIdentity): string {
  return identity.kind === 'local'
    ? JSON.stringify(['local', identity.path, identity.size, identity.mtimeNs, identity.ctimeNs, identity.ino, identity.dev])
    : JSON.stringify(['remote', identity.url, identity.etag])
}
