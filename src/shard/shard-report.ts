/**
 * The JSON a shard writes and `merge` reads: which manifest (a hash of its text) and tool
 * version it belongs to, which shard it is, and the fingerprints it made, each keyed by the
 * checkpoint's path relative to the manifest's folder and its size. Path and size do not tell a
 * file from a same-size replacement, so a report also names its commit (commit.ts; merge refuses
 * shards of different commits) and each file's mtime and ctime (merge fingerprints again a file
 * whose times moved). Every fingerprint is a checksummed cache entry, decoded as untrusted input.
 */
import { createHash } from 'node:crypto'
import { decodeEntry, encodeEntry } from '../fingerprint/cache-entry.ts'
import type { SourceIdentity } from '../fingerprint/identity.ts'
import type { Fingerprint } from '../fingerprint/types.ts'
import { describeCommit, type CommitInfo } from './commit.ts'
import type { ShardSpec } from './partition.ts'

export const SHARD_FORMAT = 'ckpt-audit-shard'
export const SHARD_VERSION = 5

export class ShardReportError extends Error {}

export interface ShardReport {
  readonly format: typeof SHARD_FORMAT
  readonly version: typeof SHARD_VERSION
  readonly tool_version: string
  /** The manifest as given to `check` (merge reads it again). */
  readonly manifest: string
  readonly manifest_sha256: string
  readonly shard: ShardSpec
  readonly experiments: readonly string[]
  /** By `relative path\0size`: an encoded cache entry. */
  readonly fingerprints: Readonly<Record<string, string>>
  readonly commit: CommitInfo
  /** The id of the salt its fingerprints sampled with (sample-salt.ts) and where the salt came from. */
  readonly salt: { readonly id: string, readonly source: string }
  /** By the same key: the file's times when it was fingerprinted (nanoseconds, as text). */
  readonly files: Readonly<Record<string, FileTimes>>
}

export interface FileTimes {
  readonly mtime_ns: string
  readonly ctime_ns: string
}

export const manifestHash = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The identity a shard's fingerprint is stored under: the path within the manifest's folder, and the size. */
export function shardIdentity(relativePath: string, size: number): SourceIdentity {
  return { kind: 'remote', url: `shard:${relativePath}`, etag: String(size) }
}
export const shardKey = (relativePath: string, size: number): string => `${relativePath}\0${size}`

export function encodeFingerprint(relativePath: string, size: number, fingerprint: Fingerprint): [string, string] {
  return [shardKey(relativePath, size), encodeEntry(shardIdentity(relativePath, size), fingerprint, undefined)]
}

export function decodeFingerprint(report: ShardReport, relativePath: string, size: number): Fingerprint | undefined {
  const entry = report.fingerprints[shardKey(relativePath, size)]
  return entry === undefined ? undefined : decodeEntry(entry, shardIdentity(relativePath, size), undefined)
}

/** Checks one parsed document is a shard report of this manifest text and tool version; a clear message otherwise. */
export function validateShardReport(doc: unknown, file: string, manifestText: string, toolVersion: string): ShardReport {
  const r = doc as Partial<ShardReport> | null
  if (r === null || typeof r !== 'object' || r.format !== SHARD_FORMAT)
    throw new ShardReportError(`${file} is not a shard report (write one with check --shard I/N --json FILE)`)
  if (r.version !== SHARD_VERSION) throw new ShardReportError(`${file} is a shard report of format ${String(r.version)}; this tool reads ${SHARD_VERSION}`)
  if (r.tool_version !== toolVersion)
    throw new ShardReportError(`${file} was written by ckpt-audit ${String(r.tool_version)}, this is ${toolVersion}: run every shard and the merge with one version`)
  if (r.manifest_sha256 !== manifestHash(manifestText))
    throw new ShardReportError(`${file} was written for another manifest (or another version of ${String(r.manifest)}): its text hash differs`)
  const s = r.shard
  if (s === undefined || !Number.isSafeInteger(s.index) || !Number.isSafeInteger(s.count) || s.index < 1 || s.index > s.count)
    throw new ShardReportError(`${file}: the shard number is missing or invalid`)
  if (!Array.isArray(r.experiments) || r.fingerprints === null || typeof r.fingerprints !== 'object')
    throw new ShardReportError(`${file}: experiments or fingerprints are missing`)
  if (!validCommit(r.commit)) throw new ShardReportError(`${file}: the commit is missing or invalid`)
  if (r.files === null || typeof r.files !== 'object') throw new ShardReportError(`${file}: the file times are missing`)
  const salt = r.salt as { id?: unknown, source?: unknown } | null | undefined
  if (salt === null || typeof salt !== 'object' || typeof salt.id !== 'string' || !/^[0-9a-f]{16}$/.test(salt.id)
    || typeof salt.source !== 'string') throw new ShardReportError(`${file}: the sample salt is missing or invalid`)
  return r as ShardReport
}

function validCommit(c: unknown): c is CommitInfo {
  const x = c as Partial<CommitInfo> | null
  return x !== null && typeof x === 'object' && (x.sha === null || (typeof x.sha === 'string' && /^[0-9a-f]{40,64}$/.test(x.sha)))
    && typeof x.dirty === 'boolean' && (x.source === 'github' || x.source === 'git' || x.source === 'none')
}

/**
 * The commit alone: uncommitted changes may differ between shards (one shard's report written into
 * the worktree makes the next one's dirty), and where there are any the merge compares file times.
 */
const sameCommit = (a: CommitInfo, b: CommitInfo): boolean => a.sha === b.sha

/**
 * All shards ran on one commit, and it is the merge's own when both are known: a shard of another
 * commit may hold a fingerprint of a file that has since been replaced by one of the same size.
 */
export function checkSameCommit(reports: ReadonlyArray<{ file: string, report: ShardReport }>, local: CommitInfo): void {
  const first = reports[0]
  if (first === undefined) return
  for (const { file, report } of reports.slice(1)) {
    if (!sameCommit(report.commit, first.report.commit))
      throw new ShardReportError(`${file} ran on ${describeCommit(report.commit)}, ${first.file} on ${describeCommit(first.report.commit)}: `
        + 'run every shard on one commit')
  }
  const shards = first.report.commit
  if (shards.sha !== null && local.sha !== null && shards.sha !== local.sha)
    throw new ShardReportError(`the shards ran on ${describeCommit(shards)}, this checkout is ${describeCommit(local)}: merge where the shards ran`)
}

/** The times a shard recorded for a file, when it recorded them as text. */
export function recordedTimes(report: ShardReport, relativePath: string, size: number): FileTimes | undefined {
  const t = report.files[shardKey(relativePath, size)] as Partial<FileTimes> | undefined
  return t !== undefined && typeof t.mtime_ns === 'string' && typeof t.ctime_ns === 'string' ? t as FileTimes : undefined
}

/**
 * Every shard sampled with the merge's own salt: fingerprints of other salts sample other positions
 * and cannot be compared. Shards on separate machines share one only through the environment.
 */
export function checkSameSalt(reports: ReadonlyArray<{ file: string, report: ShardReport }>, local: { id: string, source: string }): void {
  for (const { file, report } of reports) {
    if (report.salt.id !== local.id)
      throw new ShardReportError(`${file} sampled its fingerprints with another salt (from ${report.salt.source}) than this merge `
        + `(from ${local.source}): run the shards and the merge in one GitHub Actions run, on one machine, `
        + 'or with one CKPT_AUDIT_SAMPLE_SALT')
  }
}

/** Every shard 1..N exactly once, all of one N. */
export function checkComplete(reports: ReadonlyArray<{ file: string, report: ShardReport }>): void {
  const count = reports[0]?.report.shard.count
  if (count === undefined) throw new ShardReportError('merge needs at least one shard report')
  const seen = new Map<number, string>()
  for (const { file, report } of reports) {
    if (report.shard.count !== count) throw new ShardReportError(`${file} is shard ${report.shard.index}/${report.shard.count}, the others are of ${count}`)
    const earlier = seen.get(report.shard.index)
    if (earlier !== undefined) throw new ShardReportError(`${file} and ${earlier} are both shard ${report.shard.index}/${count}`)
    seen.set(report.shard.index, file)
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(i => !seen.has(i))
  if (missing.length > 0) throw new ShardReportError(`shard ${missing.map(i => `${i}/${count}`).join(', ')} missing: merge needs every shard's report`)
}
