/**
 * Near-duplicate verdicts an adversarial review got wrong (issue K review), each built so the
 * estimate from samples is misleading: the changed elements are placed where this process's
 * samples do (or do not) look, which a real sweep does by chance. Every case's truth is the exact
 * pairwise method's, and the check must agree with it.
 */
import assert from 'node:assert/strict'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { checkManifest } from '../../src/check.ts'
import { samplePositions } from '../../src/fingerprint/positions.ts'
import { sampleSalt } from '../../src/fingerprint/sample-salt.ts'
import { writeSafetensors, type TensorSpec } from '../support/safetensors.ts'

const ws = mkdtempSync(join(tmpdir(), 'ckpt-nd-review-'))
after(() => rmSync(ws, { recursive: true, force: true }))
const N = 200_000
const sampled = new Set(samplePositions('w', [N], N, await sampleSalt()))
const unsampled = [...Array(N).keys()].filter(i => !sampled.has(i))
const noise = (seed: number, scale: number, n = N) =>
  Float64Array.from({ length: n }, (_, i) => scale * (((Math.sin(i * 12.9898 + seed) * 43758.5453) % 1 + 1) % 1 - 0.5) * 2)
const add = (x: Float64Array, y: Float64Array) => x.map((v, i) => v + y[i]!)
/** `x` with `by` added at `count` positions of `where`, spread over it. */
const bump = (x: Float64Array, where: readonly number[], count: number, by: number) => {
  const out = Float64Array.from(x)
  for (let k = 0; k < count; k++) out[where[Math.floor((k * where.length) / count)]!]! += by
  return out
}
const w = (values: Float64Array): Record<string, TensorSpec> => ({ w: { dtype: 'F32', shape: [values.length], values } })
function manifest(name: string, files: Record<string, Record<string, TensorSpec>>, experiments: string[]): string {
  for (const [file, tensors] of Object.entries(files)) writeSafetensors(join(ws, `${name}-${file}.safetensors`), tensors)
  const path = join(ws, `${name}.yml`)
  writeFileSync(path, ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:',
    ...experiments.map(e => `  ${e.replace(/checkpoint: (\w+)/, `checkpoint: ${name}-$1.safetensors`)}`)].join('\n') + '\n')
  return path
}
/** The pairs reported as near-duplicates (warnings; a notice says a pair is near only on what was read). */
const nearPairs = (r: { findings: readonly { code: string, severity: string, message: string }[] }) =>
  r.findings.filter(f => f.code === 'near-duplicate' && f.severity === 'warning').map(f => f.message.split(' have ')[0]).sort()

async function agreeWithExact(path: string): Promise<string[]> {
  const [sampledRun, exact] = [await checkManifest(path, {}), await checkManifest(path, { exactPairs: true })]
  assert.deepEqual(nearPairs(sampledRun), nearPairs(exact), 'fingerprints and the exact method disagree')
  return nearPairs(sampledRun)
}

test('a few large changes the samples miss: the exact sums of |w| prove the estimate too small, and the pair is read', async () => {
  const a = noise(1, 0.5)
  const b = bump(add(a, noise(2, 1e-6)), unsampled, 40, 50)      // exact mean |a−b| ≈ 1e-2, far above one bf16 step (2e-3)
  const path = manifest('sparse', { a: w(a), b: w(b) },
    ['a: {checkpoint: a, hparams: {kl_beta: 0.1}}', 'b: {checkpoint: b, hparams: {kl_beta: 0.2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('large values whose sign flipped where the samples miss: the exact sum of w proves the estimate too small', async () => {
  // Σ|w| cannot see a sign flip; Σw can (second review): 400 outliers of +50 in a are −50 in b
  const a = Float64Array.from(noise(17, 0.5))
  for (let k = 0; k < 400; k++) a[unsampled[k * 97]!] = 50
  const b = add(a.map(v => (v === 50 ? -50 : v)), noise(18, 1e-6))
  const path = manifest('flip', { a: w(a), b: w(b) },
    ['a: {checkpoint: a, hparams: {kl_beta: 0.1}}', 'b: {checkpoint: b, hparams: {kl_beta: 0.2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('a parent distance the samples underestimate is read exactly before it sets the threshold', async () => {
  const p = noise(3, 1e-3)                                         // small weights: one bf16 step is about 2e-6
  const r1 = bump(add(p, noise(4, 1e-4)), unsampled, 40, 0.5)     // from p: about 5e-5 sampled, 1.5e-4 exact
  const r2 = add(r1, noise(5, 2e-5))                              // from r1: about 1e-5, near under the exact parent distance
  const path = manifest('parent', { p: w(p), r1: w(r1), r2: w(r2) },
    ['p: {checkpoint: p}', 'r1: {checkpoint: r1, parent: p, hparams: {kl_beta: 0.1}}', 'r2: {checkpoint: r2, parent: p, hparams: {kl_beta: 0.2}}'])
  assert.deepEqual(await agreeWithExact(path), ['r1 and r2'])
})

test('with two runs and no parent, the median is the pair\'s own distance: it is no scale', async () => {
  const x = noise(6, 1e-3)
  // the samples see 4 large changes: an estimate 30× too large with a wider bound, so the pair is read exactly
  const y = bump(add(x, noise(7, 1e-4)), [...sampled], 4, 5)
  const path = manifest('median', { x: w(x), y: w(y) },
    ['x: {checkpoint: x, hparams: {kl_beta: 0.1}}', 'y: {checkpoint: y, hparams: {kl_beta: 0.2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('runs that trained only a small head apart are no near-duplicates, however large the frozen backbone', async () => {
  const backbone = noise(8, 0.5, 1_000_000)
  const head = noise(9, 0.02, 2_000)
  const files = {
    p: { 'backbone.w': { dtype: 'F32' as const, shape: [backbone.length], values: backbone }, 'head.w': { dtype: 'F32' as const, shape: [2_000], values: head } },
    r1: { 'backbone.w': { dtype: 'F32' as const, shape: [backbone.length], values: backbone }, 'head.w': { dtype: 'F32' as const, shape: [2_000], values: add(head, noise(10, 0.02, 2_000)) } },
    r2: { 'backbone.w': { dtype: 'F32' as const, shape: [backbone.length], values: backbone }, 'head.w': { dtype: 'F32' as const, shape: [2_000], values: add(head, noise(11, 0.02, 2_000)) } },
  }
  const path = manifest('frozen', files,
    ['p: {checkpoint: p}', 'r1: {checkpoint: r1, parent: p, hparams: {kl_beta: 0.1}}', 'r2: {checkpoint: r2, parent: p, hparams: {kl_beta: 0.2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('runs whose integer (quantized) weights differ are not "the same values" because their float scales are', async () => {
  const q = (seed: number) => Float64Array.from(noise(seed, 100, 4_096), v => Math.round(v))
  const scale = noise(12, 0.01, 64)
  const files = {
    a: { 'layer.weight': { dtype: 'I32' as const, shape: [4_096], values: q(13) }, 'layer.scale': { dtype: 'F32' as const, shape: [64], values: scale } },
    b: { 'layer.weight': { dtype: 'I32' as const, shape: [4_096], values: q(14) }, 'layer.scale': { dtype: 'F32' as const, shape: [64], values: scale } },
  }
  const path = manifest('int', files, ['a: {checkpoint: a, hparams: {kl_beta: 0.1}}', 'b: {checkpoint: b, hparams: {kl_beta: 0.2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('the cases above that are near stay near: a tiny move of small weights, and an identical copy', async () => {
  const x = noise(15, 1e-3)
  const path = manifest('still', { x: w(x), y: w(add(x, noise(16, 1e-8))), z: w(x) },
    ['x: {checkpoint: x, hparams: {kl_beta: 0.1}}', 'y: {checkpoint: y, hparams: {kl_beta: 0.2}}', 'z: {checkpoint: z, hparams: {kl_beta: 0.3}}'])
  assert.deepEqual(await agreeWithExact(path), ['x and y', 'x and z', 'y and z'])
})

test('torch-quantized runs (qint8, not read) are not "the same values" because their float bias is', async () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'quantized-runs')
  for (const f of ['calib100.pt', 'calib500.pt']) copyFileSync(join(dir, f), join(ws, f))
  copyFileSync(join(dir, 'calib100.pt'), join(ws, 'calib100-copy.pt'))
  const path = join(ws, 'quantized.yml')
  writeFileSync(path, ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:',
    '  calibA: {checkpoint: calib100.pt, hparams: {calib: 100}}',
    '  calibB: {checkpoint: calib500.pt, hparams: {calib: 500}}',
    '  calibC: {checkpoint: calib100-copy.pt, hparams: {calib: 200}}'].join('\n') + '\n')
  // a byte-identical copy is still the same weights, quantized or not
  assert.deepEqual(await agreeWithExact(path), ['calibA and calibC'])
  // near on what was read (the bias) is said, not claimed
  const notices = (await checkManifest(path, {})).findings.filter(f => f.code === 'near-duplicate' && f.severity === 'notice')
  assert.ok(notices.some(f => /calibA and calibB .* in every tensor that was read.*not read \(quantized\), so they are not reported/.test(f.message)),
    notices.map(f => f.message).join('\n'))
})

test('runs whose weights match in everything read but hold an unread sparse buffer get a notice, never silence', async () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'quantized-runs')
  for (const f of ['sparse_kl0.1.pt', 'sparse_kl0.2.pt']) copyFileSync(join(dir, f), join(ws, f))
  const path = join(ws, 'sparse.yml')
  writeFileSync(path, ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:',
    '  a: {checkpoint: sparse_kl0.1.pt, hparams: {kl_beta: 0.1}}', '  b: {checkpoint: sparse_kl0.2.pt, hparams: {kl_beta: 0.2}}'].join('\n') + '\n')
  assert.deepEqual(await agreeWithExact(path), [])
  const notices = (await checkManifest(path, {})).findings.filter(f => f.code === 'near-duplicate' && f.severity === 'notice')
  assert.equal(notices.length, 1)
  assert.match(notices[0]!.message, /a and b have bit-identical weights|a and b have the same values/)
  assert.match(notices[0]!.message, /not read \(sparse\)/)
})

test('an infinite distance is no scale and never near: one overflowed run does not make every pair a duplicate', async () => {
  const x = noise(19, 0.5, 4096)
  const y = add(x, noise(20, 2e-2, 4096))
  const z = add(x, noise(21, 2e-2, 4096)).map((v, i) => (i === 7 ? Infinity : v))
  const zz = add(x, noise(22, 2e-2, 4096)).map((v, i) => (i === 9 ? -Infinity : v))
  const path = manifest('inf', { x: w(x), y: w(y), z: w(z), zz: w(zz) },
    ['x: {checkpoint: x, hparams: {kl_beta: 0.1}}', 'y: {checkpoint: y, hparams: {kl_beta: 0.2}}',
      'z: {checkpoint: z, hparams: {kl_beta: 0.3}}', 'zz: {checkpoint: zz, hparams: {kl_beta: 0.4}}'])
  assert.deepEqual(await agreeWithExact(path), [])
  const withParents = manifest('infp', { p: w(x), z: w(z), zz: w(zz) },
    ['p: {checkpoint: p}', 'z: {checkpoint: z, parent: p, hparams: {kl_beta: 0.3}}', 'zz: {checkpoint: zz, parent: p, hparams: {kl_beta: 0.4}}'])
  assert.deepEqual(await agreeWithExact(withParents), [])
  // an infinite distance is exact (a sampled element overflowed): no "∞ ±…, estimated" anywhere
  const r = await checkManifest(withParents, {})
  assert.ok(r.findings.every(f => !/∞ ±/.test(f.message)), r.findings.map(f => f.message).join('\n'))
  assert.ok(r.pairs.every(p => p.mean_abs_diff !== Infinity || p.error_bound === undefined))
})

test('a large, barely touched embedding does not dilute a head trained apart below the bf16 step', async () => {
  const emb = noise(23, 0.5, 400_000)
  const touch = (seed: number) => emb.map((v, i) => (i < 64 ? v + noise(seed, 1e-2, 64)[i]! : v)) // one row each
  const head = noise(24, 0.02, 4_000)
  const spec = (e: Float64Array, h: Float64Array): Record<string, TensorSpec> =>
    ({ 'emb.w': { dtype: 'F32', shape: [e.length], values: e }, 'head.w': { dtype: 'F32', shape: [h.length], values: h } })
  const path = manifest('emb', { p: spec(emb, head), a: spec(touch(25), add(head, noise(26, 0.02, 4_000))),
    b: spec(touch(27), add(head, noise(28, 0.02, 4_000))) },
  ['p: {checkpoint: p}', 'a: {checkpoint: a, parent: p, hparams: {kl_beta: 0.1}}', 'b: {checkpoint: b, parent: p, hparams: {kl_beta: 0.2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('runs that differ only in a few rows of a large embedding are not near: the mean is taken where they differ', async () => {
  const rows = 4_000, width = 64 // eslint-disable-line one-var
  const emb = noise(29, 1, rows * width)
  // 8 new-token rows trained apart (by as much as their values), everything else identical: over the
  // whole tensor the mean |a−b| (1.3e-3) is below one bf16 step of it (2.0e-3), where they differ 500× above
  const retrain = (seed: number) => {
    const delta = noise(seed, 1, rows * width)
    return emb.map((v, i) => (i >= (rows - 8) * width ? v + delta[i]! : v))
  }
  const proj = noise(30, 0.05, 4_096)
  const spec = (e: Float64Array): Record<string, TensorSpec> =>
    ({ 'embed.weight': { dtype: 'F32', shape: [rows, width], values: e }, 'proj.weight': { dtype: 'F32', shape: [4_096], values: proj } })
  const path = manifest('rows', { p: spec(emb), a: spec(retrain(31)), b: spec(retrain(32)) },
    ['p: {checkpoint: p}', 'a: {checkpoint: a, parent: p, hparams: {lr: 1}}', 'b: {checkpoint: b, parent: p, hparams: {lr: 2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('an fp16 copy of a run is near, although a near-zero bias went subnormal in it', async () => {
  const weight = noise(33, 0.5, 20_000)
  const bias = noise(34, 2e-6, 256)   // a LayerNorm bias barely moved from 0: fp16 keeps it as subnormals
  const spec = (dtype: 'F32' | 'F16'): Record<string, TensorSpec> =>
    ({ 'l.weight': { dtype, shape: [20_000], values: weight }, 'ln.bias': { dtype, shape: [256], values: bias } })
  const path = manifest('half', { t: spec('F32'), t16: spec('F16') },
    ['t: {checkpoint: t, hparams: {lr: 1}}', 't16: {checkpoint: t16, hparams: {lr: 2}}'])
  assert.deepEqual(await agreeWithExact(path), ['t and t16'])
})

test('a zero-initialised head that doubled is not near because the rest of the run is large (sixth review)', async () => {
  const backbone = noise(35, 0.04, 100_000)
  const head = (scale: number) => noise(36, 5e-5 * scale, 512).map(v => Math.abs(v) + 2.5e-5 * scale)
  const spec = (h: Float64Array): Record<string, TensorSpec> =>
    ({ 'backbone.w': { dtype: 'F32', shape: [100_000], values: backbone }, 'head.bias': { dtype: 'F32', shape: [512], values: h } })
  const path = manifest('probe', { p: spec(new Float64Array(512)), lr1: spec(head(1)), lr2: spec(head(2)) },
    ['p: {checkpoint: p}', 'lr1: {checkpoint: lr1, parent: p, hparams: {lr: 1}}', 'lr2: {checkpoint: lr2, parent: p, hparams: {lr: 2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('new embedding rows trained apart are not hidden by weight decay moving every other row a little (sixth review)', async () => {
  const rows = 4_000, width = 64 // eslint-disable-line one-var
  const emb = noise(37, 0.02, rows * width)
  const run = (seed: number, decay: number) => {
    const delta = noise(seed, 0.01, rows * width)
    return emb.map((v, i) => (i >= (rows - 8) * width ? v + delta[i]! : v * (1 - decay)))
  }
  const spec = (e: Float64Array): Record<string, TensorSpec> => ({ 'embed.weight': { dtype: 'F32', shape: [rows, width], values: e } })
  const path = manifest('decay', { p: spec(emb), a: spec(run(38, 1e-5)), b: spec(run(39, 2e-5)) },
    ['p: {checkpoint: p}', 'a: {checkpoint: a, parent: p, hparams: {lr: 1}}', 'b: {checkpoint: b, parent: p, hparams: {lr: 2}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})

test('two bf16 runs one bf16 step apart in many elements are near (sixth review)', async () => {
  const toBf16 = (x: number) => { const f = new Float32Array([x]); const u = new Uint32Array(f.buffer); u[0] = (u[0]! + 0x8000) & 0xffff0000; return f[0]! }
  const nextBf16 = (x: number) => { const f = new Float32Array([x]); const u = new Uint32Array(f.buffer); u[0] = u[0]! + 0x10000; return f[0]! }
  const a = noise(40, 0.5, 50_000).map(toBf16)
  const b = a.map((v, i) => (i % 3 === 0 ? nextBf16(v) : v))
  const path = manifest('ulp', { a: w(a), b: w(b) }, ['a: {checkpoint: a, hparams: {lr: 1}}', 'b: {checkpoint: b, hparams: {lr: 2}}'])
  assert.deepEqual(await agreeWithExact(path), ['a and b'])
})

test('runs built differently (a head of another shape, adapters only one has) are not "the same values in every shared tensor"', async () => {
  const backbone = noise(41, 0.5, 20_000)
  const specs = {
    c10: { 'backbone.w': { dtype: 'F32' as const, shape: [20_000], values: backbone }, 'head.w': { dtype: 'F32' as const, shape: [10, 256], values: noise(42, 0.05, 2_560) } },
    c20: { 'backbone.w': { dtype: 'F32' as const, shape: [20_000], values: backbone }, 'head.w': { dtype: 'F32' as const, shape: [20, 256], values: noise(43, 0.05, 5_120) } },
    lora: { 'backbone.w': { dtype: 'F32' as const, shape: [20_000], values: backbone }, 'head.w': { dtype: 'F32' as const, shape: [10, 256], values: noise(42, 0.05, 2_560) },
      'lora.A': { dtype: 'F32' as const, shape: [4_096], values: noise(44, 0.01, 4_096) } },
  }
  const path = manifest('built', specs, ['c10: {checkpoint: c10, hparams: {num_classes: 10, lora_r: 0}}',
    'c20: {checkpoint: c20, hparams: {num_classes: 20, lora_r: 0}}', 'lora: {checkpoint: lora, hparams: {num_classes: 10, lora_r: 8}}'])
  assert.deepEqual(await agreeWithExact(path), [])
})
