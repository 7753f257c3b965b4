/** `merge SHARD.json...`: the report of a sharded check, through the same path as `check`. */
import { checkAndReport } from './cli-report.ts'
import { commandHelp, parseCommandArgs, UsageError } from './cli-options.ts'
import { WEIGHT_MODES, type WeightsMode } from './manifest/types.ts'
import { loadShards, shardFingerprinter } from './shard/merge.ts'
import { ShardReportError } from './shard/shard-report.ts'

export async function mergeCommand(args: string[], out: (text: string) => void, err: (text: string) => void,
  toolVersion: string): Promise<number> {
  const { values, positionals } = parseCommandArgs('merge', args)
  if (values.help === true) { out(commandHelp('merge')); return 0 }
  const json = values.json as string | undefined
  const markdown = values.markdown as string | undefined
  const weights = values.weights as string | undefined
  if (json === '-' && markdown === '-') throw new UsageError('only one of --json and --markdown can write to stdout (-)', 'merge')
  if (weights !== undefined && !(WEIGHT_MODES as readonly string[]).includes(weights))
    throw new UsageError(`--weights must be one of ${WEIGHT_MODES.join(', ')}; got '${weights}'`, 'merge')
  let shards
  try {
    shards = await loadShards(positionals, toolVersion)
  } catch (error) {
    if (error instanceof ShardReportError) throw new UsageError(error.message, 'merge')
    throw error
  }
  const failOn = (values['fail-on'] as string | undefined)?.split(',').map(k => k.trim()).filter(Boolean)
  const unverified = values.strict === true ? 'error' as const : undefined
  const fingerprints = (root: string) => shardFingerprinter(shards.reports, root)
  return checkAndReport(shards.manifest, { failOn, weights: weights as WeightsMode | undefined, unverified, fingerprints },
    json, markdown, out, err, 'merge')
}
