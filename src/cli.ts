#!/usr/bin/env node
/**
 * The ckpt-audit command line. Exit codes: 0 no error findings; 1 error findings, or an
 * unreadable/unsafe file for `inspect`; 2 usage or manifest error.
 */
import { realpathSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { inspectCheckpoint, inspectFailure, type InspectResult } from './audit/inspect.ts'
import { CheckpointError } from './checkpoint/errors.ts'
import { openCheckpoint } from './checkpoint/open.ts'
import { renderInspectText } from './report/inspect-text.ts'

const USAGE = `Usage:
  ckpt-audit inspect PATH [--json]        what a checkpoint holds, no manifest needed

Exit codes: 0 ok, 1 unreadable or unsafe checkpoint, 2 usage error.`

export class UsageError extends Error {}

/** Opens, summarises and closes one checkpoint; unreadable files are results, not exceptions. */
export async function inspectPath(path: string): Promise<InspectResult> {
  try {
    const checkpoint = await openCheckpoint(path)
    try {
      return inspectCheckpoint(checkpoint)
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
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true })
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one PATH')
  const result = await inspectPath(positionals[0]!)
  out(values.json ? JSON.stringify(result, null, 2) + '\n' : renderInspectText(result))
  return result.error !== null || result.unsafe_globals.length > 0 ? 1 : 0
}

/** Runs one command line; returns the exit code. `out` receives stdout text. */
export async function main(argv: string[], out: (text: string) => void = t => process.stdout.write(t),
                           err: (text: string) => void = t => process.stderr.write(t)): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'inspect': return await inspectCommand(rest, out)
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
