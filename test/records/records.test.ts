/**
 * Issue I part 4: recorded values read where teams keep them (Markdown tables, W&B, MLflow,
 * Hydra), on the files of test/fixtures/make_records.py. Each source is first checked for the
 * false pass (the docs say 0.15, the checkpoint holds 0.1, and the gated key must fail the
 * build), then for the place findings point at: the docs file, line and column of the value.
 */
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { auditManifest, type AuditResult } from '../../src/audit/audit.ts'
import { fileIO } from '../../src/check.ts'
import { ManifestError } from '../../src/manifest/errors.ts'
import { parseManifest } from '../../src/manifest/parse.ts'
import type { Manifest, RecordedValue, SourceLocation } from '../../src/manifest/types.ts'
import { fixture } from '../support/fixtures.ts'

const workspace = fixture('.')
const folder = fixture('records')
/** How locations show the manifest (as the Action does: relative to the workspace). */
const display = 'records/ckpt-audit.yml'

function manifest(experiment: string, ws = workspace, dir = folder, shown = display): Manifest {
  return parseManifest(`version: 1\nexperiments:\n  grpo_v3:\n    checkpoint: run.ckpt\n${experiment}`, join(dir, 'ckpt-audit.yml'), ws, shown)
}
const audit = (experiment: string): Promise<AuditResult> => auditManifest(manifest(experiment), fileIO)

/** Manifest problems as `file:line:column message`. */
function problems(experiment: string, ws = workspace, dir = folder): string[] {
  try {
    manifest(experiment, ws, dir)
  } catch (error) {
    assert.ok(error instanceof ManifestError, String(error))
    return error.problems.map(p => `${p.location.file}:${p.location.line}:${p.location.column} ${p.message}`)
  }
  assert.fail('expected a ManifestError')
}

/** Where `token` is on the first line of `file` (under test/fixtures) that contains `line`. */
function at(file: string, line: string, token: string, occurrence = 0): SourceLocation {
  const lines = readFileSync(fixture(file), 'utf8').split('\n')
  const index = lines.findIndex(l => l.includes(line))
  assert.ok(index >= 0, `${file} has no line with ${line}`)
  let column = -1
  for (let i = 0; i <= occurrence; i++) column = lines[index]!.indexOf(token, column + 1)
  assert.ok(column >= 0, `${token} not on line ${index + 1}`)
  return { file, line: index + 1, column: column + 1 }
}

const value = (m: Manifest, key: string): RecordedValue | undefined => m.experiments[0]!.hparams.find(h => h.key === key)
const findingOf = (r: AuditResult, code: string, key: string) => r.findings.find(f => f.code === code && f.key === key)

describe('Markdown tables', () => {
  test('false pass first: a docs KL_BETA that differs from the checkpoint fails the build, at the docs cell', async () => {
    const result = await audit('    records: docs/runs.md\n')
    assert.equal(result.status, 'fail')
    const mismatch = findingOf(result, 'hparam-mismatch', 'kl_beta')
    assert.equal(mismatch?.severity, 'error')
    assert.deepEqual(mismatch?.location, at('records/docs/runs.md', '| grpo_v3 |', '0.15'))
  })

  test('the row named after the experiment: header cells are keys by key identity, cells YAML scalars', () => {
    const m = manifest('    records: docs/runs.md\n')
    const row = (token: string, occurrence = 0) => at('records/docs/runs.md', '| grpo_v3 |', token, occurrence)
    assert.deepEqual(m.experiments[0]!.hparams.map(h => [h.key, h.written, h.value, h.location]), [
      ['kl_beta', 'KL_BETA', 0.15, row('0.15')],
      ['lr', 'LR', 5e-5, row('5e-5')],
      ['epochs', 'max epochs', 3, { ...row(' 3 |'), column: row(' 3 |').column + 1 }],
      ['data_file', 'data file', 'rl_data_k64_v3.json', row('rl_data')],
      ['use_EMA', 'use EMA', false, row('false')],
      ['seed', 'seed', 12345678901234567890n, row('1234')],
      ['layers', 'layers', [64, 64], row('[64')],
    ])
  })

  test('row: names the row; formatting is dropped; "-" and empty cells record nothing', async () => {
    const m = manifest('    records: {file: docs/runs.md, row: "KL 0.15 frozen"}\n')
    assert.deepEqual(m.experiments[0]!.hparams.map(h => h.key), ['kl_beta', 'lr', 'epochs', 'data_file', 'use_EMA'])
    assert.deepEqual(value(m, 'kl_beta')?.location, at('records/docs/runs.md', '| KL 0.15 frozen |', '**0.15**'))
    assert.equal(value(m, 'data_file')?.value, 'rl_data_k64_v3.json')
    const result = await auditManifest(m, fileIO)
    assert.equal(result.status, 'fail')
    assert.equal(findingOf(result, 'hparam-mismatch', 'kl_beta')?.location?.file, 'records/docs/runs.md')
  })

  test('section: the first two-column key | value table under the heading', async () => {
    const m = manifest('    records: {file: docs/runs.md, section: "GRPO v3"}\n')
    assert.deepEqual(m.experiments[0]!.hparams.map(h => [h.key, h.value]), [['kl_beta', 0.15], ['lr', 5e-5], ['epochs', 3]])
    assert.deepEqual(value(m, 'kl_beta')?.location, at('records/docs/runs.md', '| KL_BETA | 0.15 |', '0.15'))
    assert.equal((await auditManifest(m, fileIO)).status, 'fail')
  })

  test('a key | value table whose first row is data (its first cell a known key) reads that row too', async () => {
    const m = manifest('    records: {file: docs/runs.md, section: "grpo V2"}\n')
    assert.deepEqual(m.experiments[0]!.hparams.map(h => [h.key, h.value]), [['kl_beta', 0.1], ['lr', 5e-5]])
    assert.deepEqual(value(m, 'kl_beta')?.location, at('records/docs/runs.md', '| KL_BETA | 0.1 |', '0.1'))
    assert.equal((await auditManifest(m, fileIO)).status, 'pass')
  })

  test('a record not found is a manifest error at the records: entry, with "did you mean"', () => {
    assert.deepEqual(problems('    records: {file: docs/runs.md, row: "KL 0.15 frozn"}\n'),
      [`${display}:5:40 records: no table row of records/docs/runs.md is named 'KL 0.15 frozn'; did you mean 'KL 0.15 frozen'?`])
    assert.deepEqual(problems('    records: {file: docs/runs.md, section: GRPO v4}\n'),
      [`${display}:5:44 records: records/docs/runs.md has no heading 'GRPO v4'; did you mean 'GRPO v3'?`])
    assert.deepEqual(problems('  other:\n    checkpoint: run.ckpt\n    records: docs/runs.md\n'),
      [`${display}:7:14 records: no table row of records/docs/runs.md is named 'other'`])
    assert.deepEqual(problems('    records: [docs/nope.md]\n'),
      [`${display}:5:15 records: 'docs/nope.md' does not exist (paths are relative to the manifest's folder)`])
    assert.match(problems('    records: ../../../../etc/passwd.md\n')[0]!, /^records\/ckpt-audit\.yml:5:14 records: '\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\.md' leaves the workspace/)
    assert.match(problems('    records: run.ckpt\n')[0]!, /5:14 records: cannot tell what kind of record 'run\.ckpt' is; write \{file: run\.ckpt, kind: markdown\|wandb\|mlflow\|hydra\}/)
    assert.match(problems('    records: {file: docs/runs.md, rows: x}\n')[0]!, /unknown key 'rows' in experiments\.grpo_v3\.records; did you mean 'row'\?/)
  })

  test('values the manifest would refuse are refused at the docs cell; one key twice in a record is an error', () => {
    const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-records-'))
    writeFileSync(join(ws, 'runs.md'), '| run | KL_BETA | frozen | lr | learning rate |\n|---|---|---|---|---|\n| grpo_v3 | .inf | yes | 1e-4 | 1e-4 |\n')
    assert.deepEqual(problems('    records: runs.md\n', ws, ws), [
      'records/runs.md:3:13 records/runs.md: KL_BETA: .inf is not a finite number; quote it (".inf") to compare it as written',
      'records/runs.md:3:20 records/runs.md: frozen: \'yes\' is a string in YAML 1.2, not a boolean; write true or false (or quote it to mean the string)',
      'records/runs.md:3:26 records records/runs.md row \'grpo_v3\': \'lr\' (line 3) and \'learning rate\' (line 3) are the same key lr; keep one',
      'records/runs.md:3:33 records records/runs.md row \'grpo_v3\': \'lr\' (line 3) and \'learning rate\' (line 3) are the same key lr; keep one',
    ])
  })

  test('hparams win over a record, silently, with their own location', () => {
    const m = manifest('    records: docs/runs.md\n    hparams:\n      kl_beta: 0.1\n')
    assert.deepEqual(value(m, 'kl_beta'), { key: 'kl_beta', written: 'kl_beta', value: 0.1, at: undefined, location: { file: display, line: 7, column: 16 } })
    assert.equal(m.experiments[0]!.hparams.length, 7)
  })

  test('keys: reads only the keys named, and a key the record lacks is an error (the gate would check nothing)', () => {
    const m = manifest('    records: {file: docs/runs.md, keys: [kl-beta, LEARNING_RATE]}\n')
    assert.deepEqual(m.experiments[0]!.hparams.map(h => h.key), ['kl_beta', 'lr'])
    assert.deepEqual(problems('    records: {file: docs/runs.md, keys: [kl_beta, seeds]}\n'),
      [`${display}:5:51 keys: the record docs/runs.md has no 'seeds'; did you mean 'seed'?`])
  })
})
