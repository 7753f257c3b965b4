/**
 * A folder of fingerprints, one file per source identity (named by the identity's SHA-256). A hit
 * costs one stat and one small read instead of reading the checkpoint; a miss, or an entry that
 * does not decode as exactly this identity's, fingerprints the file and rewrites the entry.
 * Writes go to a temporary name and are renamed into place, so a reader never sees half an entry.
 * Entries are signed with a key kept outside the workspace (cache-key.ts): an entry this machine
 * did not write (one committed in a pull request, or edited) does not verify and is never used.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { decodeEntry, encodeEntry } from './cache-entry.ts'
import { loadKey } from './cache-key.ts'
import { describes, fingerprintCheckpoint } from './fingerprint-checkpoint.ts'
import { sampleSalt } from './sample-salt.ts'
import { identityText, localIdentity, type SourceIdentity } from './identity.ts'
import type { Fingerprint } from './types.ts'

export const DEFAULT_CACHE_DIR = '.ckpt-audit-cache'

export const entryPath = (dir: string, identity: SourceIdentity): string =>
  join(dir, `${createHash('sha256').update(identityText(identity)).digest('hex')}.json`)

async function store(dir: string, identity: SourceIdentity, fingerprint: Fingerprint, key: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true })
  const target = entryPath(dir, identity)
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temporary, encodeEntry(identity, fingerprint, key))
  await rename(temporary, target)
}

/**
 * A fingerprinter that consults `dir` first; `used` collects the entry names it needed (the
 * Action keys its cache on them and leaves the others out). `identify` gives a checkpoint's identity (local files
 * by default; undefined: not cacheable). A cache that cannot be written is no error: the audit
 * goes on with the fingerprint it computed. `keyFile`: where the signing key is (default: the
 * user's cache folder); without a key the cache is bypassed, since no entry could be trusted.
 */
export function cachedFingerprinter(dir: string, used?: Set<string>,
  identify: (c: Checkpoint) => Promise<SourceIdentity | undefined> = c => localIdentity(c.path), keyFile?: string) {
  let keyed: Promise<Buffer | undefined> | undefined
  return async (checkpoint: Checkpoint): Promise<Fingerprint> => {
    keyed ??= loadKey(keyFile)
    const [identity, key] = [await identify(checkpoint), await keyed]
    if (identity === undefined || key === undefined) return fingerprintCheckpoint(checkpoint)
    used?.add(basename(entryPath(dir, identity)))
    const text = await readFile(entryPath(dir, identity), 'utf8').catch(() => undefined)
    const hit = text === undefined ? undefined : decodeEntry(text, identity, key)
    // an entry sampled with another salt (another run id in Actions) cannot be compared with this run's
    if (hit !== undefined && hit.saltId === (await sampleSalt()).id && describes(hit, checkpoint)) return hit
    const fresh = await fingerprintCheckpoint(checkpoint)
    // the identity is taken again after reading: a file rewritten meanwhile is not cached under its old identity
    const after = await identify(checkpoint)
    if (after !== undefined && identityText(after) === identityText(identity)) await store(dir, identity, fresh, key).catch(() => {})
    return fresh
  }
}
