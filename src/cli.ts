#!/usr/bin/env node
/**
 * The ckpt-audit command line. Exit codes: 0 no error findings; 1 error findings, or an
 * unreadable/unsafe file for `inspect`; 2 usage or manifest error.
 */
import { realpathSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { inspectCheckpoint, inspectFailure, listTensors, type InspectResult } from './audit/inspect.ts'
import { CheckpointError } from './checkpoint/errors.ts'
import { openCheckpoint } from './checkpoint/open.ts'
import { renderInspectText } from './report/inspect-text.ts'
import { checkManifest, FailOnError } from './check.ts'
import { ManifestError } from './manifest/errors.ts'
import { DEFAULT_MANIFESTS, findManifest } from './manifest/paths.ts'
import { WEIGHT_MODES, type WeightsMode } from './manifest/types.ts'
import { renderCheckText } from './report/check-text.ts'
import { toCheckJson } from './report/json.ts'
import { renderReport } from './report/markdown.ts'
import type { Checkpoint } from './checkpoint/checkpoint.ts'
import { renderDiffText } from './report/diff-text.ts'
import { terminalSafe } from './report/terminal.ts'
import { diffCheckpoints } from './weights/diff.ts'
import { InitError, runInit } from './init/init.ts'

const USAGE = `Usage:
  ckpt-audit check [MANIFEST] [--json FILE|-] [--markdown FILE|-] [--fail-on k1,k2] [--weights auto|always|never] [--strict]
                                          audit a manifest (default ckpt-audit.yml, then .github/ckpt-audit.yml);
                                          --strict: what could not be verified is an error
  ckpt-audit inspect PATH [--json] [--tensors]  what a checkpoint holds, no manifest needed (--tensors: names, dtypes, shapes)
  ckpt-audit init [DIR] [--output FILE] [--force]
                                          write a manifest of the checkpoints under DIR (default .), values as stored
  ckpt-audit diff A B [--json] [--tensors]
                                          weight difference statistics between two checkpoints

Exit codes: 0 no error findings; 1 error findings (or, for inspect, an unreadable or unsafe file);
2 usage or manifest error.`

export class UsageError extends Error {}

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
  const options = { json: { type: 'boolean' }, tensors: { type: 'boolean' } } as const
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true })
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one PATH')
  const result = await inspectPath(positionals[0]!, values.tensors === true)
  out(values.json ? JSON.stringify(result, null, 2) + '\n' : renderInspectText(result))
  return result.error !== null || result.unsafe_globals.length > 0 ? 1 : 0
}

async function checkCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { json: { type: 'string' }, markdown: { type: 'string' }, 'fail-on': { type: 'string' }, weights: { type: 'string' }, strict: { type: 'boolean' } },
  })
  if (positionals.length > 1) throw new UsageError('check takes at most one MANIFEST')
  if (values.json === '-' && values.markdown === '-') throw new UsageError('only one of --json and --markdown can write to stdout (-)')
  if (values.weights !== undefined && !(WEIGHT_MODES as readonly string[]).includes(values.weights))
    throw new UsageError(`--weights must be one of ${WEIGHT_MODES.join(', ')}; got '${values.weights}'`)
  // an empty --fail-on is refused (by checkManifest), never read as "no gate"
  const failOn = values['fail-on']?.split(',').map(k => k.trim()).filter(Boolean)
  const manifest = positionals[0] ?? findManifest(process.cwd())
  if (manifest === undefined) throw new UsageError(`no manifest given and none found (${DEFAULT_MANIFESTS.join(', ')})`)

  let result
  try {
    const progress = process.stderr.isTTY ? (message: string) => { process.stderr.write(`\r\x1b[K${terminalSafe(message).slice(0, (process.stderr.columns ?? 80) - 1)}`) } : undefined
    const unverified = values.strict === true ? 'error' as const : undefined
    result = await checkManifest(manifest, { failOn, weights: values.weights as WeightsMode | undefined, unverified, progress })
    if (progress !== undefined) process.stderr.write('\r\x1b[K')
  } catch (error) {
    if (!(error instanceof ManifestError) && !(error instanceof FailOnError)) throw error
    err(`${error.message}\n`)
    return 2
  }
  const report = renderReport(result, { manifest })
  const json = JSON.stringify(toCheckJson(result), null, 2) + '\n'
  if (values.json !== undefined && values.json !== '-') await writeFile(values.json, json)
  if (values.markdown !== undefined && values.markdown !== '-') await writeFile(values.markdown, report.summary)
  out(values.json === '-' ? json : values.markdown === '-' ? report.summary : renderCheckText(result))
  return result.status === 'fail' ? 1 : 0
}

async function diffCommand(args: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, tensors: { type: 'boolean' } } })
  if (positionals.length !== 2) throw new UsageError('diff takes two checkpoints, A and B')
  const opened: Checkpoint[] = []
  const progress = process.stderr.isTTY ? (done: number, total: number) => { process.stderr.write(`\rcomparing: ${Math.round((100 * done) / Math.max(total, 1))}%`) } : undefined
  try {
    for (const path of positionals) opened.push(await openCheckpoint(path))
    const diff = await diffCheckpoints(opened[0]!, opened[1]!, progress)
    if (progress !== undefined) process.stderr.write('\r\x1b[K')
    out(values.json ? JSON.stringify(diff, null, 2) + '\n' : renderDiffText(diff, values.tensors))
    return 0
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

async function initCommand(args: string[], out: (text: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } } })
  if (positionals.length > 1) throw new UsageError('init takes at most one DIR')
  try {
    out(`${await runInit({ folder: positionals[0] ?? '.', output: values.output ?? 'ckpt-audit.yml', force: values.force === true })}\n`)
    return 0
  } catch (error) {
    if (error instanceof InitError) throw new UsageError(error.message)
    throw error
  }
}

/** Runs one command line; returns the exit code. `out` receives stdout text. */
export async function main(argv: string[], out: (text: string) => void = t => process.stdout.write(t),
                           err: (text: string) => void = t => process.stderr.write(t)): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'check': return await checkCommand(rest, out, err)
      case 'inspect': return await inspectCommand(rest, out)
      case 'diff': return await diffCommand(rest, out, err)
      case 'init': return await initCommand(rest, out)
      case '--help': case '-h': case 'help': out(USAGE + '\n'); return 0
      case undefined: throw new UsageError('a command is required')
      default: throw new UsageError(`unknown command '${command}'`)
    }
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`ckpt-audit: ${(error as Error).message}\n${USAGE}\n`)
      return 2
    }
    throw error
  }
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
    process.stderr.write(`ckpt-audit: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    process.exitCode = 2
  })
}
