/**
 * A shard's work: the fingerprints of its share of the experiments (their checkpoints, their twins
 * and the parent files they name by path), each checkpoint read once. Checkpoints that cannot be opened or
 * hold no weights are left out: the merge opens every checkpoint and reports them once.
 */
import { readFile, stat } from 'node:fs/promises'
import { dirname, relative } from 'node:path'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { openCheckpoint } from '../checkpoint/open.ts'
import { fingerprintCheckpoint } from '../fingerprint/fingerprint-checkpoint.ts'
import { sampleSalt } from '../fingerprint/sample-salt.ts'
import type { Fingerprint } from '../fingerprint/types.ts'
import { loadManifest } from '../manifest/parse.ts'
import { weightTensors } from '../weights/align.ts'
import { commitOf } from './commit.ts'
import { shareOf, type ShardSpec } from './partition.ts'
import { encodeFingerprint, manifestHash, SHARD_FORMAT, SHARD_VERSION, shardKey, type FileTimes, type ShardReport } from './shard-report.ts'

/** A file's times, for the merge to see whether it changed since (undefined: no longer there). */
export async function timesOf(path: string): Promise<FileTimes | undefined> {
  const info = await stat(path, { bigint: true }).catch(() => undefined)
  return info === undefined ? undefined : { mtime_ns: info.mtimeNs.toString(), ctime_ns: info.ctimeNs.toString() }
}

const sizeOf = async (path: string): Promise<number> => (await stat(path).catch(() => undefined))?.size ?? 0

export interface ShardRun {
  readonly report: ShardReport
  readonly bytesRead: number
}

export async function runShard(manifestPath: string, spec: ShardSpec, toolVersion: string,
  fingerprint: (c: Checkpoint) => Promise<Fingerprint> = fingerprintCheckpoint): Promise<ShardRun> {
  const text = await readFile(manifestPath, 'utf8')
  const manifest = await loadManifest(manifestPath)
  const sized = await Promise.all(manifest.experiments.map(async e => ({ name: e.name, bytes: await sizeOf(e.checkpoint.resolved) })))
  const share = new Set(shareOf(sized, spec))
  const paths = new Set(manifest.experiments.filter(e => share.has(e.name))
    .flatMap(e => [e.checkpoint.resolved, ...e.twins.map(t => t.resolved), ...(e.parent?.path !== undefined ? [e.parent.path.resolved] : [])]))
  const fingerprints: Record<string, string> = {}
  const salt = await sampleSalt()
  const files: Record<string, FileTimes> = {}
  let bytesRead = 0
  for (const path of paths) {
    const checkpoint = await openCheckpoint(path).catch(() => undefined)
    if (checkpoint === undefined) continue
    try {
      if (weightTensors(checkpoint.tensors).length === 0) continue
      // the times before reading: a file rewritten while it is read then fails the merge's comparison
      const times = await timesOf(checkpoint.path)
      const fp = await fingerprint(checkpoint)
      bytesRead += fp.bytesRead
      const [key, entry] = encodeFingerprint(relative(manifest.root, checkpoint.path), checkpoint.sizeBytes, fp)
      fingerprints[key] = entry
      if (times !== undefined) files[shardKey(relative(manifest.root, checkpoint.path), checkpoint.sizeBytes)] = times
    } catch {
      // broken tensor data: the merge reads this file itself and reports it
    } finally {
      await checkpoint.close()
    }
  }
  const report: ShardReport = {
    format: SHARD_FORMAT, version: SHARD_VERSION, tool_version: toolVersion, manifest: manifestPath,
    manifest_sha256: manifestHash(text), shard: spec, experiments: [...share], fingerprints,
    commit: await commitOf(dirname(manifestPath)), salt: { id: salt.id, source: salt.source }, files,
  }
  return { report, bytesRead }
}
