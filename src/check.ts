/** The pipeline `check` shares between the CLI and the Action: manifest → audit with real files → report. */
import { auditManifest, type AuditIO, type AuditOptions, type AuditResult } from './audit/audit.ts'
import { openCheckpoint } from './checkpoint/open.ts'
import { sha256Checkpoint } from './checkpoint/sha256.ts'
import { resolveFailOn } from './manifest/fail-on.ts'
import { loadManifest, manifestAliases, recordedKeysOf } from './manifest/parse.ts'
import type { Manifest } from './manifest/types.ts'
import { diffCheckpoints } from './weights/diff.ts'
import { cachedFingerprinter } from './fingerprint/cache.ts'
import type { Fingerprint } from './fingerprint/types.ts'
import type { Checkpoint } from './checkpoint/checkpoint.ts'

export const fileIO: AuditIO = { open: openCheckpoint, sha256: sha256Checkpoint, diff: (a, b) => diffCheckpoints(a, b) }

/** A `--fail-on` / `fail-on` override that names nothing known: the gate would silently be off. Exit code 2. */
export class FailOnError extends Error {}

export interface CheckOptions extends AuditOptions {
  /** Folder of the fingerprint cache; none when undefined. */
  readonly cache?: string
  /** Collects the names of the cache entries this audit needed (for the Action's cache key). */
  readonly cacheUsed?: Set<string>
  /** Where fingerprints come from, given the manifest's folder (merge: the shards'); overrides `cache`. */
  readonly fingerprints?: (root: string) => (checkpoint: Checkpoint) => Promise<Fingerprint>
  /** Where an override came from, for messages (`--fail-on`, `input 'fail-on'`). */
  readonly failOnLabel?: string
}

/** Resolves a fail-on override against the manifest's keys, as the manifest's own fail_on is. */
export function resolveFailOnOverride(manifest: Manifest, entries: readonly string[], label = '--fail-on'): string[] {
  if (entries.length === 0) throw new FailOnError(`${label} names no key; to turn the gate off write checks.fail_on: [] in the manifest`)
  const resolved = resolveFailOn(entries, manifestAliases(manifest), recordedKeysOf(manifest.experiments))
  if (resolved.problems.length > 0) throw new FailOnError(resolved.problems.map(p => `${label}: ${p.message.replace(/^fail_on entry/, 'entry')}`).join('\n'))
  return [...resolved.keys]
}

/** Throws ManifestError for a bad manifest and FailOnError for a bad override; everything about checkpoints is in the result. */
export async function checkManifest(manifestPath: string, options: CheckOptions = {}, workspace?: string, display?: string): Promise<AuditResult> {
  const manifest = await loadManifest(manifestPath, workspace, display)
  const failOn = options.failOn !== undefined ? resolveFailOnOverride(manifest, options.failOn, options.failOnLabel) : undefined
  const io = options.fingerprints !== undefined ? { ...fileIO, fingerprint: options.fingerprints(manifest.root) }
    : options.cache === undefined ? fileIO : { ...fileIO, fingerprint: cachedFingerprinter(options.cache, options.cacheUsed) }
  return auditManifest(manifest, io, { ...options, ...(failOn !== undefined ? { failOn } : {}) })
}
