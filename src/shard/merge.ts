/**
 * `merge`: reads every shard's report, refuses any that belongs to another manifest text, tool
 * version or shard count (or a set with a shard missing or twice), and gives the audit a
 * fingerprinter that takes each checkpoint's fingerprint from the shards. Shards of different
 * commits (or of another commit than this checkout) are refused. A checkpoint no shard
 * fingerprinted, whose entry does not decode for it, or whose mtime or ctime moved since its shard
 * read it (where the commit does not pin the files, see commit.ts), is fingerprinted here.
 */
import { readFile } from 'node:fs/promises'
import { dirname, relative } from 'node:path'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { describes } from '../fingerprint/fingerprint-checkpoint.ts'
import { fingerprintCheckpoint } from '../fingerprint/fingerprint-checkpoint.ts'
import { sampleSalt } from '../fingerprint/sample-salt.ts'
import type { Fingerprint } from '../fingerprint/types.ts'
import { commitOf, commitPinsFiles } from './commit.ts'
import { timesOf } from './run-shard.ts'
import {
  checkComplete, checkSameCommit, checkSameSalt, decodeFingerprint, recordedTimes, ShardReportError, validateShardReport, type ShardReport,
} from './shard-report.ts'

export interface LoadedShards {
  /** The manifest path the shards were run on. */
  readonly manifest: string
  readonly reports: readonly ShardReport[]
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ShardReportError(`cannot read ${file}: ${error.code ?? error.message}`)
  })
  try { return JSON.parse(text) } catch { throw new ShardReportError(`${file} is not JSON (a shard report is check --shard I/N --json FILE)`) }
}

/** `manifest`: the manifest to check the reports against (the Action's input); default: the one the first report names. */
export async function loadShards(files: readonly string[], toolVersion: string, manifestPath?: string): Promise<LoadedShards> {
  if (files.length === 0) throw new ShardReportError('merge needs the shard reports (check --shard I/N --json FILE)')
  const docs = await Promise.all(files.map(async file => ({ file, doc: await readJson(file) })))
  const first = docs[0]!.doc as { manifest?: unknown }
  if (manifestPath === undefined && typeof first?.manifest !== 'string')
    throw new ShardReportError(`${docs[0]!.file} is not a shard report (no manifest)`)
  const manifest = manifestPath ?? first.manifest as string
  const text = await readFile(manifest, 'utf8').catch(() => {
    throw new ShardReportError(`cannot read the manifest ${manifest} the shards were run on (run merge where the shards ran check)`)
  })
  const reports = docs.map(({ file, doc }) => ({ file, report: validateShardReport(doc, file, text, toolVersion) }))
  checkComplete(reports)
  checkSameCommit(reports, await commitOf(dirname(manifest)))
  checkSameSalt(reports, await sampleSalt())
  return { manifest, reports: reports.map(r => r.report) }
}

/** Whether the local file still has the times its shard recorded (or the commit pins it). */
async function unchanged(report: ShardReport, path: string, checkpoint: Checkpoint): Promise<boolean> {
  if (commitPinsFiles(report.commit)) return true
  const [recorded, now] = [recordedTimes(report, path, checkpoint.sizeBytes), await timesOf(checkpoint.path)]
  return recorded !== undefined && now !== undefined && recorded.mtime_ns === now.mtime_ns && recorded.ctime_ns === now.ctime_ns
}

/** Fingerprints from the shards, by path within the manifest's folder and size; computed here when none fits. */
export function shardFingerprinter(reports: readonly ShardReport[], root: string,
  fallback: (c: Checkpoint) => Promise<Fingerprint> = fingerprintCheckpoint) {
  return async (checkpoint: Checkpoint): Promise<Fingerprint> => {
    const path = relative(root, checkpoint.path)
    for (const report of reports) {
      const fp = decodeFingerprint(report, path, checkpoint.sizeBytes)
      if (fp !== undefined && describes(fp, checkpoint) && await unchanged(report, path, checkpoint)) return fp
    }
    return fallback(checkpoint)
  }
}
