/**
 * The fingerprint cache across workflow runs, through the Actions cache service. Restore before
 * the audit: the newest cache of this manifest (a key prefix). Save after: under a key made of the
 * manifest and a hash of the entries the audit needed, so an unchanged fleet saves nothing new
 * (Actions caches are immutable per key) and a changed one saves a fresh cache. Entries the audit
 * did not need are left out of the save. Any failure of the service is a warning, never a failed run:
 * the cache only saves reading, and every entry is checked before it is trusted (fingerprint/cache-entry).
 */
import { createHash } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

export interface CacheService {
  /** The key restored (exact or by prefix), or undefined for none. */
  restore(dir: string, primaryKey: string, restoreKeys: string[]): Promise<string | undefined>
  save(dir: string, key: string): Promise<void>
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16)

/** `ckpt-audit-fp-<manifest hash>-`: every cache of one manifest shares it. */
export const cachePrefix = (manifest: string): string => `ckpt-audit-fp-${sha(manifest)}-`

export function cacheKey(manifest: string, used: ReadonlySet<string>): string {
  return cachePrefix(manifest) + sha([...used].sort().join('\n'))
}

export async function restoreFingerprints(service: CacheService, dir: string, manifest: string,
  warn: (m: string) => void): Promise<string | undefined> {
  try {
    return await service.restore(dir, cachePrefix(manifest), [cachePrefix(manifest)])
  } catch (error) {
    warn(`Fingerprint cache not restored: ${(error as Error).message}`)
    return undefined
  }
}

export async function saveFingerprints(service: CacheService, dir: string, manifest: string, used: ReadonlySet<string>,
  restored: string | undefined, warn: (m: string) => void): Promise<void> {
  if (used.size === 0) return
  const key = cacheKey(manifest, used)
  if (key === restored) return
  try {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names) if (!used.has(name)) await rm(join(dir, name), { force: true })
    await service.save(dir, key)
  } catch (error) {
    warn(`Fingerprint cache not saved: ${(error as Error).message}`)
  }
}
