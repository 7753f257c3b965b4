/**
 * The Action's two sharded roles. A shard job fingerprints its share and hands the shard report
 * out as `report-json` (the workflow uploads it); the merge job expands its glob, refuses reports
 * of another manifest or version, and gives the audit the shards' fingerprints.
 */
import { glob } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import type { Fingerprint } from '../fingerprint/types.ts'
import { loadShards, shardFingerprinter } from '../shard/merge.ts'
import type { ShardSpec } from '../shard/partition.ts'
import { runShard } from '../shard/run-shard.ts'
import { text } from '../report/escape.ts'
import { toolVersion } from '../version.ts'
import type { GitHubIO } from './io.ts'
import type { ActionSettings } from './settings.ts'

/** Runs one shard; returns the job summary. */
export async function shardRole(io: GitHubIO, settings: ActionSettings, spec: ShardSpec,
  fingerprint: ((c: Checkpoint) => Promise<Fingerprint>) | undefined): Promise<string> {
  const run = await runShard(settings.manifestPath, spec, toolVersion(), ...(fingerprint !== undefined ? [fingerprint] : []))
  // a name per shard: download-artifact's merge-multiple puts every shard's file in one folder
  const path = await io.writeReportJson(JSON.stringify(run.report) + '\n', `ckpt-audit-shard-${spec.index}-of-${spec.count}.json`)
  io.setOutputs({ status: 'shard', errors: '0', warnings: '0', 'report-json': path })
  const count = Object.keys(run.report.fingerprints).length
  const line = `shard ${spec.index}/${spec.count}: ${run.report.experiments.length} experiments, ${count} checkpoints fingerprinted`
  io.info(`ckpt-audit: ${line}; the merge job reports`)
  return `## ckpt-audit: ${text(line)}\n\nThe merge job posts the report.\n`
}

/** The merge role's fingerprints: from the shard reports its glob names (relative to the workspace). */
export async function mergedFingerprints(settings: ActionSettings, pattern: string) {
  const files: string[] = []
  for await (const file of glob(pattern, { cwd: settings.workspace })) files.push(resolve(settings.workspace, file))
  const shards = await loadShards(files.sort(), toolVersion(), settings.manifestPath)
  return (root: string) => shardFingerprinter(shards.reports, root)
}
