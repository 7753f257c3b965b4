/**
 * The CLI's commands and their options, as one table: parsing, "did you mean" and the help
 * texts all read it, so adding a flag is one row (plus its use in cli.ts).
 */
import { parseArgs } from 'node:util'
import { suggest } from './manifest/errors.ts'

/** A user error: a plain message, exit code 2, the command's usage line. Never a stack trace. */
export class UsageError extends Error {
  readonly command: string | undefined
  constructor(message: string, command?: string) {
    super(message)
    this.command = command
  }
}

interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** For string options: what the value is, in messages (`FILE, or - for stdout`). */
  readonly value?: string
  readonly help: string
}

interface CommandSpec {
  readonly usage: string
  readonly summary: string
  readonly options: Readonly<Record<string, OptionSpec>>
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' }

/** What `check` and `merge` share: one report, written the same way, under the same overrides. */
const REPORT_OPTIONS = {
  json: { type: 'string', value: 'FILE, or - for stdout', help: 'write the JSON report to FILE (- : stdout, alone)' },
  markdown: { type: 'string', value: 'FILE, or - for stdout', help: 'write the Markdown report to FILE (- : stdout, alone)' },
  'fail-on': { type: 'string', value: 'comma-separated keys', help: "keys whose mismatch fails the check, any spelling (replaces checks.fail_on; unknown keys are an error)" },
  weights: { type: 'string', value: 'auto, always or never', help: 'weight-level checks: auto, always or never' },
  strict: { type: 'boolean', help: 'what could not be verified is an error (checks.unverified: error)' },
} as const satisfies Record<string, OptionSpec>

export const COMMANDS = {
  check: {
    usage: 'ckpt-audit check [MANIFEST] [--json FILE|-] [--markdown FILE|-] [--fail-on k1,k2] [--weights auto|always|never] [--strict]'
      + ' [--cache DIR | --no-cache] [--shard I/N]',
    summary: 'audit a manifest (default ckpt-audit.yml, then .github/ckpt-audit.yml; a folder is searched the same way)',
    options: {
      ...REPORT_OPTIONS,
      cache: { type: 'string', value: 'DIR', help: 'fingerprint cache folder (default .ckpt-audit-cache): unchanged checkpoints are not read again' },
      'no-cache': { type: 'boolean', help: 'read every checkpoint, use and write no fingerprint cache' },
      shard: { type: 'string', value: 'I/N', help: 'fingerprint shard I of N of the experiments (balanced by size) into --json FILE, for merge' },
      help: HELP,
    },
  },
  merge: {
    usage: 'ckpt-audit merge SHARD.json... [--json FILE|-] [--markdown FILE|-] [--fail-on k1,k2] [--weights auto|always|never] [--strict]',
    summary: 'the report of a sharded check: the checks run on the shards\' fingerprints; same report and exit code as one check',
    options: { ...REPORT_OPTIONS, help: HELP },
  },
  inspect: {
    usage: 'ckpt-audit inspect PATH... [--json] [--tensors] [--keys k1,k2]',
    summary: 'what a checkpoint (or run directory, or https://, hf://, s3:// address) holds, no manifest needed; several paths: one table, a row per file',
    options: {
      json: { type: 'boolean', help: 'print one JSON document (an array for several paths)' },
      tensors: { type: 'boolean', help: 'list the weight tensors: names (as frozen/trained globs match them), dtypes, shapes' },
      keys: { type: 'string', value: 'comma-separated keys', help: 'the table\'s columns (any spelling of a key or alias); default: every key found' },
      help: HELP,
    },
  },
  init: {
    usage: 'ckpt-audit init [DIR] [--output FILE] [--force]',
    summary: 'write a manifest of the checkpoints under DIR (default .): the values they store, twins, parents',
    options: {
      output: { type: 'string', short: 'o', value: 'FILE', help: 'where to write the manifest (default DIR/ckpt-audit.yml)' },
      force: { type: 'boolean', help: 'overwrite FILE if it exists' },
      help: HELP,
    },
  },
  diff: {
    usage: 'ckpt-audit diff A B [--json] [--tensors]',
    summary: 'weight difference statistics between two checkpoints (files or https://, hf://, s3:// addresses)',
    options: { json: { type: 'boolean', help: 'print one JSON document' }, tensors: { type: 'boolean', help: 'list every tensor, not only the largest differences' }, help: HELP },
  },
} as const satisfies Record<string, CommandSpec>

export type CommandName = keyof typeof COMMANDS
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[]

const EXIT_CODES = `Exit codes: 0 no error findings; 1 error findings (or, for inspect, an unreadable or unsafe file);
2 usage or manifest error.`

export function generalHelp(): string {
  const lines = COMMAND_NAMES.map(name => `  ${COMMANDS[name].usage}\n      ${COMMANDS[name].summary}`)
  return `Usage:\n${lines.join('\n')}\n  ckpt-audit help COMMAND | COMMAND --help\n  ckpt-audit --version\n\n${EXIT_CODES}\n`
}

export function commandHelp(name: CommandName): string {
  const spec: CommandSpec = COMMANDS[name]
  const options = Object.entries(spec.options).map(([option, o]) => `  ${`--${option}${o.short ? `, -${o.short}` : ''}`.padEnd(16)} ${o.help}`)
  return `Usage: ${spec.usage}\n\n${spec.summary}\n\nOptions:\n${options.join('\n')}\n\n${EXIT_CODES}\n`
}

/** The command a word names, or a UsageError with "did you mean". */
export function commandNamed(word: string): CommandName {
  if ((COMMAND_NAMES as string[]).includes(word)) return word as CommandName
  throw unknownCommand(word)
}

export function unknownCommand(word: string): UsageError {
  const near = suggest(word, COMMAND_NAMES)
  return new UsageError(`unknown command '${word}'${near ? `; did you mean '${near}'?` : ` (commands: ${COMMAND_NAMES.join(', ')})`}`)
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
}

/**
 * Parses a command's arguments against its table. node:util's own messages are written for
 * programmers; these name the command, the near option and the expected value.
 */
export function parseCommandArgs(name: CommandName, args: readonly string[]): ParsedArgs {
  const spec: CommandSpec = COMMANDS[name]
  const known = Object.keys(spec.options)
  const { values, tokens } = parseArgs({ args: [...args], options: spec.options, allowPositionals: true, strict: false, tokens: true })
  const positionals: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') { positionals.push(token.value); continue }
    if (token.kind !== 'option') continue
    const option = spec.options[token.name]
    if (option === undefined) {
      const near = suggest(token.name, known)
      throw new UsageError(`unknown option '${token.rawName}' for ${name}${near ? `; did you mean '--${near}'?` : ` (options: ${known.map(k => `--${k}`).join(', ')})`}`, name)
    }
    if (option.type === 'string' && token.value === undefined)
      throw new UsageError(`--${token.name} needs a value: ${option.value}`, name)
    if (option.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`--${token.name} takes no value (got '${token.value}')`, name)
  }
  return { values: values as ParsedArgs['values'], positionals }
}
