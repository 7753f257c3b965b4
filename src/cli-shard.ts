/** `check MANIFEST --shard I/N --json FILE`: one shard's fingerprints, for `merge`. */
import { cachedFingerprinter } from './fingerprint/cache.ts'
import { UsageError } from './cli-options.ts'
import { writeReport } from './cli-write.ts'
import { ManifestError } from './manifest/errors.ts'
import { parseShard, ShardSpecError } from './shard/partition.ts'
import { runShard } from './shard/run-shard.ts'

export async function shardCommand(manifest: string, shard: string, json: string, cache: string | undefined,
  out: (text: string) => void, err: (text: string) => void, toolVersion: string): Promise<number> {
  let spec
  try { spec = parseShard(shard) } catch (error) {
    if (error instanceof ShardSpecError) throw new UsageError(error.message, 'check')
    throw error
  }
  let run
  try {
    run = await runShard(manifest, spec, toolVersion, ...(cache !== undefined ? [cachedFingerprinter(cache)] : []))
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error
    err(`${error.message}\n`)
    return 2
  }
  const text = JSON.stringify(run.report) + '\n'
  const count = Object.keys(run.report.fingerprints).length
  const summary = `shard ${spec.index}/${spec.count}: ${run.report.experiments.length} experiments, ${count} checkpoints fingerprinted `
    + `(${(run.bytesRead / 1024 ** 2).toFixed(1)} MiB read); ckpt-audit merge gives the report\n`
  if (json === '-') { out(text); return 0 }
  out(summary)
  const failure = await writeReport(json, text, 'shard')
  if (failure === undefined) return 0
  err(`ckpt-audit: ${failure}\n`)
  return 2
}
