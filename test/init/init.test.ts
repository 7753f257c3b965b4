/** `ckpt-audit init`: a manifest written from what the files hold, that `check` then passes. */
import assert from 'node:assert/strict'
import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { parse } from 'yaml'
import { cli } from '../support/cli.ts'
import { commonFolder } from '../../src/init/init.ts'
import { compareProgress, experimentNames, shortest, twinCandidates } from '../../src/init/propose.ts'
import { renderInitManifest } from '../../src/init/render.ts'
import { fixture } from '../support/fixtures.ts'

test('init on the example: one experiment per checkpoint, twins found, values with their sources; check passes', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-init-'))
  cpSync('examples/okvqa/results', join(ws, 'results'), { recursive: true })
  const manifest = join(ws, 'ckpt-audit.yml')
  const r = await cli('init', ws, '--output', manifest)
  assert.equal(r.code, 0, r.err)
  assert.match(r.out, /wrote .*ckpt-audit\.yml: 6 experiment\(s\)/)
  const text = readFileSync(manifest, 'utf8')
  assert.match(text, /^# yaml-language-server: \$schema=\S+schema\/ckpt-audit\.schema\.json\n/)
  const doc = parse(text)
  assert.equal(doc.root, 'results/okvqa/model_cpk')
  assert.deepEqual(Object.keys(doc.experiments).sort(), ['kl012_frozen_grpo_epoch1', 'kl012_rce_epoch5', 'kl015_unfrozen_grpo_epoch1',
    'kl018_frozen_grpo_epoch1', 'rce_rce_epoch2', 'v3_k64_grpo_grpo_epoch1_v2format'])
  const v3 = doc.experiments.v3_k64_grpo_grpo_epoch1_v2format
  assert.deepEqual(v3.twins, ['v3_k64_grpo/grpo_epoch1.pt'])
  assert.deepEqual(v3.hparams, { kl_beta: 0.1, lr: 2e-5, epoch: 0, phase: 'grpo', data_file: 'rl_data_k64_v3.json' })
  assert.match(text, /kl_beta: 0\.1 {3}# from hyper_parameters\.args\.KL_BETA/)
  assert.equal(doc.experiments.kl018_frozen_grpo_epoch1.hparams.kl_beta, 0.18, 'a float32 0.18 is written as 0.18')
  assert.match(text, /# 3,072 parameter bytes bit-identical with rce_rce_epoch2; the files do not say which came first/)
  const check = await cli('check', manifest)
  assert.equal(check.code, 0, check.out)
  assert.match(check.out, /^✅ 6 experiments match their records \(28 of 28 recorded values verified/)

  const again = await cli('init', ws, '--output', manifest)
  assert.equal(again.code, 2, 'never overwrites without --force')
  assert.match(again.err, /exists; pass --force to overwrite it/)
  writeFileSync(manifest, 'mine')
  assert.equal((await cli('init', ws, '--output', manifest, '--force')).code, 0)
  assert.notEqual(readFileSync(manifest, 'utf8'), 'mine')
  assert.equal((await cli('init', join(ws, 'nope'), '--output', join(ws, 'x.yml'))).code, 2)
})

test('init on the test corpus (torch 1.13, torch 2.x, Lightning, transformers run directories, safetensors): check exits 0', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-init-corpus-'))
  for (const folder of ['torch113', 'modern', 'verdict-modern', 'hparam-cases', 'pairs']) cpSync(fixture(folder), join(ws, folder), { recursive: true })
  const manifest = join(ws, 'ckpt-audit.yml')
  const r = await cli('init', ws, '--output', manifest)
  assert.equal(r.code, 0, r.err)
  const doc = parse(readFileSync(manifest, 'utf8'))
  const checkpoints = Object.values(doc.experiments as Record<string, { checkpoint: string }>).map(e => e.checkpoint)
  assert.ok(checkpoints.includes('modern/hf-run') && checkpoints.includes('verdict-modern/lightning/epoch2.ckpt'), 'run directories and Lightning files')
  assert.ok(!checkpoints.some(c => c.startsWith('modern/hf-run/')), 'a run directory is one checkpoint')
  const check = await cli('check', manifest)
  assert.equal(check.code, 0, check.out)
})

test('init proposals are pure functions of what the files say', () => {
  assert.deepEqual(experimentNames(['a/b.pt', 'a-b.ckpt', 'x y/model.safetensors', 'run']), ['a_b', 'a_b_2', 'x_y_model', 'run'])
  assert.ok(twinCandidates('v3/grpo_epoch1.pt', 'v3/grpo_epoch1_v2format.ckpt'))
  assert.ok(twinCandidates('m/model.safetensors', 'm/model.bf16.safetensors'))
  assert.ok(!twinCandidates('v3/grpo_epoch1.pt', 'v3/grpo_epoch10.pt'), 'epoch1 is no stem of epoch10')
  assert.ok(!twinCandidates('a/model.pt', 'b/model.pt'), 'other folder')
  assert.equal(compareProgress({ phase: 'rce', epoch: 4, step: undefined }, { phase: 'grpo', epoch: 0, step: undefined }), undefined, 'another phase: no order')
  assert.equal(compareProgress({ phase: 'grpo', epoch: 0, step: 10 }, { phase: 'grpo', epoch: 0, step: 20 }), -1)
  assert.equal(compareProgress({ phase: undefined, epoch: undefined, step: undefined }, { phase: undefined, epoch: undefined, step: undefined }), undefined)
  assert.equal(shortest({ value: 0.18000000715255737, dtype: 'float32' }), 0.18)
  assert.equal(shortest({ value: 0.18000000715255737 }), 0.18000000715255737, 'a float64 keeps every digit')
  assert.equal(commonFolder(['r/a/x.pt', 'r/a/y/z.pt']), 'r/a')
  assert.equal(commonFolder(['../o.pt', '../p.pt']), '')
})

test('init writes stored strings safely: a newline or # in a stored value cannot add YAML lines', () => {
  const text = renderInitManifest({
    schema: 's.json', folder: '.', root: '', skipped: [{ path: 'bad.pt', reason: 'x\nversion: 2' }], remarks: [],
    experiments: [{ name: 'e', checkpoint: 'e.pt', twins: [], parent: undefined, notes: [],
      values: [{ key: 'data_file', value: 'a.json # not a comment\nlr: 9', source: 'args.DATA\nkl_beta: 1', pinned: false },
               { key: 'seed', value: 12345678901234567890n, source: 'seed', pinned: false }] }],
  })
  const doc = parse(text)
  assert.deepEqual(doc.experiments.e.hparams, { data_file: 'a.json # not a comment\nlr: 9', seed: 12345678901234567000 })
  assert.match(text, /seed: 12345678901234567890 /)
  assert.equal(doc.version, 1)
  assert.equal(existsSync('e.pt'), false)
})

test('init, reviewed: a file is no folder (exit 2, no stack trace); the manifest lands in DIR; a symlink at the output is never followed', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-init-review-'))
  cpSync(fixture('hparam-cases/screaming.pt'), join(ws, 'run.pt'))
  const file = await cli('init', join(ws, 'run.pt'))
  assert.equal(file.code, 2)
  assert.match(file.err, /run\.pt is a file, not a folder/)
  assert.doesNotMatch(file.err, /\n\s+at /)
  assert.equal((await cli('init', ws)).code, 0)
  assert.ok(existsSync(join(ws, 'ckpt-audit.yml')), 'DIR/ckpt-audit.yml by default')
  const victim = join(mkdtempSync(join(tmpdir(), 'ckpt-audit-victim-')), 'victim.txt')
  symlinkSync(victim, join(ws, 'out.yml'))
  assert.equal((await cli('init', ws, '--output', join(ws, 'out.yml'))).code, 2, 'a dangling symlink is an existing output')
  assert.equal(existsSync(victim), false)
  assert.equal((await cli('init', ws, '--output', join(ws, 'out.yml'), '--force')).code, 0)
  assert.equal(existsSync(victim), false, '--force replaces the link, never writes through it')
  assert.ok(!lstatSync(join(ws, 'out.yml')).isSymbolicLink())
})

test('init quotes stored strings the manifest would refuse unquoted (yes, no, on, off)', () => {
  const text = renderInitManifest({
    schema: 's.json', folder: '.', root: '', skipped: [], remarks: [],
    experiments: [{ name: 'e', checkpoint: 'e.pt', twins: [], parent: undefined, notes: [],
      values: ['yes', 'No', 'on', 'OFF', 'y'].map((value, i) => ({ key: `k${i}`, value, source: 's', pinned: false })) }],
  })
  assert.deepEqual(parse(text).experiments.e.hparams, { k0: 'yes', k1: 'No', k2: 'on', k3: 'OFF', k4: 'y' })
  assert.match(text, /k0: "yes"/)
})
