import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import type { Checkpoint } from '../../src/checkpoint/checkpoint.ts'
import { openCheckpoint as open } from '../../src/checkpoint/open.ts'
import { fingerprintCheckpoint } from '../../src/fingerprint/fingerprint-checkpoint.ts'
import { fingerprintDiff } from '../../src/fingerprint/fingerprint-diff.ts'
import { samplePositions as positionsWith, SAMPLE_SIZE } from '../../src/fingerprint/positions.ts'
import { environmentSalt, sampleSalt, saltOf } from '../../src/fingerprint/sample-salt.ts'
import { diffCheckpoints } from '../../src/weights/diff.ts'
import { writeSafetensors, type TensorSpec } from '../support/safetensors.ts'

const dir = mkdtempSync(join(tmpdir(), 'ckpt-fp-'))
const opened: Checkpoint[] = []
after(async () => {
  for (const c of opened) await c.close()
  rmSync(dir, { recursive: true, force: true })
})
const openCheckpoint = async (path: string): Promise<Checkpoint> => {
  const c = await open(path)
  opened.push(c)
  return c
}

const N = 20_000
const index = Float64Array.from({ length: N }, (_, i) => i)
const file = (name: string, tensors: Record<string, TensorSpec>): string => {
  const path = join(dir, name)
  writeSafetensors(path, tensors)
  return path
}
const fingerprintOf = async (path: string) => fingerprintCheckpoint(await openCheckpoint(path))
// the positions this process's fingerprints sample (the salt is one per process)
const salt = await sampleSalt()
const samplePositions = (name: string, shape: number[], numel: number) => positionsWith(name, shape, numel, salt)

test('sample positions: distinct, ascending, in range, all of a small tensor, the same for a wrapped name', () => {
  const p = samplePositions('encoder.weight', [100, 200], N)
  assert.equal(p.length, SAMPLE_SIZE)
  for (let i = 1; i < p.length; i++) assert.ok(p[i]! > p[i - 1]!)
  assert.ok(p[0]! >= 0 && p[p.length - 1]! < N)
  assert.deepEqual([...samplePositions('model.encoder.weight', [100, 200], N)], [...p])
  assert.notDeepEqual([...samplePositions('encoder.bias', [100, 200], N)], [...p])
  assert.deepEqual([...samplePositions('x', [3], 3)], [0, 1, 2])
})

test('sample positions depend on the salt: who cannot know it cannot know where the samples look', async () => {
  const other = saltOf(Buffer.from('another run'), 'test')
  const mine = new Set(samplePositions('encoder.weight', [100, 200], N))
  const theirs = positionsWith('encoder.weight', [100, 200], N, other)
  const shared = [...theirs].filter(p => mine.has(p)).length
  // two independent draws of 4,096 of 20,000 share about 4096²/20000 ≈ 839 positions, never all
  assert.ok(shared < 1200, `${shared} positions shared`)
  assert.notEqual(other.id, salt.id)
  // the environment's salt: CKPT_AUDIT_SAMPLE_SALT first, then the Actions run id, one per run
  const run = (id: string) => environmentSalt({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: id })!
  assert.equal(run('7').id, run('7').id)
  assert.notEqual(run('7').id, run('8').id)
  assert.equal(environmentSalt({ CKPT_AUDIT_SAMPLE_SALT: 'x', GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '7' })!.source, 'CKPT_AUDIT_SAMPLE_SALT')
  assert.equal(environmentSalt({}), undefined)
  // a fingerprint says which salt it sampled with; fingerprints of two salts are never compared
  const path = file('salted.safetensors', { w: { dtype: 'F32', shape: [N], values: index } })
  const [c, d] = [await openCheckpoint(path), await openCheckpoint(path)]
  const [fc, fd] = [await fingerprintCheckpoint(c), await fingerprintCheckpoint(d, other)]
  assert.equal(fc.saltId, salt.id)
  assert.equal(fd.saltId, other.id)
  assert.throws(() => fingerprintDiff(c, fc, d, fd), /different salts/)
})

test('the fingerprint sums |x| over every finite element, exactly (the near-duplicate rounding scale)', async () => {
  const values = Float64Array.from({ length: N }, (_, i) => (i === 7 ? NaN : i === 9 ? Infinity : i % 2 ? -0.5 : 0.25))
  const fp = await fingerprintOf(file('abs.safetensors', { w: { dtype: 'F32', shape: [N], values } }))
  const t = fp.tensors.get('w')!
  const expected = values.reduce((sum, v) => sum + (Number.isFinite(v) ? Math.abs(v) : 0), 0)
  assert.equal(t.absSum, expected)
  assert.equal(t.sum, values.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0))
  assert.equal(t.nans, 1)
  // an odd count of finite values: the last element is in both sums
  const odd = await fingerprintOf(file('odd.safetensors', { w: { dtype: 'F32', shape: [5], values: [1, -2, 3, -4, 5] } }))
  assert.deepEqual([odd.tensors.get('w')!.absSum, odd.tensors.get('w')!.sum], [15, 3])
})

test('fingerprints sample the same elements in every dtype and every file', async () => {
  // values are their own index: each sample must equal the position it was taken at
  const positions = samplePositions('layer.weight', [N], N)
  for (const dtype of ['F64', 'F32', 'I32'] as const) {
    const fp = await fingerprintOf(file(`index-${dtype}.safetensors`, { 'layer.weight': { dtype, shape: [N], values: index } }))
    assert.deepEqual([...fp.tensors.get('layer.weight')!.samples], [...positions], dtype)
  }
  // another file (other values, a wrapper prefix) samples the same positions: value = 2 × index
  const twice = index.map(i => 2 * i)
  const other = await fingerprintOf(file('other.safetensors', { 'model.layer.weight': { dtype: 'F32', shape: [N], values: twice } }))
  assert.deepEqual([...other.tensors.get('model.layer.weight')!.samples], [...positions].map(i => 2 * i))
  const half = await fingerprintOf(file('half.safetensors', { 'layer.weight': { dtype: 'F16', shape: [N], values: index } }))
  const samples = half.tensors.get('layer.weight')!.samples
  positions.forEach((p, i) => assert.ok(Math.abs(samples[i]! - p) <= p * 2 ** -11, `fp16 sample ${i}`))
})

test('a difference the samples miss is never bit-identity: identity comes from the hash', async () => {
  const positions = new Set(samplePositions('w', [N], N))
  const missed = [...index.keys()].find(i => !positions.has(i))!
  const changed = Float64Array.from(index, (v, i) => (i === missed ? v + 1 : v))
  const [pa, pb] = [file('a.safetensors', { w: { dtype: 'F32', shape: [N], values: index } }),
    file('b.safetensors', { w: { dtype: 'F32', shape: [N], values: changed } })]
  const [a, b] = [await openCheckpoint(pa), await openCheckpoint(pb)]
  const estimate = fingerprintDiff(a, await fingerprintCheckpoint(a), b, await fingerprintCheckpoint(b))
  assert.equal(estimate.mean_abs_diff, 0, 'the samples saw no difference')
  assert.equal(estimate.identical, false)
  assert.equal(estimate.tensors[0]!.identical, false)
  // a copy is identical, by hash
  const copy = await openCheckpoint(file('copy.safetensors', { w: { dtype: 'F32', shape: [N], values: index } }))
  assert.equal(fingerprintDiff(a, await fingerprintCheckpoint(a), copy, await fingerprintCheckpoint(copy)).identical, true)
})

test('small tensors: the fingerprint diff is the exact diff, number for number, with a zero error bound', async () => {
  const values = (seed: number) => Float64Array.from({ length: 300 }, (_, i) => Math.sin(i * seed))
  const [a, b] = [
    await openCheckpoint(file('sa.safetensors', { x: { dtype: 'F32', shape: [300], values: values(1) }, y: { dtype: 'F16', shape: [3, 100], values: values(2) } })),
    await openCheckpoint(file('sb.safetensors', { x: { dtype: 'F32', shape: [300], values: values(1.001) }, y: { dtype: 'F32', shape: [3, 100], values: values(2) } })),
  ]
  const estimate = fingerprintDiff(a, await fingerprintCheckpoint(a), b, await fingerprintCheckpoint(b))
  const exact = await diffCheckpoints(a, b)
  assert.equal(estimate.error_bound, 0)
  assert.deepEqual(estimate.tensors, exact.tensors)
  assert.equal(estimate.mean_abs_diff, exact.mean_abs_diff)
  assert.equal(estimate.identical, exact.identical)
})

test('large tensors: the estimate carries an error bound that holds the exact distance', async () => {
  const noise = (seed: number) => Float64Array.from({ length: N }, (_, i) => Math.sin(i * 12.9898 + seed) * 43758.5453 % 1)
  const [a, b] = [
    await openCheckpoint(file('la.safetensors', { w: { dtype: 'F32', shape: [N], values: noise(1) } })),
    await openCheckpoint(file('lb.safetensors', { w: { dtype: 'F32', shape: [N], values: noise(2) } })),
  ]
  const estimate = fingerprintDiff(a, await fingerprintCheckpoint(a), b, await fingerprintCheckpoint(b))
  const exact = await diffCheckpoints(a, b)
  assert.ok(estimate.error_bound > 0)
  assert.ok(Math.abs(estimate.mean_abs_diff! - exact.mean_abs_diff!) <= estimate.error_bound,
    `${estimate.mean_abs_diff} ± ${estimate.error_bound} vs ${exact.mean_abs_diff}`)
})

test('the tensor hash: keyed by the salt, the same over any chunking, changed by one bit', async () => {
  const { tensorHash } = await import('../../src/fingerprint/tensor-hash.ts')
  const bytes = Uint8Array.from({ length: 10_007 }, (_, i) => (i * 131) % 251)
  const of = (parts: Uint8Array[], s = salt) => {
    const h = tensorHash(s)
    for (const p of parts) h.update(p)
    return h.digest()
  }
  const whole = of([bytes])
  assert.match(whole, /^[0-9a-f]{32}$/)
  assert.equal(of([bytes.subarray(0, 7), bytes.subarray(7, 4096), bytes.subarray(4096)]), whole)
  const flipped = Uint8Array.from(bytes)
  flipped[5000]! ^= 1
  assert.notEqual(of([flipped]), whole)
  assert.notEqual(of([bytes.subarray(0, 10_006)]), whole, 'a shorter string is another string')
  assert.notEqual(of([bytes], saltOf(Buffer.from('another run'), 'test')), whole, 'another salt, another key')
})
