/**
 * Issue I part 4: recorded values read where teams keep them (Markdown tables, W&B, MLflow,
 * Hydra), on the files of test/fixtures/make_records.py. Each source is first checked for the
 * false pass (the docs say 0.15, the checkpoint holds 0.1, and the gated key must fail the
 * build), then for the place findings point at: the docs file, line and column of the value.
 */
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
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

/** The false pass each source is first tested for: the record's kl_beta (0.15) is not the stored 0.1, and the gate fails the build. */
async function gatedMismatch(records: string) {
  const result = await audit(`    records: ${records}\n`)
  assert.equal(result.status, 'fail')
  const mismatch = findingOf(result, 'hparam-mismatch', 'kl_beta')
  assert.equal(mismatch?.severity, 'error')
  assert.equal(mismatch?.recorded, 0.15)
  return mismatch!
}

describe('Markdown tables', () => {
  test('false pass first: a docs KL_BETA that differs from the checkpoint fails the build, at the docs cell', async () => {
    const mismatch = await gatedMismatch('docs/runs.md')
    assert.deepEqual(mismatch.location, at('records/docs/runs.md', '| grpo_v3 |', '0.15'))
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

  test('hparams win over a record, with their own location, and keep the record they override', () => {
    const m = manifest('    records: docs/runs.md\n    hparams:\n      kl_beta: 0.1\n')
    const { overrides, ...won } = value(m, 'kl_beta')!
    assert.deepEqual(won, { key: 'kl_beta', written: 'kl_beta', value: 0.1, at: undefined, location: { file: display, line: 7, column: 16 } })
    assert.deepEqual(overrides?.map(o => [o.value, o.location.file]), [[0.15, 'records/docs/runs.md']])
    assert.equal(m.experiments[0]!.hparams.length, 7)
  })

  test('keys: reads only the keys named, and a key the record lacks is an error (the gate would check nothing)', () => {
    const m = manifest('    records: {file: docs/runs.md, keys: [kl-beta, LEARNING_RATE]}\n')
    assert.deepEqual(m.experiments[0]!.hparams.map(h => h.key), ['kl_beta', 'lr'])
    assert.deepEqual(problems('    records: {file: docs/runs.md, keys: [kl_beta, seeds]}\n'),
      [`${display}:5:51 keys: the record docs/runs.md has no 'seeds'; did you mean 'seed'?`])
  })
})

const WANDB = 'records/wandb/run-20241126_120000-abc123/files/config.yaml'
const PARAMS = 'records/mlruns/1/9f8e7d6c5b4a39281706f5e4d3c2b1a0/params'
const HYDRA = 'records/outputs/2024-11-26/12-00-00/.hydra'

describe('W&B config.yaml', () => {
  test('false pass first: W&B KL_BETA 0.15 against a stored 0.1 fails the build, at its value line', async () => {
    const mismatch = await gatedMismatch('wandb/run-20241126_120000-abc123')
    const configLines = readFileSync(fixture(WANDB), 'utf8').split('\n')
    assert.deepEqual(configLines.slice(mismatch.location!.line - 3, mismatch.location!.line), ['KL_BETA:', '  desc: null', '  value: 0.15'])
    assert.deepEqual(mismatch.location, at(WANDB, 'value: 0.15', '0.15'))
  })

  test('{value, desc} entries; _wandb skipped; a nested value is recorded under its leaf name', () => {
    for (const spec of ['wandb/run-20241126_120000-abc123', 'wandb/run-20241126_120000-abc123/files/config.yaml', '{file: wandb/run-20241126_120000-abc123/files, kind: wandb}']) {
      const m = manifest(`    records: ${spec}\n`)
      assert.deepEqual(m.experiments[0]!.hparams.map(h => [h.key, h.written, h.value]), [
        ['kl_beta', 'KL_BETA', 0.15], ['data_file', 'data_file', 'rl_data_k64_v3.json'], ['lr', 'lr', 5e-5],
        ['epochs', 'max_epochs', 3], ['precision', 'precision', 'bf16'],
      ], spec)
    }
  })

  test('a YAML file that is not a W&B config is refused as one', () => {
    assert.match(problems('    records: {file: outputs/2024-11-26/12-00-00/.hydra/config.yaml, kind: wandb}\n')[0]!, /records: records\/outputs\/.*config\.yaml is not a W&B config\.yaml \(no wandb_version at its top level\)$/)
  })
})

describe('MLflow params/', () => {
  test('false pass first: an MLflow kl_beta of 0.15 against a stored 0.1 fails the build, at its param file', async () => {
    const mismatch = await gatedMismatch('mlruns/1/9f8e7d6c5b4a39281706f5e4d3c2b1a0')
    assert.deepEqual(mismatch.location, { file: `${PARAMS}/kl_beta`, line: 1, column: 1 })
  })

  test('str(value) read back: numbers, booleans, None, Python-repr lists, integers past 2^53, each verified', async () => {
    const m = manifest('    records: mlruns/1/9f8e7d6c5b4a39281706f5e4d3c2b1a0/params\n')
    assert.deepEqual(m.experiments[0]!.hparams.map(h => [h.key, h.value]), [
      ['data_file', 'rl_data_k64_v3.json'], ['kl_beta', 0.15], ['layers', [64, 64]], ['lr', 5e-5], ['epochs', 3],
      ['seed', 12345678901234567890n], ['use_ema', false], ['warmup_steps', null],
    ])
    const result = await auditManifest(m, fileIO)
    const status = Object.fromEntries(result.experiments[0]!.hparams.map(h => [h.key, h.status]))
    assert.deepEqual(status, { data_file: 'match', kl_beta: 'mismatch', layers: 'match', lr: 'match', epochs: 'match', seed: 'match', use_ema: 'match', warmup_steps: 'missing' })
  })
})

describe('Hydra .hydra/', () => {
  test('false pass first: kl_beta overridden to 0.15 on the command line fails the build, at the override', async () => {
    const mismatch = await gatedMismatch('outputs/2024-11-26/12-00-00')
    assert.deepEqual(mismatch.location, at(`${HYDRA}/overrides.yaml`, 'algo.kl_beta=0.15', '0.15'))
  })

  test('config.yaml with overrides applied: leaf names by key identity, colliding leaves dotted, interpolations followed', () => {
    for (const spec of ['outputs/2024-11-26/12-00-00', 'outputs/2024-11-26/12-00-00/.hydra', 'outputs/2024-11-26/12-00-00/.hydra/config.yaml']) {
      const m = manifest(`    records: ${spec}\n`)
      assert.deepEqual(m.experiments[0]!.hparams.map(h => [h.key, h.written, h.value, `${h.location.file.split('/').at(-1)}:${h.location.line}`]), [
        ['algo.name', 'algo.name', 'grpo', 'config.yaml:2'],
        ['kl_beta', 'kl_beta', 0.15, 'overrides.yaml:1'],
        ['optim.name', 'optim.name', 'adamw', 'config.yaml:5'],
        ['lr', 'lr', 5e-5, 'config.yaml:6'],
        ['weight_decay', 'weight_decay', 0.01, 'config.yaml:7'],
        ['epochs', 'max_epochs', 3, 'config.yaml:9'],
        ['data_file', 'data_file', 'rl_data_k64_v3.json', 'config.yaml:10'],
        ['run_name', 'run_name', 'grpo', 'config.yaml:2'],
      ], spec)
    }
  })

  test('two leaves that name one key keep their dotted paths: nothing is guessed', () => {
    const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-hydra-'))
    cpSync(fixture('records/run.ckpt'), join(ws, 'run.ckpt'))
    cpSync(fixture(HYDRA), join(ws, '.hydra'), { recursive: true })
    writeFileSync(join(ws, '.hydra', 'config.yaml'), 'optim:\n  lr: 5.0e-05\nscheduler:\n  learning_rate: 0.0\n')
    writeFileSync(join(ws, '.hydra', 'overrides.yaml'), '- ~scheduler\n- +trainer.max_epochs=3\n')
    const m = manifest('    records: .\n', ws, ws)
    assert.deepEqual(m.experiments[0]!.hparams.map(h => [h.written, h.value]), [['lr', 5e-5], ['max_epochs', 3]])
    writeFileSync(join(ws, '.hydra', 'overrides.yaml'), '[]\n')
    assert.deepEqual(manifest('    records: .\n', ws, ws).experiments[0]!.hparams.map(h => h.key), ['optim.lr', 'scheduler.learning_rate'])
  })
})

describe('records in a list', () => {
  test('later records win over earlier ones, hparams over all', () => {
    const m = manifest('    records: [docs/runs.md, {file: docs/runs.md, section: GRPO v2}]\n    hparams: {lr: 1.0e-4}\n')
    assert.equal(value(m, 'kl_beta')?.value, 0.1)
    assert.equal(value(m, 'kl_beta')?.location.line, at('records/docs/runs.md', '| KL_BETA | 0.1 |', '0.1').line)
    assert.equal(value(m, 'lr')?.location.file, display)
    assert.equal(value(m, 'seed')?.value, 12345678901234567890n)
  })
})

test('a Markdown record over 256 KiB is refused at the records: entry, not parsed for seconds', () => {
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-records-'))
  writeFileSync(join(ws, 'big.md'), `| run | KL_BETA |\n|---|---|\n${'| x | 1 |\n'.repeat(30_000)}`)
  assert.deepEqual(problems('    records: big.md\n', ws, ws), [`${display}:5:14 records: cannot read 'big.md': 300028 bytes; a Markdown record may have at most 262144`])
})

test('a param file that is a symbolic link out of the workspace is never read into the report', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ckpt-audit-secret-'))
  writeFileSync(join(outside, 'token'), 'ghs_secret')
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-records-'))
  cpSync(fixture('records/run.ckpt'), join(ws, 'run.ckpt'))
  cpSync(fixture(PARAMS), join(ws, 'params'), { recursive: true })
  symlinkSync(join(outside, 'token'), join(ws, 'params', 'api_token'))
  const m = manifest('    records: params\n', ws, ws)
  assert.equal(m.experiments[0]!.hparams.length, 8)
  assert.ok(!JSON.stringify(m.experiments[0]!.hparams, (_, v) => typeof v === 'bigint' ? String(v) : v).includes('ghs_secret'))
  symlinkSync(outside, join(ws, 'out'))
  assert.match(problems('    records: out\n', ws, ws)[0]!, /records: 'out' is a symbolic link to .*, outside the workspace/)
})
