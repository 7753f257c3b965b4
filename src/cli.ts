#!/usr/bin/env node
/**
 * The ckpt-audit command line. Exit codes: 0 no error findings; 1 error findings, or an
 * unreadable/unsafe file for `inspect`; 2 usage or manifest error.
 */
import { realpathSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspectCheckpoint, inspectFailure, listTensors, type InspectResult } from './audit/inspect.ts'
import { CheckpointError } from './checkpoint/errors.ts'
import { openCheckpoint } from './checkpoint/open.ts'
import { renderInspectText } from './report/inspect-text.ts'
import { DEFAULT_CACHE_DIR } from './fingerprint/cache.ts'
import { WEIGHT_MODES, type WeightsMode } from './manifest/types.ts'
import type { Checkpoint } from './checkpoint/checkpoint.ts'
import { renderDiffText } from './report/diff-text.ts'
import { fetchedSuffix } from './checkpoint/remote/progress.ts'
import { resolveManifest } from './cli-manifest.ts'
import { checkAndReport } from './cli-report.ts'
import { toolVersion } from './version.ts'
import { shardCommand } from './cli-shard.ts'
import { mergeCommand } from './cli-merge.ts'
import { COMMANDS, commandHelp, commandNamed, generalHelp, parseCommandArgs, unknownCommand, UsageError, type CommandName } from './cli-options.ts'
import { diffCheckpoints, diffJson } from './weights/diff.ts'
import { InitError, runInit } from './init/init.ts'
import { aliasTable, canonicalKey } from './hparams/aliases.ts'
import { suggest } from './manifest/errors.ts'
import { renderSurveyText } from './report/survey-text.ts'
import { renderStoredHparams } from './report/stored-hparams-text.ts'
import { compareStoredHparams } from './audit/stored-hparams.ts'
import { flatten } from './hparams/flatten.ts'
import { workersWarning } from './workers/pool.ts'

const REPORT_BUGS = 'https://github.com/ckpt-audit/ckpt-audit/issues'

/** Opens, summarises and closes one checkpoint; unreadable files are results, not exceptions. */
export async function inspectPath(path: string, withTensors = false): Promise<InspectResult> {
  try {
    const checkpoint = await openCheckpoint(path)
    try {
      const result = inspectCheckpoint(checkpoint)
      if (withTensors) result.tensors.list = listTensors(checkpoint)
      return result
    } finally {
      await checkpoint.close()
    }
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error
    const size = await stat(path).then(s => (s.isFile() ? s.size : null), () => null)
    return inspectFailure(path, error, size)
  }
}

async function inspectCommand(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs('inspect', args)
  if (values.help === true) { out(commandHelp('inspect')); return 0 }
  if (positionals.length === 0) throw new UsageError('inspect takes at least one PATH', 'inspect')
  const keys = values.keys !== undefined ? surveyKeys(values.keys as string) : undefined
  const results: InspectResult[] = []
  for (const path of positionals) results.push(await inspectPath(path, values.tensors === true))
  if (values.json) out(JSON.stringify(results.length === 1 && keys === undefined ? results[0] : results, null, 2) + '\n')
  else out(results.length === 1 && keys === undefined ? renderInspectText(results[0]!) : renderSurveyText(results, keys))
  return results.some(r => r.error !== null || r.unsafe_globals.length > 0) ? 1 : 0
}

/** `--keys KL_BETA,lr`: canonical keys, resolved as a manifest's are; an unknown key is an error, not an empty column. */
function surveyKeys(text: string): string[] {
  const table = aliasTable()
  const entries = text.split(',').map(k => k.trim()).filter(Boolean)
  if (entries.length === 0) throw new UsageError('--keys names no key', 'inspect')
  return entries.map(entry => {
    const key = canonicalKey(entry, table)
    if (key === undefined) {
      const near = suggest(entry, [...table.keys()])
      throw new UsageError(`--keys: '${entry}' is no key inspect reports${near ? `; did you mean '${near}'?` : ` (keys: ${[...table.keys()].join(', ')})`}`, 'inspect')
    }
    return key
  })
}

async function initCommand(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs('init', args)
  if (values.help === true) { out(commandHelp('init')); return 0 }
  if (positionals.length > 1) throw new UsageError('init takes at most one DIR', 'init')
  try {
    const folder = positionals[0] ?? '.'
    // the manifest lands in the folder it describes, unless --output says otherwise
    const output = (values.output as string | undefined) ?? join(folder, 'ckpt-audit.yml')
    out(`${await runInit({ folder, output, force: values.force === true })}\n`)
    return 0
  } catch (error) {
    if (error instanceof InitError) throw new UsageError(error.message, 'init')
    throw error
  }
}

async function checkCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args)
  if (values.help === true) { out(commandHelp('check')); return 0 }
  const json = values.json as string | undefined
  const markdown = values.markdown as string | undefined
  const weights = values.weights as string | undefined
  if (positionals.length > 1) throw new UsageError('check takes at most one MANIFEST', 'check')
  if (json === '-' && markdown === '-') throw new UsageError('only one of --json and --markdown can write to stdout (-)', 'check')
  if (weights !== undefined && !(WEIGHT_MODES as readonly string[]).includes(weights))
    throw new UsageError(`--weights must be one of ${WEIGHT_MODES.join(', ')}; got '${weights}'`, 'check')
  if (values['no-cache'] === true && values.cache !== undefined) throw new UsageError('--cache and --no-cache cannot be used together', 'check')
  const failOn = (values['fail-on'] as string | undefined)?.split(',').map(k => k.trim()).filter(Boolean)
  const manifest = await resolveManifest(positionals[0]).catch((error: unknown) => {
    // a pipe reading `--json -` gets its document also when there is no manifest to read
    if (json === '-' && error instanceof UsageError) out(JSON.stringify({ version: 1, status: 'error', errors: [{ file: positionals[0] ?? null, line: 1, column: 1, message: error.message }] }, null, 2) + '\n')
    throw error
  })

  const unverified = values.strict === true ? 'error' as const : undefined
  const cache = values['no-cache'] === true ? undefined : (values.cache as string | undefined) ?? DEFAULT_CACHE_DIR
  const shard = values.shard as string | undefined
  if (shard !== undefined) {
    if (json === undefined) throw new UsageError('--shard needs --json FILE: the shard report merge reads', 'check')
    return await shardCommand(manifest, shard, json, cache, out, err, version())
  }
  return await checkAndReport(manifest, { failOn, weights: weights as WeightsMode | undefined, unverified, cache }, json, markdown, out, err)
}

async function diffCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', args)
  if (values.help === true) { out(commandHelp('diff')); return 0 }
  if (positionals.length !== 2) throw new UsageError('diff takes two checkpoints, A and B', 'diff')
  const opened: Checkpoint[] = []
  const progress = process.stderr.isTTY ? (done: number, total: number) => { process.stderr.write(`\rcomparing: ${Math.round((100 * done) / Math.max(total, 1))}%${fetchedSuffix()}`) } : undefined
  try {
    for (const path of positionals) opened.push(await openCheckpoint(path))
    const diff = await diffCheckpoints(opened[0]!, opened[1]!, progress)
    if (progress !== undefined) process.stderr.write('\r\x1b[K')
    const hparams = compareStoredHparams(flatten(opened[0]!.roots), flatten(opened[1]!.roots), aliasTable())
    out(values.json ? JSON.stringify({ ...diffJson(diff), hparams }, null, 2) + '\n' : renderStoredHparams(hparams) + renderDiffText(diff, values.tensors === true))
    // pickles that name code-running globals: reported (nothing was executed) and exit 1, as inspect does
    return diff.unsafe_globals.length > 0 ? 1 : 0
  } catch (error) {
    // an unreadable file, or tensor data that turns out broken while streaming: a result, not a crash
    if (!(error instanceof CheckpointError)) throw error
    if (progress !== undefined) process.stderr.write('\r\x1b[K')
    const failure = { code: 'unreadable', reason: error.reason, message: error.message }
    if (values.json) out(JSON.stringify({ a: positionals[0], b: positionals[1], error: failure }, null, 2) + '\n')
    else err(`ckpt-audit: ${error.message}\n`)
    return 1
  } finally {
    for (const c of opened) await c.close()
  }
}

/** Runs one command line; returns the exit code. `out` receives stdout text. */
export async function main(argv: string[], out: (text: string) => void = t => process.stdout.write(t),
                           err: (text: string) => void = t => process.stderr.write(t)): Promise<number> {
  const [command, ...rest] = argv
  const workers = workersWarning()
  if (workers !== undefined) err(`ckpt-audit: warning: ${workers}\n`)
  try {
    switch (command) {
      case 'check': return await checkCommand(rest, out, err)
      case 'inspect': return await inspectCommand(rest, out)
      case 'diff': return await diffCommand(rest, out, err)
      case 'merge': return await mergeCommand(rest, out, err, version())
      case 'init': return await initCommand(rest, out)
      case '--version': case '-V': out(`ckpt-audit ${version()}\n`); return 0
      case '--help': case '-h': out(generalHelp()); return 0
      case 'help':
        out(rest[0] === undefined ? generalHelp() : commandHelp(commandNamed(rest[0])))
        return 0
      case undefined: throw new UsageError('a command is required')
      default: throw unknownCommand(command)
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    const usage = error.command === undefined ? generalHelp() : `Usage: ${COMMANDS[error.command as CommandName].usage}\n(ckpt-audit help ${error.command} for more)\n`
    err(`ckpt-audit: ${error.message}\n${usage}`)
    return 2
  }
}

const version = toolVersion

/** What a real bug prints: the stack (only here), and where to report it. */
export function internalErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : String(error)
  return `ckpt-audit: internal error (a bug in ckpt-audit, not in your files): ${detail}\n` +
    `Please report it at ${REPORT_BUGS} with the command line and this output.\n`
}

/** True when this module is the program (also through npm's bin symlink), not an import. */
function isEntry(): boolean {
  if (process.argv[1] === undefined) return false
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])
  } catch {
    return false
  }
}
if (isEntry()) {
  main(process.argv.slice(2)).then(code => { process.exitCode = code }, (error: unknown) => {
    process.stderr.write(internalErrorMessage(error))
    process.exitCode = 2
  })
}
