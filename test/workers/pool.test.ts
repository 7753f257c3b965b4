/**
 * The worker pool gives the results of the in-process code, number for number: a diff spread over
 * the workers (each tensor whole on one of them, added up in one order) and a fingerprint made on a
 * worker. Broken data on a worker is the same CheckpointError as in-process, never a crash.
 */
process.env.CKPT_AUDIT_WORKERS = '2' // before the pool's first use: this file runs the pool whatever the cores
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { CheckpointError } from '../../src/checkpoint/errors.ts'
import { fingerprintCheckpoint, fingerprintInProcess } from '../../src/fingerprint/fingerprint-checkpoint.ts'
import { sampleSalt } from '../../src/fingerprint/sample-salt.ts'
import { alignPair } from '../../src/weights/align.ts'
import { diffCheckpoints } from '../../src/weights/diff.ts'
import { tensorStats } from '../../src/weights/tensor-diff.ts'
import { balancedGroups } from '../../src/workers/parallel-stats.ts'
import { workerCount, workerPool, workersWarning } from '../../src/workers/pool.ts'
import { writeSafetensors, type TensorSpec } from '../support/safetensors.ts'

const dir = mkdtempSync(join(tmpdir(), 'ckpt-pool-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const wave = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + seed))
const tensors = (shift: number): Record<string, TensorSpec> => ({
  'model.a.weight': { dtype: 'F32', shape: [300_001], values: wave(300_001, 1).map(v => v + shift) },
  'model.b.weight': { dtype: 'F32', shape: [70_000], values: wave(70_000, 2) },
  'model.c.weight': { dtype: 'F16', shape: [5_003], values: wave(5_003, 3).map(v => v + shift / 2) },
  'model.d.bias': { dtype: 'F64', shape: [17], values: wave(17, 4).map(v => v * (1 + shift)) },
  'model.e.steps': { dtype: 'I32', shape: [9], values: Float64Array.from({ length: 9 }, (_, i) => i + (shift > 0 ? 1 : 0)) },
})
writeSafetensors(join(dir, 'a.safetensors'), tensors(0))
writeSafetensors(join(dir, 'b.safetensors'), tensors(1e-3))

test('the pool is on here, and workerCount reads CKPT_AUDIT_WORKERS (0: off) and the cores', () => {
  assert.equal(workerPool()?.size, 2)
  assert.equal(workerCount({ CKPT_AUDIT_WORKERS: '0' }, 8), 0)
  assert.equal(workerCount({ CKPT_AUDIT_WORKERS: '3' }, 1), 3)
  assert.equal(workerCount({}, 1), 0, 'one core: no worker')
  assert.equal(workerCount({}, 2), 2)
  assert.equal(workerCount({}, 64), 4)
  assert.equal(workerCount({ CKPT_AUDIT_WORKERS: 'many' }, 2), 2, 'not a number: the default')
  for (const bad of ['many', '-1', '1.5', '1000', '2x'])
    assert.match(workersWarning({ CKPT_AUDIT_WORKERS: bad }) ?? '', /must be a whole number from 0 to 16/, bad)
  for (const good of [undefined, '', '0', '3', ' 4 ']) assert.equal(workersWarning({ CKPT_AUDIT_WORKERS: good }), undefined, String(good))
  assert.equal(workerCount({ CKPT_AUDIT_WORKERS: '1000' }, 8), 4, 'out of range: the default')
})

test('the CLI says when CKPT_AUDIT_WORKERS is not understood, and goes on', async () => {
  const { main } = await import('../../src/cli.ts')
  const saved = process.env.CKPT_AUDIT_WORKERS
  process.env.CKPT_AUDIT_WORKERS = 'abc'
  const errors: string[] = []
  try {
    assert.equal(await main(['--version'], () => {}, t => { errors.push(t) }), 0)
  } finally { process.env.CKPT_AUDIT_WORKERS = saved }
  assert.match(errors.join(''), /warning: CKPT_AUDIT_WORKERS must be a whole number from 0 to 16, got 'abc'/)
})

test('balanced groups: every item once, about equal weight, never an empty group', () => {
  const groups = balancedGroups([5, 1, 9, 3, 3, 7, 2], 3, x => x)
  assert.deepEqual(groups.flat().sort(), [1, 2, 3, 3, 5, 7, 9])
  const weights = groups.map(g => g.reduce((s, x) => s + x, 0))
  assert.ok(Math.max(...weights) - Math.min(...weights) <= 2, weights.join())
  assert.equal(balancedGroups([1], 4, x => x).length, 1)
  assert.deepEqual(balancedGroups([], 4, x => x), [])
})

test('a diff on the workers equals the in-process statistics of every tensor', async () => {
  const [a, b] = await Promise.all([openCheckpoint(join(dir, 'a.safetensors')), openCheckpoint(join(dir, 'b.safetensors'))])
  try {
    const diff = await diffCheckpoints(a, b)
    const pairs = alignPair(a.tensors, b.tensors).pairs
    assert.equal(diff.tensors.length, pairs.length)
    for (const p of pairs) {
      const local = await tensorStats({ checkpoint: a, tensor: p.a.tensor }, { checkpoint: b, tensor: p.b.tensor })
      const t = diff.tensors.find(x => x.name === p.name)!
      assert.equal(t.identical, local.identical, p.name)
      assert.equal(t.mean_abs_diff, local.elements === 0 ? 0 : local.sumAbsDiff / local.elements, p.name)
      assert.equal(t.max_abs_diff, local.maxAbsDiff, p.name)
      assert.equal(t.beyond_rounding, local.beyondRounding, p.name)
    }
    assert.equal(diff.tensors.find(t => t.name === 'model.b.weight')!.identical, true)
    assert.ok(diff.mean_abs_diff! > 0)
  } finally { await Promise.all([a.close(), b.close()]) }
})

test('a fingerprint made on a worker equals one made in-process', async () => {
  const c = await openCheckpoint(join(dir, 'b.safetensors'))
  try {
    const [pooled, local] = [await fingerprintCheckpoint(c), await fingerprintInProcess(c, await sampleSalt())]
    assert.deepEqual([...pooled.tensors.keys()].sort(), [...local.tensors.keys()].sort())
    for (const [name, t] of local.tensors) assert.deepEqual(pooled.tensors.get(name), t, name)
    assert.equal(pooled.saltId, local.saltId)
    assert.equal(pooled.bytesRead, local.bytesRead)
  } finally { await c.close() }
})

test('a file cut short after it was opened: the workers report a CheckpointError, as in-process code does', async () => {
  const path = join(dir, 'cut.safetensors')
  writeSafetensors(path, tensors(2e-3))
  const [a, cut] = [await openCheckpoint(join(dir, 'a.safetensors')), await openCheckpoint(path)]
  try {
    truncateSync(path, 4096)
    await assert.rejects(diffCheckpoints(a, cut), (e: unknown) => e instanceof CheckpointError)
    await assert.rejects(fingerprintCheckpoint(cut), (e: unknown) => e instanceof CheckpointError)
  } finally { await Promise.all([a.close(), cut.close()]) }
})
