/**
 * Issue G, adversarial review: layouts on which the first version of the weight verdicts still
 * passed (or failed) for the wrong reason. Files written by real torch
 * (test/fixtures/make_weight_cases.py, sections 13–21); hostile pickles are the hand-made ones
 * of test/fixtures/hostile.
 */
import assert from 'node:assert/strict'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { listTensors } from '../../src/audit/inspect.ts'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { renderDiffText } from '../../src/report/diff-text.ts'
import { diffCheckpoints } from '../../src/weights/diff.ts'
import { fixture } from '../support/fixtures.ts'
import { casesWorkspace, codes, messageOf } from '../support/weight-cases.ts'

const { ws, audit } = casesWorkspace('ckpt-audit-review-')

async function diffFiles(a: string, b: string) {
  const [x, y] = [await openCheckpoint(join(ws, 'c', a)), await openCheckpoint(join(ws, 'c', b))]
  try {
    return await diffCheckpoints(x, y)
  } finally {
    await x.close()
    await y.close()
  }
}

test('1. a frozen tensor the child dropped, or reshaped, is frozen-changed; a trained one it dropped is weights-unchecked', async () => {
  // uncomparedNames only looked at the child's side: a tensor only the parent has matched no glob, ✅ even under --strict
  const dropped = await audit('  p: {checkpoint: drop_parent.pt}\n  c:\n    checkpoint: drop_child.pt\n    parent: p\n    frozen: ["backbone.*"]\n')
  assert.deepEqual(codes(dropped), ['warning:frozen-changed'])
  assert.match(messageOf(dropped, 'frozen-changed'), /absent from the child \(backbone\.l3\.weight\)/)
  const reshaped = await audit('  p: {checkpoint: drop_parent.pt}\n  c:\n    checkpoint: shape_child.pt\n    parent: p\n    frozen: ["backbone.l2.*"]\n')
  assert.deepEqual(codes(reshaped), ['warning:frozen-changed'])
  assert.match(messageOf(reshaped, 'frozen-changed'), /changed shape \(backbone\.l2\.weight\)/)
  const trained = await audit('  p: {checkpoint: drop_parent.pt}\n  c:\n    checkpoint: drop_child.pt\n    parent: p\n    trained: ["backbone.l3.*"]\n')
  assert.deepEqual(codes(trained), ['notice:weights-unchecked'])
})

test('2. weights only under ema/config are the weights: twins that differ there disagree, and a diff over 0 tensors is never identical', async () => {
  const r = await audit('  e:\n    checkpoint: ema_only_a.pt\n    twins: [ema_only_b.pt]\n  f:\n    checkpoint: cfg_only_a.pt\n    twins: [cfg_only_b.pt]\n')
  assert.deepEqual(codes(r), ['error:twin-mismatch', 'error:twin-mismatch'])
  const none = await diffFiles('no_tensors.pt', 'no_tensors.pt')
  assert.equal(none.identical, false, 'nothing compared is no evidence of identity')
  const near = await audit('  a: {checkpoint: no_tensors.pt, hparams: {lr: 1}}\n  b: {checkpoint: no_tensors.pt, hparams: {lr: 2}}\n')
  assert.ok(!codes(near).includes('warning:near-duplicate'), codes(near).join())
})

test('3. every pickle of a run folder is scanned, also in checkpoints that were not selected', async () => {
  const hf = join(ws, 'c', 'hf-evil-old')
  cpSync(fixture('cases/hf_run'), hf, { recursive: true })
  cpSync(fixture('hostile/container--zip-data-pkl.pt'), join(hf, 'checkpoint-5', 'optimizer.pt'))
  const lt = join(ws, 'c', 'lt-evil-old')
  cpSync(fixture('cases/lightning_run'), lt, { recursive: true })
  cpSync(fixture('hostile/container--zip-data-pkl.pt'), join(lt, 'version_0', 'checkpoints', 'epoch=0-step=9.ckpt'))
  const r = await audit('  hf: {checkpoint: hf-evil-old}\n  lt: {checkpoint: lt-evil-old}\n')
  assert.deepEqual(codes(r), ['error:unsafe-pickle', 'error:unsafe-pickle'])
  assert.deepEqual(r.findings.map(f => f.experiment), ['hf', 'lt'])
  assert.match(messageOf(r, 'unsafe-pickle'), /posix\.system \(in checkpoint-5\/optimizer\.pt\)/)
})

test('3. diff reports the unsafe globals of either file (JSON unsafe_globals, a warning line in the text)', async () => {
  cpSync(fixture('hostile/container--zip-extra-member.pt'), join(ws, 'c', 'evil-extra.pt'))
  const d = await diffFiles('evil-extra.pt', 'evil-extra.pt')
  assert.deepEqual(d.unsafe_globals, ['os.system'])
  assert.match(renderDiffText(d), /warning: .*code-running globals.*os\.system/)
  assert.deepEqual((await diffFiles('tiny_p1.pt', 'tiny_p2.pt')).unsafe_globals, [])
})

test('4. Lightning last.ckpt (and last-v1.ckpt) wins over step-named files; an HF best path of another run is ignored', async () => {
  const r = await audit('  l: {checkpoint: lightning_last}\n  v: {checkpoint: lightning_last_v1}\n  h: {checkpoint: hf_foreign_best}\n'
    + '  f: {checkpoint: lightning_foreign_best}\n')
  const selected = Object.fromEntries(r.experiments.map(e => [e.name, e.selected]))
  assert.match(selected.l!, /^checkpoints\/last\.ckpt /)
  assert.match(selected.v!, /^checkpoints\/last-v1\.ckpt /)
  assert.match(selected.h!, /^checkpoint-12 \(the highest step/)
  assert.match(selected.f!, /^checkpoints\/epoch=1-step=20\.ckpt \(the highest step/)
})

test('7. a crashed newest version (hparams.yaml only) or an HF checkpoint-N without weights does not win', async () => {
  const r = await audit('  l: {checkpoint: lightning_crashed}\n  h: {checkpoint: hf_no_weights}\n')
  assert.deepEqual(codes(r), [])
  const selected = Object.fromEntries(r.experiments.map(e => [e.name, e.selected]))
  assert.match(selected.l!, /^version_0\/checkpoints\/epoch=2-step=30\.ckpt/)
  assert.match(selected.h!, /^checkpoint-50 /)
})

test('8. no parent-mismatch on a tie: a tiny model bit-identical to two candidates', async () => {
  const r = await audit('  p1: {checkpoint: tiny_p1.pt}\n  p2: {checkpoint: tiny_p2.pt}\n  c: {checkpoint: tiny_child.pt, parent: p1}\n')
  assert.deepEqual(codes(r), [])
})

test('8. leaf names are never aligned by stripping different first segments (x.weight is not y.weight)', async () => {
  const d = await diffFiles('disjoint_child.pt', 'disjoint_root.pt')
  assert.equal(d.tensors.length, 0)
  const r = await audit('  p: {checkpoint: disjoint_parent.pt}\n  r: {checkpoint: disjoint_root.pt}\n  c: {checkpoint: disjoint_child.pt, parent: p}\n')
  // nothing in common with either: the parent claim is unverified, never contradicted by the other root, never a silent pass
  assert.deepEqual(codes(r), ['notice:weights-unchecked'])
  assert.match(messageOf(r, 'weights-unchecked'), /^parent could not be checked: disjoint_child\.pt shares no tensor name with p$/)
})

test('9. no near-duplicate from one shared 0-dim constant, nor between a healthy and an all-NaN run', async () => {
  const r = await audit('  a: {checkpoint: arch_a.pt, hparams: {lr: 1}}\n  b: {checkpoint: arch_b.pt, hparams: {lr: 2}}\n'
    + '  h: {checkpoint: drop_parent.pt, hparams: {lr: 3}}\n  n: {checkpoint: all_nan.pt, hparams: {lr: 4}}\n')
  assert.deepEqual(codes(r).filter(c => !c.endsWith(':hparam-missing')), [])
})

test('10a. fp16 and bf16 exports of small values (fp16 subnormals) are twins', async () => {
  const r = await audit('  a:\n    checkpoint: small_fp32.pt\n    twins: [small_fp16.pt, small_bf16.pt]\n')
  assert.deepEqual(codes(r), [])
})

test('10b. tied weights keep every name: a whole module with head.weight = emb.weight is the twin of its state_dict', async () => {
  const r = await audit('  a:\n    checkpoint: tied_whole.pt\n    twins: [tied_state.pt]\n  b:\n    checkpoint: tied_state.pt\n    twins: [tied_whole.pt]\n')
  assert.deepEqual(codes(r), [])
  const twice = await openCheckpoint(join(ws, 'c', 'twice.pt'))
  assert.deepEqual(listTensors(twice).map(t => t.name), ['a', 'b'])
  await twice.close()
})

test('10c. timm state_dict_ema / model_ema are EMA containers, left out on both sides', async () => {
  const r = await audit('  a:\n    checkpoint: ema_plain.pt\n    twins: [timm_ema.pt, timm_model_ema.pt]\n')
  assert.deepEqual(codes(r), [])
})

test('5. diff counts NaN against a number per tensor and overall, and the text says so', async () => {
  const d = await diffFiles('nan_none.pt', 'nan_one.pt')
  assert.equal(d.identical, false)
  assert.equal(d.nan_mismatch, 1)
  assert.equal(d.tensors[0]!.nan_mismatch, 1)
  assert.match(renderDiffText(d), /1 element.* NaN/)
})

test('12. an infinite distance is "inf" in JSON, never null (null means no floating tensors in common)', async () => {
  const d = await diffFiles('inf_a.pt', 'inf_b.pt')
  const json = JSON.parse(JSON.stringify(d)) as { mean_abs_diff: unknown, max_abs_diff: unknown, tensors: Array<{ mean_abs_diff: unknown }> }
  assert.equal(json.mean_abs_diff, 'inf')
  assert.equal(json.max_abs_diff, 'inf')
  assert.equal(json.tensors[0]!.mean_abs_diff, 'inf')
})

test('6/11. a byte-identical copy of a quantized checkpoint is its twin', async () => {
  cpSync(fixture('cases/quantized.pt'), join(ws, 'c', 'quantized_copy.pt'))
  const r = await audit('  q:\n    checkpoint: quantized.pt\n    twins: [quantized_copy.pt]\n')
  assert.deepEqual(codes(r), [])
})

test('m14. a near-duplicate sibling that declares no parent: the near-duplicate is reported, and the parent-mismatch says it may be one', async () => {
  // by distance alone a parent and a near-identical sibling look the same: both are reported, neither suppresses the other
  const r = await audit('  base: {checkpoint: dup_base.pt}\n  d0: {checkpoint: dup_0.pt, parent: base, hparams: {lr: 0.1}}\n'
    + '  d1: {checkpoint: dup_1.pt, hparams: {lr: 0.2}}\n')
  assert.deepEqual(codes(r).filter(c => !c.endsWith(':hparam-missing')), ['warning:parent-mismatch', 'warning:near-duplicate'])
  assert.match(messageOf(r, 'parent-mismatch'), /d1 may instead be a near-duplicate of d0, not its parent/)
  assert.match(messageOf(r, 'near-duplicate'), /d0 and d1 have near-identical weights/)
})
