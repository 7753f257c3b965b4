import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { auditManifest } from '../../src/audit/audit.ts'
import { checkManifest, fileIO } from '../../src/check.ts'
import { parseManifest } from '../../src/manifest/parse.ts'
import { fixture } from '../support/fixtures.ts'

const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-weights-'))
mkdirSync(join(ws, 'c'))
for (const f of ['base.pt', 'moved.pt', 'bf16.pt', 'views.pt']) copyFileSync(fixture(`pairs/${f}`), join(ws, 'c', f))
function manifest(experiments: string, checks = ''): ReturnType<typeof parseManifest> {
  const text = `version: 1\nroot: c\n${checks}experiments:\n${experiments}`
  writeFileSync(join(ws, 'm.yml'), text)
  return parseManifest(text, join(ws, 'm.yml'), ws)
}
const codes = (r: { findings: readonly { code: string, severity: string }[] }) => r.findings.map(f => `${f.severity}:${f.code}`)

test('okvqa: the seed story from the weights', async () => {
  const r = await checkManifest('examples/okvqa/ckpt-audit.yml')
  assert.deepEqual(codes(r), ['error:hparam-mismatch', 'warning:hparam-mismatch', 'warning:not-final-epoch', 'warning:parent-mismatch',
    'warning:frozen-changed', 'warning:near-duplicate', 'warning:near-duplicate', 'warning:near-duplicate', 'notice:hparam-missing'])
  const parent = r.findings.find(f => f.code === 'parent-mismatch')!
  assert.match(parent.message, /point to rce_epoch2 .*3 of 7 tensors bit-identical to rce_epoch2 \(backbone\.\*\), 3,072 parameter bytes, mean \|a−b\| 4\.06e-3; /)
  assert.match(parent.message, /0 bit-identical to rce_epoch5, 0 bytes, mean \|a−b\| 3\.86e-2 \(rule: at least 2× the declared parent's identical bytes\)/)
  const pairs = r.findings.filter(f => f.code === 'near-duplicate').map(f => f.message.split(' have ')[0])
  assert.deepEqual(pairs, ['kl012_frozen and kl015_unfrozen', 'kl012_frozen and kl018_frozen', 'kl015_unfrozen and kl018_frozen'])
  assert.deepEqual(r.lineage.find(l => l.child === 'kl015_frozen'), { child: 'kl015_frozen', declared: 'rce_epoch5', inferred: 'rce_epoch2', identical_tensors: 3, total_tensors: 7, mean_abs_diff: r.lineage[0]!.mean_abs_diff, mismatch: true })
  assert.ok(!r.findings.some(f => f.code === 'twin-mismatch'), 'the .pt and .ckpt twins agree')
  assert.ok(!r.findings.some(f => f.code === 'trained-unchanged'), 'the projection layers were trained')
})

test('twins: different weights are an error; a bf16 twin within rounding is not', async () => {
  const r = await auditManifest(manifest('  a:\n    checkpoint: base.pt\n    twins: [moved.pt, bf16.pt]\n'), fileIO)
  assert.deepEqual(codes(r), ['error:twin-mismatch'])
  assert.match(r.findings[0]!.message, /base\.pt and its twin moved\.pt disagree: 2 of 5 tensors differ \(head\.\*; mean \|a−b\| 1\.17e-2\)$/)
})

test('twins: different stored hyperparameters are an error', async () => {
  copyFileSync('examples/okvqa/results/okvqa/model_cpk/kl012_frozen/grpo_epoch1.pt', join(ws, 'c', 'k1.pt'))
  copyFileSync('examples/okvqa/results/okvqa/model_cpk/kl018_frozen/grpo_epoch1.pt', join(ws, 'c', 'k2.pt'))
  const r2 = await auditManifest(manifest('  a:\n    checkpoint: k1.pt\n    twins: [k2.pt]\n'), fileIO)
  assert.deepEqual(codes(r2), ['error:twin-mismatch'])
  assert.match(r2.findings[0]!.message, /kl_beta is 0\.12 \(args\.KL_BETA\) here but 0\.18000000715255737 \(args\.KL_BETA\) in the twin/)
})

test('frozen-changed and trained-unchanged against the declared parent', async () => {
  const r = await auditManifest(manifest('  p: {checkpoint: base.pt}\n  c:\n    checkpoint: moved.pt\n    parent: p\n    frozen: ["head.*", "nothing.*"]\n    trained: ["backbone.*"]\n'), fileIO)
  assert.deepEqual(codes(r), ['warning:frozen-changed', 'warning:glob-unmatched', 'warning:trained-unchanged'])
  assert.match(r.findings[0]!.message, /frozen 'head\.\*': 2 of 2 tensors differ from p/)
  assert.match(r.findings[1]!.message, /frozen glob 'nothing\.\*' matches no tensor/)
  assert.match(r.findings[2]!.message, /trained 'backbone\.\*': 2 of 2 tensors are bit-identical to p/)
})

test('near-duplicate: bit-identical weights under different records', async () => {
  const r = await auditManifest(manifest('  a: {checkpoint: base.pt, hparams: {kl_beta: 0.1}}\n  b: {checkpoint: base.pt, hparams: {kl_beta: 0.2}}\n  c: {checkpoint: views.pt, hparams: {kl_beta: 0.3}}\n  d: {checkpoint: moved.pt, hparams: {kl_beta: 0.4}}\n', 'checks: {fail_on: []}\n'), fileIO)
  const dup = r.findings.filter(f => f.code === 'near-duplicate').map(f => f.message)
  assert.equal(dup.length, 3)
  assert.match(dup[0]!, /^a and b have bit-identical weights although their records differ \(kl_beta 0\.1 vs 0\.2\)/)
  assert.match(dup[1]!, /^a and c have the same values in every shared tensor although their records differ \(kl_beta 0\.1 vs 0\.3\)/)
})

test('weights: never skips every weight check (and says the claims were not checked)', async () => {
  const r = await auditManifest(manifest('  a:\n    checkpoint: base.pt\n    twins: [moved.pt]\n'), fileIO, { weights: 'never' })
  assert.deepEqual(codes(r), ['notice:weights-unchecked'])
  assert.deepEqual(r.pairs, [])
})
