/**
 * Runs the audit and writes its reports, for `check` and `merge` alike (merge must give the same
 * report and exit code as a single run, so both go through this one function).
 */
import { checkManifest, FailOnError, type CheckOptions } from './check.ts'
import { writeReport } from './cli-write.ts'
import { UsageError } from './cli-options.ts'
import { ManifestError } from './manifest/errors.ts'
import { renderCheckText } from './report/check-text.ts'
import { toCheckJson } from './report/json.ts'
import { renderReport } from './report/markdown.ts'
import { fitProgressLine } from './report/progress-line.ts'
import { fetchedSuffix } from './checkpoint/remote/progress.ts'

/** `check --json -` on a bad manifest: still one JSON document on stdout, for pipes. */
export function manifestErrorJson(error: ManifestError): object {
  return { version: 1, status: 'error', errors: error.problems.map(p => ({ ...p.location, message: p.message })) }
}

export async function checkAndReport(manifest: string, options: CheckOptions, json: string | undefined, markdown: string | undefined,
  out: (text: string) => void, err: (text: string) => void, command = 'check'): Promise<number> {
  let result
  try {
    const progress = process.stderr.isTTY ? (message: string) => { process.stderr.write(`\r\x1b[K${fitProgressLine(message + fetchedSuffix(), process.stderr.columns ?? 80)}`) } : undefined
    result = await checkManifest(manifest, { ...options, progress })
    if (progress !== undefined) process.stderr.write('\r\x1b[K')
  } catch (error) {
    if (error instanceof FailOnError) throw new UsageError(error.message, command)
    if (!(error instanceof ManifestError)) throw error
    if (json === '-') out(JSON.stringify(manifestErrorJson(error), null, 2) + '\n')
    else err(`${error.message}\n`)
    return 2
  }
  const report = renderReport(result, { manifest })
  const jsonText = JSON.stringify(toCheckJson(result), null, 2) + '\n'
  // the terminal (or stdout) report first: a bad output path must not lose it
  out(json === '-' ? jsonText : markdown === '-' ? report.summary : renderCheckText(result))
  const failures = [
    ...(json !== undefined && json !== '-' ? [await writeReport(json, jsonText, 'JSON')] : []),
    ...(markdown !== undefined && markdown !== '-' ? [await writeReport(markdown, report.summary, 'Markdown')] : []),
  ].filter(f => f !== undefined)
  for (const failure of failures) err(`ckpt-audit: ${failure}\n`)
  if (failures.length > 0) return 2
  return result.status === 'fail' ? 1 : 0
}
