import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { auditManifest, type AuditIO } from '../../src/audit/audit.ts'
import { fileIO } from '../../src/check.ts'
import { sha256File } from '../../src/checkpoint/sha256.ts'
import { parseManifest } from '../../src/manifest/parse.ts'
import { fixture } from '../support/fixtures.ts'

const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-audit-'))
mkdirSync(join(ws, 'c'))
for (const [from, to] of [
  ['torch113/grpo.epoch1.pt', 'grpo.pt'], ['torch113/ambiguous.pt', 'ambiguous.pt'], ['torch113/hparam_types.pt', 'types.pt'],
  ['torch113/optimizer_only.pt', 'optim.pt'], ['broken/lfs-pointer.pt', 'lfs.pt'], ['hostile/container--zip-data-pkl.pt', 'evil.pt'],
  ['modern/weights.safetensors', 'w.safetensors'],
]) copyFileSync(fixture(from), join(ws, 'c', to))

function manifest(experiments: string, checks = ''): ReturnType<typeof parseManifest> {
  const text = `version: 1\nroot: c\n${checks}experiments:\n${experiments}`
  writeFileSync(join(ws, 'm.yml'), text)
  return parseManifest(text, join(ws, 'm.yml'), ws)
}
const codes = (findings: readonly { code: string, severity: string }[]) => findings.map(f => `${f.severity}:${f.code}`)

test('hparam-mismatch is an error for fail_on keys, a warning otherwise', async () => {
  const r = await auditManifest(manifest('  a:\n    checkpoint: grpo.pt\n    hparams: {kl_beta: 0.15, lr: 1e-4, phase: grpo}\n'), fileIO)
  assert.deepEqual(codes(r.findings), ['error:hparam-mismatch', 'warning:hparam-mismatch'])
  assert.equal(r.status, 'fail')
  const f = r.findings[0]!
  assert.deepEqual([f.key, f.recorded, f.stored, f.source, f.checkpoint, f.location?.line, f.location?.column], ['kl_beta', 0.15, 0.1, 'args.KL_BETA', 'grpo.pt', 6, 24])
  assert.deepEqual(r.experiments[0]!.hparams.map(h => h.status), ['mismatch', 'mismatch', 'match'])
})

test('--fail-on overrides the manifest', async () => {
  const m = manifest('  a:\n    checkpoint: grpo.pt\n    hparams: {kl_beta: 0.15, lr: 1e-4}\n')
  const r = await auditManifest(m, fileIO, { failOn: ['lr'] })
  assert.deepEqual(codes(r.findings), ['error:hparam-mismatch', 'warning:hparam-mismatch'])
  assert.equal(r.findings[0]!.key, 'lr')
})

test('hparam-missing: error for fail_on keys, notice otherwise; explicit at: paths', async () => {
  const r = await auditManifest(manifest('  a:\n    checkpoint: w.safetensors\n    hparams: {kl_beta: 0.1, k: 64, data: {value: x, at: args.DATA}}\n', 'checks: {fail_on: [kl_beta, k]}\n'), fileIO)
  assert.deepEqual(codes(r.findings), ['error:hparam-missing', 'notice:hparam-missing'])
  assert.match(r.findings[1]!.message, /has nothing at args\.DATA/)
})

test('hparam-ambiguous lists both stored values: an error for a gated key (which value is the setting is unknown), else a warning', async () => {
  const ungated = await auditManifest(manifest('  a:\n    checkpoint: ambiguous.pt\n    hparams: {kl_beta: 0.1}\n', 'checks: {fail_on: [lr]}\n'), fileIO)
  assert.deepEqual(codes(ungated.findings), ['warning:hparam-ambiguous'])
  const r = await auditManifest(manifest('  a:\n    checkpoint: ambiguous.pt\n    hparams: {kl_beta: 0.1}\n'), fileIO)
  assert.deepEqual(codes(r.findings), ['error:hparam-ambiguous'])
  assert.match(r.findings[0]!.message, /name the one you mean with at:/)
  assert.match(r.findings[0]!.message, /0\.1 at args\.KL_BETA, 0\.15 at config\.kl_coef/)
  assert.equal(r.experiments[0]!.hparams[0]!.status, 'ambiguous')
})

test('tolerance edge cases: float32, 1e-6 relative, ints vs floats, strings that hold numbers', async () => {
  const r = await auditManifest(manifest([
    '  f32:\n    checkpoint: types.pt\n    hparams: {kl_beta: 0.18, lr: 2.0e-5, warmup: 100.0, global_step: 1234}\n',
    '  rel:\n    checkpoint: grpo.pt\n    hparams: {kl_beta: 0.10000001, lr: "5e-5", K: "64"}\n',
    '  off:\n    checkpoint: grpo.pt\n    hparams: {kl_beta: 0.1000002}\n',
  ].join('')), fileIO)
  assert.deepEqual(r.experiments.map(e => e.hparams.map(h => h.status)), [['match', 'match', 'match', 'match'], ['match', 'match', 'match'], ['mismatch']])
  assert.equal(r.experiments[0]!.hparams[0]!.note, 'stored as float32')
})

test('epoch_base: 0 shows both numbers', async () => {
  const r = await auditManifest(manifest('  a:\n    checkpoint: grpo.pt\n    hparams: {epoch: 1}\n', 'checks: {epoch_base: 0}\n'), fileIO)
  assert.deepEqual(r.experiments[0]!.hparams[0], { key: 'epoch', recorded: 1, stored: 0, source: 'epoch', status: 'match', note: 'recorded epoch 1 = stored 0, 0-based', location: r.experiments[0]!.hparams[0]!.location })
  const plain = await auditManifest(manifest('  a:\n    checkpoint: grpo.pt\n    hparams: {epoch: 1}\n'), fileIO)
  assert.equal(plain.experiments[0]!.hparams[0]!.status, 'mismatch')
})

test('unreadable and unsafe checkpoints are findings; the others are still audited', async () => {
  const r = await auditManifest(manifest([
    '  lfs:\n    checkpoint: lfs.pt\n    hparams: {kl_beta: 0.1}\n',
    '  gone:\n    checkpoint: missing.pt\n',
    '  evil:\n    checkpoint: evil.pt\n',
    '  ok:\n    checkpoint: grpo.pt\n    hparams: {kl_beta: 0.1}\n',
  ].join('')), fileIO)
  assert.deepEqual(codes(r.findings), ['error:unreadable', 'error:unreadable', 'error:unsafe-pickle'])
  assert.match(r.findings[0]!.message, /lfs-pointer: .*git lfs pull/)
  assert.match(r.findings[1]!.message, /not-found/)
  assert.match(r.findings[2]!.message, /posix\.system/)
  assert.deepEqual(r.experiments.map(e => e.error?.reason ?? 'ok'), ['lfs-pointer', 'not-found', 'ok', 'ok'])
  assert.equal(r.experiments[3]!.hparams[0]!.status, 'match')
})

test('sha256 pins: a match is silent, a mismatch is an error', async () => {
  const good = await sha256File(join(ws, 'c', 'grpo.pt'))
  const r = await auditManifest(manifest(`  a:\n    checkpoint: grpo.pt\n    sha256: ${good}\n  b:\n    checkpoint: grpo.pt\n    sha256: "${'0'.repeat(64)}"\n`), fileIO)
  assert.deepEqual(codes(r.findings), ['error:sha256-mismatch'])
  assert.equal(r.findings[0]!.experiment, 'b')
  assert.equal(r.findings[0]!.location?.line, 9)
})

test('a checkpoint named by several experiments is opened once', async () => {
  let opens = 0
  const counting: AuditIO = { ...fileIO, open: path => { opens++; return fileIO.open(path) } }
  const r = await auditManifest(manifest('  a: {checkpoint: grpo.pt, hparams: {kl_beta: 0.1}}\n  b: {checkpoint: grpo.pt, hparams: {lr: 5e-5}}\n  c: {checkpoint: types.pt}\n'), counting)
  assert.equal(opens, 2)
  assert.equal(r.status, 'pass')
})
