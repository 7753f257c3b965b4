import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { cli } from './support/cli.ts'
import { fixture } from './support/fixtures.ts'

test('inspect --json prints exactly the docs/design.md §6 shape', async () => {
  const { code, out } = await cli('inspect', fixture('torch113/grpo.epoch1.pt'), '--json')
  assert.equal(code, 0)
  const doc = JSON.parse(out)
  assert.deepEqual(Object.keys(doc), ['path', 'format', 'size_bytes', 'hparams', 'metadata', 'tensors', 'globals', 'unsafe_globals', 'notices', 'error'])
  assert.deepEqual(doc.hparams.kl_beta, { value: 0.1, source: 'args.KL_BETA' })
  assert.deepEqual(doc.hparams.epoch, { value: 0, source: 'epoch' })
  assert.equal(doc.metadata['args.DATA_FILE'], 'rl_data_k64_v3.json')
  assert.deepEqual(Object.keys(doc.tensors), ['count', 'elements', 'bytes', 'dtypes'])
  assert.ok(doc.globals.includes('argparse.Namespace'))
  assert.deepEqual(doc.unsafe_globals, [])
  assert.equal(doc.error, null)
})

test('inspect human output names the hyperparameters and their sources', async () => {
  const { code, out } = await cli('inspect', fixture('torch113/grpo.epoch1.pt'))
  assert.equal(code, 0)
  assert.match(out, /kl_beta\s+0\.1\s+args\.KL_BETA/)
  assert.match(out, /Tensors: 12 \(338 elements/)
})

test('inspect of an unreadable file: JSON alone on stdout, exit 1', async () => {
  const { code, out } = await cli('inspect', '--json', fixture('broken/lfs-pointer.pt'))
  assert.equal(code, 1)
  const doc = JSON.parse(out)
  assert.equal(doc.error.reason, 'lfs-pointer')
  assert.equal(doc.format, null)
})

test('inspect of a hostile file: exit 1 and the unsafe global named', async () => {
  const { code, out } = await cli('inspect', fixture('hostile/process--posix-system.pkl'))
  assert.equal(code, 1)
  assert.match(out, /UNSAFE globals .*posix\.system/)
})

test('usage errors exit 2', async () => {
  assert.equal((await cli()).code, 2)
  assert.equal((await cli('frobnicate')).code, 2)
  assert.equal((await cli('inspect')).code, 2)
  assert.equal((await cli('inspect', 'a', '--bogus')).code, 2)
})

test('the bundled dist/cli.js runs on this Node and prints the same JSON', () => {
  const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
  const run = spawnSync(process.execPath, [cliPath, 'inspect', '--json', fixture('modern/lightning.ckpt')], { encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
  assert.equal(JSON.parse(run.stdout).hparams.kl_beta.value, 0.1)
})

test('check on the okvqa example: the KL_BETA failure, exit 1', async () => {
  const { code, out } = await cli('check', 'examples/okvqa/ckpt-audit.yml')
  assert.equal(code, 1)
  assert.match(out.split('\n')[0]!, /^❌ 1 failing key: kl_beta recorded 0\.15, stored 0\.1 in v3_k64_grpo\/grpo_epoch1_v2format\.ckpt/)
  assert.match(out, /examples\/okvqa\/docs\/experiments\.md:15:20: error: \[hparam-mismatch\] kl015_frozen: KL_BETA recorded 0\.15/)
  assert.match(out, /epoch\s+1\s+0\s+epoch\s+ok \(recorded epoch 1 = stored 0, 0-based\)/)
})

test('check --json - prints the JSON document alone; --markdown FILE writes the report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-cli-'))
  const { code, out } = await cli('check', 'examples/okvqa/ckpt-audit.yml', '--json', '-', '--markdown', join(dir, 'r.md'))
  assert.equal(code, 1)
  assert.equal(JSON.parse(out).status, 'fail')
  assert.match(readFileSync(join(dir, 'r.md'), 'utf8'), /^## ❌ ckpt-audit: 1 failing key/)
})

test('check --fail-on moves the failure to other keys', async () => {
  assert.equal((await cli('check', 'examples/okvqa/ckpt-audit.yml', '--fail-on', 'phase')).code, 0)
  assert.equal((await cli('check', 'examples/okvqa/ckpt-audit.yml', '--fail-on', 'lr')).code, 1)
})

test('check: manifest errors exit 2 with file:line:column on stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-cli-'))
  writeFileSync(join(dir, 'bad.yml'), 'version: 1\nexperiments:\n  a: {checkpoint: x.pt, hparms: {}}\n')
  const { code, err, out } = await cli('check', join(dir, 'bad.yml'))
  assert.equal(code, 2)
  assert.equal(out, '')
  assert.match(err, /bad\.yml:3:25: unknown key 'hparms' in experiments\.a; did you mean 'hparams'\?/)
  assert.equal((await cli('check', 'examples/okvqa/ckpt-audit.yml', '--json', '-', '--markdown', '-')).code, 2)
  assert.equal((await cli('check', 'examples/okvqa/ckpt-audit.yml', '--weights', 'sometimes')).code, 2)
})
