/**
 * Issue G: layouts on which the weight checks used to pass (or fail) for the wrong reason. Each
 * test names the way the old code got it wrong; the files are written by real torch
 * (test/fixtures/make_weight_cases.py).
 */
import assert from 'node:assert/strict'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { expectedOf, fixture } from '../support/fixtures.ts'
import { casesWorkspace, codes, messageOf } from '../support/weight-cases.ts'

const { ws, audit } = casesWorkspace('ckpt-audit-verdicts-')
const truth = expectedOf('cases')

test('all names under one prefix: frozen encoder.layer1.* changed and trained encoder.head.* untouched are both caught', async () => {
  // the old common-prefix stripping renamed encoder.layer1.weight to layer1.weight: the globs matched nothing, ✅
  const r = await audit('  p: {checkpoint: encoder_parent.pt}\n  c:\n    checkpoint: encoder_child.pt\n    parent: p\n'
    + '    frozen: ["encoder.layer1.*"]\n    trained: ["encoder.head.*"]\n')
  assert.deepEqual(codes(r), ['warning:frozen-changed', 'warning:trained-unchanged'])
  assert.match(messageOf(r, 'frozen-changed'), /encoder\.layer1\.weight/)
})

test('a backbone-only parent aligns with its full child on the backbone', async () => {
  const r = await audit('  p: {checkpoint: backbone_only.pt}\n  c:\n    checkpoint: backbone_child.ckpt\n    parent: p\n    frozen: ["backbone.*"]\n')
  assert.deepEqual(codes(r), [])
  const edge = r.lineage.find(l => l.child === 'c')!
  assert.equal(edge.total_tensors, 2)
  assert.equal(edge.identical_tensors, 2)
})

test('HF naming: an lm_head.weight outside model.* that differs between twins is a twin-mismatch', async () => {
  const r = await audit('  a:\n    checkpoint: hf.bin\n    twins: [hf_twin.bin]\n')
  assert.deepEqual(codes(r), ['error:twin-mismatch'])
  assert.match(messageOf(r, 'twin-mismatch'), /lm_head/)
})

test('a whole pickled module aligns with its state_dict (state_dict names, not _modules.0._parameters)', async () => {
  const same = await audit('  a:\n    checkpoint: whole_module.pt\n    twins: [whole_state.pt]\n')
  assert.deepEqual(codes(same), [])
  assert.equal(same.details[0]!.tensors.length, 7)
  assert.ok(same.details[0]!.tensors.some(t => t.name === '0.weight'))
  const moved = await audit('  a:\n    checkpoint: whole_module.pt\n    twins: [whole_moved.pt]\n')
  assert.deepEqual(codes(moved), ['error:twin-mismatch'])
})

test('frozen across dtypes: a bf16 export of the fp32 parent is unchanged within bfloat16 rounding', async () => {
  const r = await audit('  p: {checkpoint: fp32_parent.pt}\n  c:\n    checkpoint: bf16_child.pt\n    parent: p\n'
    + '    frozen: ["backbone.*"]\n    trained: ["head.*"]\n')
  assert.deepEqual(codes(r), ['warning:trained-unchanged'])
  assert.match(messageOf(r, 'trained-unchanged'), /bfloat16 rounding/)
})

test('NaN against a number differs across dtypes; NaN against NaN at the same place is equal', async () => {
  const r = await audit('  a:\n    checkpoint: nan_fp32.pt\n    twins: [nan_bf16.pt, nan_same.pt]\n')
  assert.deepEqual(codes(r), ['error:twin-mismatch'])
  assert.match(messageOf(r, 'twin-mismatch'), /twin nan_bf16\.pt disagree: 1 of 2 tensors differ \(w;/)
})

test('lineage: identical integer buffers and tiny tensors are no evidence against a much closer declared parent', async () => {
  const r = await audit('  decl: {checkpoint: lineage_declared.pt}\n  other: {checkpoint: lineage_other.pt}\n'
    + '  c: {checkpoint: lineage_child.pt, parent: decl}\n')
  assert.deepEqual(codes(r), [])
  assert.ok(truth.lineage.to_declared * 10 < truth.lineage.to_other)
})

test('near-duplicates: six near-identical runs from one parent are all flagged against how far training moved them', async () => {
  const runs = [0, 1, 2, 3, 4, 5].map(i => `  run${i}: {checkpoint: fleet_${i}.pt, parent: p, hparams: {kl_beta: 0.${i + 1}}}\n`).join('')
  const r = await audit(`  p: {checkpoint: fleet_parent.pt}\n${runs}`)
  const dups = r.findings.filter(f => f.code === 'near-duplicate')
  assert.equal(dups.length, 15)
  assert.match(dups[0]!.message, /from their parents/)
  assert.ok(truth.fleet.pair_0_1 < 0.1 * Math.min(...truth.fleet.parent_distance))
})

test('complex, bool and uint8 tensors are compared, never skipped while identical stays true', async () => {
  const r = await audit('  a:\n    checkpoint: odd_a.pt\n    twins: [odd_b.pt]\n')
  assert.deepEqual(codes(r), ['error:twin-mismatch'])
  assert.match(messageOf(r, 'twin-mismatch'), /2 of 3 tensors differ \(c, mask;/)
})

test('twins: one without tensors, or missing a tensor, is a twin-mismatch naming what is missing', async () => {
  const none = await audit('  a:\n    checkpoint: backbone_only.pt\n    twins: [no_tensors.pt]\n')
  assert.deepEqual(codes(none), ['error:twin-mismatch'])
  assert.match(messageOf(none, 'twin-mismatch'), /no_tensors\.pt holds no weight tensors/)
  const missing = await audit('  a:\n    checkpoint: backbone_only.pt\n    twins: [backbone_missing_bias.pt]\n')
  assert.deepEqual(codes(missing), ['error:twin-mismatch'])
  assert.match(messageOf(missing, 'twin-mismatch'), /missing backbone\.bias/)
})

test('a frozen glob that matches nothing is glob-unmatched, listing the nearest names; its severity follows checks.unverified', async () => {
  const text = '  p: {checkpoint: backbone_only.pt}\n  c:\n    checkpoint: backbone_child.ckpt\n    parent: p\n    frozen: ["backbone.weights"]\n'
  const r = await audit(text)
  assert.deepEqual(codes(r), ['warning:glob-unmatched'])
  assert.match(messageOf(r, 'glob-unmatched'), /'backbone\.weights' matches no tensor.*nearest: backbone\.weight/)
  const strict = await audit(text, 'checks: {fail_on: [], unverified: error}\n')
  assert.deepEqual(codes(strict), ['error:glob-unmatched'])
})

test('a frozen claim against an unreadable parent is weights-unchecked', async () => {
  const r = await audit('  p: {checkpoint: missing.pt}\n  c:\n    checkpoint: backbone_child.ckpt\n    parent: p\n    frozen: ["backbone.*"]\n')
  assert.deepEqual(codes(r), ['error:unreadable', 'notice:weights-unchecked'])
  assert.match(messageOf(r, 'weights-unchecked'), /^parent, frozen 'backbone\.\*' could not be checked: p or backbone_child\.ckpt has no readable weights/)
  const path = await audit('  c:\n    checkpoint: backbone_child.ckpt\n    parent: no_tensors.pt\n')
  assert.deepEqual(codes(path), ['notice:weights-unchecked'], 'a parent path without weights is said, not passed')
})

test('a twin and a parent given as a path are safety-scanned: posix.system there is an unsafe-pickle error of the experiment (exit 1)', async () => {
  cpSync(fixture('hostile/container--zip-data-pkl.pt'), join(ws, 'c', 'evil.pt'))
  const twin = await audit('  a:\n    checkpoint: backbone_only.pt\n    twins: [evil.pt]\n')
  assert.ok(codes(twin).includes('error:unsafe-pickle'), codes(twin).join())
  const finding = twin.findings.find(f => f.code === 'unsafe-pickle')!
  assert.equal(finding.experiment, 'a')
  assert.match(finding.message, /evil\.pt \(referenced by a\) names code-running globals.*posix\.system/)
  assert.equal(twin.status, 'fail')
  const parent = await audit('  a:\n    checkpoint: backbone_child.ckpt\n    parent: evil.pt\n')
  assert.ok(codes(parent).includes('error:unsafe-pickle'), codes(parent).join())
})

test('every pickle member of a run directory is scanned (optimizer.pt, scheduler.pt, rng_state.pth), attributed to the experiment', async () => {
  const run = join(ws, 'c', 'hf-evil-run')
  cpSync(fixture('modern/hf-run'), run, { recursive: true })
  cpSync(fixture('hostile/container--zip-data-pkl.pt'), join(run, 'rng_state.pth'))
  const r = await audit('  a: {checkpoint: hf-evil-run}\n')
  assert.deepEqual(codes(r), ['error:unsafe-pickle'])
  assert.match(messageOf(r, 'unsafe-pickle'), /posix\.system/)
})

test('run folders: the checkpoint is picked by the documented rule and the report names the choice', async () => {
  const r = await audit('  lt: {checkpoint: lightning_run}\n  lb: {checkpoint: lightning_best}\n  hf: {checkpoint: hf_run}\n  hb: {checkpoint: hf_best}\n')
  const selected = Object.fromEntries(r.experiments.map(e => [e.name, e.selected]))
  assert.deepEqual(selected, {
    lt: 'version_1/checkpoints/epoch=4-step=50.ckpt (the highest step of 1 .ckpt files, in the highest of 2 version_N folders)',
    lb: 'checkpoints/epoch=0-step=10.ckpt (the best_model_path that epoch=1-step=20.ckpt names)',
    hf: 'checkpoint-100 (the highest step of 3 checkpoint-N folders)',
    hb: 'checkpoint-10 (the best_model_checkpoint that checkpoint-20/trainer_state.json names)',
  })
  assert.deepEqual(r.experiments.map(e => e.format), ['torch-zip', 'torch-zip', 'run-dir', 'run-dir'])
  const { renderCheckText } = await import('../../src/report/check-text.ts')
  assert.match(renderCheckText(r), /lt {2}lightning_run {2}\(torch-zip; read version_1\/checkpoints\/epoch=4-step=50\.ckpt/)
})

test('run folders: a Lightning version_N folder (hparams.yaml beside checkpoints/) reads its last checkpoint by step, not by name', async () => {
  const { openCheckpoint } = await import('../../src/checkpoint/open.ts')
  const dir = join(ws, 'c', 'one-version')
  cpSync(fixture('cases/lightning_run/version_0'), join(dir, 'version_0'), { recursive: true })
  const c = await openCheckpoint(join(dir, 'version_0'))
  assert.match(c.selection!, /^checkpoints\/epoch=2-step=30\.ckpt \(the highest step of 3 \.ckpt files\)/)
  assert.ok(c.roots.some(r => r.file === 'hparams.yaml'), 'the version folder\'s hparams.yaml is kept as metadata')
  await c.close()
})

test('globs match the state_dict names as written too: model.backbone.* in a Lightning file aligned with a plain parent', async () => {
  const root = 'examples/okvqa/results/okvqa/model_cpk'
  cpSync(`${root}/v3_k64_grpo/grpo_epoch1_v2format.ckpt`, join(ws, 'c', 'lightning_v2.ckpt'))
  cpSync(`${root}/rce/rce_epoch2.pt`, join(ws, 'c', 'rce2.pt'))
  const r = await audit('  p: {checkpoint: rce2.pt}\n  c:\n    checkpoint: lightning_v2.ckpt\n    parent: p\n'
    + '    frozen: ["model.backbone.*", "backbone.*"]\n    trained: ["model.input_proj.*"]\n')
  assert.deepEqual(codes(r), [])
  assert.match(r.details[0]!.title, /names aligned: 'model\.' removed from lightning_v2\.ckpt/)
})
