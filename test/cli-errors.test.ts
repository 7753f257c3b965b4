/** Every user error of the CLI: a plain message, the right exit code, never a stack trace. */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { internalErrorMessage } from '../src/cli.ts'
import { fitProgressLine } from '../src/report/progress-line.ts'
import { cli as runCli } from './support/cli.ts'
import { fixture } from './support/fixtures.ts'

const cli = (argv: string[]) => runCli(...argv)


const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-cli-errors-'))
writeFileSync(join(dir, 'bad.yml'), 'version: 1\nexperiments:\n  a: {checkpoint: x.pt, hparms: {}}\n')
mkdirSync(join(dir, 'empty'))
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
const OKVQA = 'examples/okvqa/ckpt-audit.yml'
const CHECKPOINT = fixture('torch113/grpo.epoch1.pt')

interface Case {
  argv: string[]
  code: number
  err?: RegExp
  out?: RegExp
  json?: (doc: any) => void
}

const cases: Record<string, Case> = {
  'unwritable --json path: exit 2 naming it, terminal report still printed': {
    argv: ['check', OKVQA, '--json', '/no/such/dir/r.json'], code: 2,
    err: /cannot write the JSON report to \/no\/such\/dir\/r\.json: the folder \/no\/such\/dir does not exist/, out: /^❌ 1 failing key/,
  },
  'unwritable --markdown path': {
    argv: ['check', OKVQA, '--markdown', '/no/such/dir/r.md'], code: 2,
    err: /cannot write the Markdown report to \/no\/such\/dir\/r\.md/, out: /^❌ 1 failing key/,
  },
  '--markdown onto a directory': {
    argv: ['check', OKVQA, '--markdown', dir], code: 2, err: /cannot write the Markdown report to .*: it is a directory/,
  },
  '--json - on a manifest error prints a JSON document': {
    argv: ['check', join(dir, 'bad.yml'), '--json', '-'], code: 2,
    json: doc => {
      assert.equal(doc.status, 'error')
      assert.deepEqual(doc.errors[0], { file: join(dir, 'bad.yml'), line: 3, column: 25, message: "unknown key 'hparms' in experiments.a; did you mean 'hparams'?" })
    },
  },
  'a checkpoint given to check': {
    argv: ['check', CHECKPOINT], code: 2, err: /grpo\.epoch1\.pt is a checkpoint \(torch-zip\), not a manifest: to see what it holds, run `ckpt-audit inspect .*grpo\.epoch1\.pt`/,
  },
  '--json - with a missing manifest still prints a JSON document': {
    argv: ['check', join(dir, 'nope.yml'), '--json', '-'], code: 2, err: /no manifest at/,
    json: doc => {
      assert.equal(doc.status, 'error')
      assert.match(doc.errors[0].message, /^no manifest at .*nope\.yml: the file does not exist$/)
    },
  },
  'a report path under a file': {
    argv: ['check', OKVQA, '--json', join(dir, 'bad.yml', 'r.json')], code: 2, err: /cannot write the JSON report to .*r\.json: .*bad\.yml is not a folder/,
  },
  'a missing manifest': { argv: ['check', join(dir, 'nope.yml')], code: 2, err: /no manifest at .*nope\.yml: the file does not exist/ },
  'a manifest in a missing folder': { argv: ['check', '/no/such/dir/ckpt-audit.yml'], code: 2, err: /no manifest at \/no\/such\/dir\/ckpt-audit\.yml: the folder \/no\/such\/dir does not exist/ },
  'a folder without a manifest': { argv: ['check', join(dir, 'empty')], code: 2, err: /is a folder without ckpt-audit\.yml or \.github\/ckpt-audit\.yml/ },
  'inspect of a missing file': { argv: ['inspect', join(dir, 'nope.pt')], code: 1, out: /nope\.pt: no such file or directory/ },
  '--version': { argv: ['--version'], code: 0, out: new RegExp(`^ckpt-audit ${version.replace(/\./g, '\\.')}\\n$`) },
  '-V': { argv: ['-V'], code: 0, out: new RegExp(`^ckpt-audit ${version.replace(/\./g, '\\.')}\\n$`) },
  'help check': { argv: ['help', 'check'], code: 0, out: /^Usage: ckpt-audit check \[MANIFEST\]/ },
  'check --help': { argv: ['check', '--help'], code: 0, out: /^Usage: ckpt-audit check \[MANIFEST\]/ },
  'inspect -h': { argv: ['inspect', '-h'], code: 0, out: /^Usage: ckpt-audit inspect PATH/ },
  'diff --help': { argv: ['diff', '--help'], code: 0, out: /^Usage: ckpt-audit diff A B/ },
  'help alone': { argv: ['help'], code: 0, out: /^Usage:\n  ckpt-audit check/ },
  'help of an unknown command': { argv: ['help', 'chek'], code: 2, err: /unknown command 'chek'; did you mean 'check'\?/ },
  'unknown command': { argv: ['inspcet', 'x'], code: 2, err: /unknown command 'inspcet'; did you mean 'inspect'\?/ },
  'no command': { argv: [], code: 2, err: /a command is required/ },
  'unknown flag with a near name': { argv: ['check', OKVQA, '--jsn', 'r.json'], code: 2, err: /unknown option '--jsn' for check; did you mean '--json'\?/ },
  'unknown flag of another command': { argv: ['inspect', CHECKPOINT, '--fail-on', 'kl_beta'], code: 2, err: /unknown option '--fail-on' for inspect \(options: --json, --tensors, --keys, --help\)/ },
  'a flag without its value': { argv: ['check', OKVQA, '--json'], code: 2, err: /--json needs a value: FILE, or - for stdout/ },
  'a value given to a switch': { argv: ['inspect', CHECKPOINT, '--json=yes'], code: 2, err: /--json takes no value/ },
  'a bad --weights choice': { argv: ['check', OKVQA, '--weights', 'sometimes'], code: 2, err: /--weights must be one of auto, always, never; got 'sometimes'/ },
  'two stdout documents': { argv: ['check', OKVQA, '--json', '-', '--markdown', '-'], code: 2, err: /only one of --json and --markdown can write to stdout/ },
  'inspect without a path': { argv: ['inspect'], code: 2, err: /inspect takes at least one PATH/ },
  'diff with one file': { argv: ['diff', CHECKPOINT], code: 2, err: /diff takes two checkpoints, A and B/ },
}

for (const [name, c] of Object.entries(cases)) {
  test(`cli error: ${name}`, async () => {
    const { code, out, err } = await cli(c.argv)
    assert.equal(code, c.code, `exit code; stderr: ${err}`)
    if (c.err) assert.match(err, c.err)
    if (c.out) assert.match(out, c.out)
    if (c.json) c.json(JSON.parse(out))
    assert.doesNotMatch(err + out, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace')
    assert.doesNotMatch(err, /\\u0003|PK\x03\x04/, 'no checkpoint bytes')
    assert.ok(err.length < 2000, `a short message, not a dump (${err.length} characters)`)
  })
}

test('only a real internal bug prints a stack trace, and it says how to report it', () => {
  const message = internalErrorMessage(new TypeError('x is undefined'))
  assert.match(message, /^ckpt-audit: internal error \(a bug in ckpt-audit, not in your files\): TypeError: x is undefined\n/)
  assert.match(message, /\n\s+at /)
  assert.match(message, /Please report it at https:\/\/github\.com\/ckpt-audit\/ckpt-audit\/issues with the command line and this output/)
})

test('the progress line keeps the file name and shortens the middle of long paths', () => {
  const long = 'comparing weights: results/okvqa/model_cpk/v3_k64_grpo/very/deep/folder/grpo_epoch1_v2format.ckpt and results/okvqa/model_cpk/rce/rce_epoch2.pt'
  const line = fitProgressLine(long, 80)
  assert.ok(line.length <= 79, `${line.length}: ${line}`)
  assert.match(line, /grpo_epoch1_v2format\.ckpt/)
  assert.match(line, /rce_epoch2\.pt$/)
  assert.match(line, /^comparing weights: /)
  assert.match(fitProgressLine(long, 120), /^comparing weights: results\/okvqa\/.*…/)
  assert.equal(fitProgressLine('short line', 80), 'short line')
  assert.ok(fitProgressLine(long, 20).length <= 19)
})
