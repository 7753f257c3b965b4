/**
 * A run directory's side files that provably are no pickle stay notices (docs/security.md §7.5):
 * a Git LFS pointer, an empty file, a folder named like a checkpoint. Anything else that cannot be
 * scanned fails closed (the `unscannable--` cases of test/fixtures/hostile).
 */
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'

const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-side-files-'))
after(() => rmSync(work, { recursive: true, force: true }))

test('an LFS pointer, an empty file and a folder beside the weights are notices, not unsafe', async () => {
  const run = join(work, 'run')
  mkdirSync(join(run, 'extra.ckpt'), { recursive: true })
  writeFileSync(join(run, 'config.json'), JSON.stringify({ learning_rate: 0.001 }))
  writeFileSync(join(run, 'optimizer.pt'), 'version https://git-lfs.github.com/spec/v1\noid sha256:' + '0'.repeat(64) + '\nsize 1234\n')
  writeFileSync(join(run, 'scheduler.pt'), '')
  const result = await inspectPath(run)
  assert.equal(result.error, null, JSON.stringify(result.error))
  assert.deepEqual(result.unsafe_globals, [])
  const notices = result.notices.join('\n')
  assert.match(notices, /optimizer\.pt: not scanned \(lfs-pointer\)/)
  assert.match(notices, /scheduler\.pt: not scanned \(empty\)/)
})

test('pickles in sub-folders of a run directory with its own weights are scanned too (checkpoint-N/optimizer.pt)', async () => {
  const { copyFileSync } = await import('node:fs')
  const { writeSafetensors } = await import('../support/safetensors.ts')
  const hostile = join(import.meta.dirname, '..', 'fixtures', 'hostile', 'process--posix-system.pkl')
  const run = join(work, 'run-with-subfolders')
  mkdirSync(join(run, 'checkpoint-10'), { recursive: true })
  mkdirSync(join(run, 'logs', 'deep'), { recursive: true })
  writeFileSync(join(run, 'config.json'), JSON.stringify({ learning_rate: 0.001 }))
  writeSafetensors(join(run, 'model.safetensors'), { w: { dtype: 'F32', shape: [4], values: [1, 2, 3, 4] } })
  copyFileSync(hostile, join(run, 'checkpoint-10', 'optimizer.pt'))
  copyFileSync(hostile, join(run, 'logs', 'deep', 'rng_state.pth'))
  const result = await inspectPath(run)
  assert.equal(result.error, null, JSON.stringify(result.error))
  assert.deepEqual(result.unsafe_globals, ['posix.system'])
  // check names where each one sits, and fails
  const { checkManifest } = await import('../../src/check.ts')
  writeFileSync(join(work, 'runs.yml'), 'version: 1\nexperiments:\n  r: {checkpoint: run-with-subfolders}\n')
  const report = await checkManifest(join(work, 'runs.yml'), {})
  const unsafe = report.findings.filter(f => f.code === 'unsafe-pickle' && f.severity === 'error').map(f => f.message).join('\n')
  assert.match(unsafe, /checkpoint-10\/optimizer\.pt/)
  assert.match(unsafe, /logs\/deep\/rng_state\.pth/)
})
