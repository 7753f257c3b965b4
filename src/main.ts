/** The Action: settings → the same audit as the CLI → report → comment, summary, annotations, outputs. */
import { checkManifest } from './check.ts'
import { annotationsOf } from './github/annotations.ts'
import { actionsIO, type GitHubIO } from './github/io.ts'
import { readSettings } from './github/inputs.ts'
import { remoteEnvironment } from './github/remote-env.ts'
import { remoteTotals } from './checkpoint/remote/open-remote.ts'
import { fetchedSuffix } from './checkpoint/remote/progress.ts'
import { restoreFingerprints, saveFingerprints } from './github/fingerprint-cache.ts'
import { mergedFingerprints, shardRole } from './github/shard-role.ts'
import { cachedFingerprinter } from './fingerprint/cache.ts'
import { ManifestError } from './manifest/errors.ts'
import { marker, text } from './report/escape.ts'
import { COMMENT_LIMIT_BYTES, fitToLimit, SUMMARY_LIMIT_BYTES } from './report/fit.ts'
import { toCheckJson } from './report/json.ts'
import { renderReport } from './report/markdown.ts'
import { workersWarning } from './workers/pool.ts'

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export async function run(io: GitHubIO = actionsIO()): Promise<void> {
  let summary = '## ckpt-audit\n\nThe audit did not run.'
  let restore = () => {}
  try {
    const settings = readSettings(io.getInput, io.workspace)
    restore = setEnvironment(remoteEnvironment(settings, process.env))
    io.info(`ckpt-audit: auditing ${settings.manifest}`)
    const workers = workersWarning()
    if (workers !== undefined) io.warning(workers)
    const cacheDir = settings.cache && settings.merge === undefined ? io.cacheDir : undefined
    const used = new Set<string>()
    const restored = cacheDir !== undefined && io.cache !== undefined
      ? await restoreFingerprints(io.cache, cacheDir, settings.manifest, m => io.warning(m)) : undefined
    const saveCache = async () => {
      if (cacheDir !== undefined && io.cache !== undefined)
        await saveFingerprints(io.cache, cacheDir, settings.manifest, used, restored, m => io.warning(m))
    }
    if (settings.shard !== undefined) {
      summary = await shardRole(io, settings, settings.shard, cacheDir !== undefined ? cachedFingerprinter(cacheDir, used) : undefined)
      await saveCache()
      return
    }
    const fingerprints = settings.merge !== undefined ? await mergedFingerprints(settings, settings.merge) : undefined
    const result = await checkManifest(settings.manifestPath, {
      failOn: settings.failOn, failOnLabel: "input 'fail-on'", weights: settings.weights, ...(settings.strict ? { unverified: 'error' as const } : {}),
      ...(cacheDir !== undefined ? { cache: cacheDir, cacheUsed: used } : {}), ...(fingerprints !== undefined ? { fingerprints } : {}),
    }, settings.workspace, settings.manifest)
    await saveCache()
    const report = renderReport(result, { manifest: settings.manifest })
    summary = fitToLimit(report.summary, SUMMARY_LIMIT_BYTES, 'The full report is in the JSON output `report-json`.').body
    const reportJson = await io.writeReportJson(JSON.stringify(toCheckJson(result), null, 2) + '\n')
    // on-failure: a pass creates nothing, but turns an earlier ❌ comment of this manifest to ✅ (never stale)
    if (settings.comment !== 'never') {
      const comment = fitToLimit(report.comment, COMMENT_LIMIT_BYTES, `The full report is in the [job summary](${io.runUrl}).`)
      const createIfMissing = settings.comment === 'always' || result.status === 'fail'
      await io.upsertComment(marker(settings.manifest), comment.body, settings.commentAuthor, settings.token, createIfMissing)
    }
    for (const annotation of annotationsOf(result.findings)) io.annotate(annotation)
    io.setOutputs({ status: result.status, errors: String(result.counts.error), warnings: String(result.counts.warning), 'report-json': reportJson })
    if (remoteTotals.bytes > 0) io.info(`ckpt-audit: remote checkpoints read by range${fetchedSuffix()}`)
    io.info(report.verdictLine)
    if (result.status === 'fail') io.setFailed(report.verdictLine)
  } catch (error) {
    if (error instanceof ManifestError) {
      for (const p of error.problems) io.annotate({ level: 'error', title: 'ckpt-audit manifest', message: p.message, file: p.location.file, line: p.location.line, column: p.location.column })
      summary = `## ❌ ckpt-audit: the manifest is invalid\n\n${error.problems.map(p => `- ${text(`${p.location.file}:${p.location.line}:${p.location.column}: ${p.message}`)}`).join('\n')}\n`
    } else summary += `\n\n**Error:** ${text(messageOf(error))}\n`
    io.setFailed(messageOf(error)) // fails for any thrown value, not only Error
  } finally {
    restore()
    await io.writeSummary(summary)
  }
}

/** Sets variables for the checkpoint layer for one run; returns what puts the old values back. */
function setEnvironment(values: Record<string, string>): () => void {
  const previous = Object.keys(values).map(name => [name, process.env[name]] as const)
  Object.assign(process.env, values)
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}
