/**
 * Files crafted to steer the estimates. Each decoy agrees with its victim where the samples look
 * and is far from it everywhere else. The positions are secret (sample-salt.ts): a decoy made
 * without the salt agrees at the wrong places and the estimates see the truth. The lineage decoys
 * here are made with this process's own salt (white-box), to show that even then a zero-variance
 * sample claims no exactness and a parent is inferred on exact reads.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { checkManifest } from '../../src/check.ts'
import { fingerprintCheckpoint } from '../../src/fingerprint/fingerprint-checkpoint.ts'
import { sampleStats } from '../../src/fingerprint/sample-stats.ts'
import { samplePositions } from '../../src/fingerprint/positions.ts'
import { sampleSalt, saltOf } from '../../src/fingerprint/sample-salt.ts'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { writeSafetensors } from '../support/safetensors.ts'

const ws = mkdtempSync(join(tmpdir(), 'ckpt-crafted-'))
after(() => rmSync(ws, { recursive: true, force: true }))
const N = 20_000
const noise = (seed: number, scale: number) => Float64Array.from({ length: N }, (_, i) => scale * ((Math.sin(i * 12.9898 + seed) * 43758.5453) % 1))
const add = (x: Float64Array, y: Float64Array) => x.map((v, i) => v + y[i]!)
// multiples of 2^-10 below 2 in magnitude: adding 2^-10 is exact in float32, so a decoy's sampled differences can be one constant
const quantized = (x: Float64Array) => x.map(v => Math.round(v * 1024) / 1024)
const sampled = new Set(samplePositions('w', [N], N, await sampleSalt()))
/** Where an attacker who does not know the salt guesses the samples look. */
const guessed = new Set(samplePositions('w', [N], N, saltOf(Buffer.from('a guess'), 'attacker')))
/** `near` where the samples look (`at`: where the maker believes they look), `far` elsewhere. */
const decoy = (near: Float64Array, far: Float64Array, at = sampled) => near.map((v, i) => (at.has(i) ? v : far[i]!))
const write = (name: string, values: Float64Array) =>
  writeSafetensors(join(ws, `${name}.safetensors`), { w: { dtype: 'F32', shape: [N], values } })

const p = quantized(noise(1, 0.5))
const c = quantized(add(p, noise(2, 0.1)))       // trained far from p
const d = decoy(c.map(v => v + 1 / 1024), noise(5, 1)) // sampled |c − d| is exactly 2^-10 everywhere: zero variance
const c2 = add(p, noise(3, 0.1))
const q = decoy(add(c2, noise(7, 1e-4)), noise(8, 1))  // a decoy parent the samples put 1000× closer than p
for (const [name, values] of Object.entries({ p, c, d, c2, q })) write(name, values)
writeFileSync(join(ws, 'lineage.yml'), ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:',
  '  p: {checkpoint: p.safetensors}', '  d: {checkpoint: d.safetensors}', '  q: {checkpoint: q.safetensors}',
  '  c: {checkpoint: c.safetensors, parent: p}', '  c2: {checkpoint: c2.safetensors, parent: p}'].join('\n') + '\n')

const codes = (r: { findings: readonly { code: string, experiment: string }[] }) =>
  r.findings.filter(f => f.code !== 'hparam-missing').map(f => `${f.code} ${f.experiment}`).sort()

test('a zero-variance sample is no exact distance: its bound is unknown and the pair is not exact', async () => {
  const [cc, cd] = await Promise.all([openCheckpoint(join(ws, 'c.safetensors')), openCheckpoint(join(ws, 'd.safetensors'))])
  try {
    const [fc, fd] = await Promise.all([fingerprintCheckpoint(cc), fingerprintCheckpoint(cd)])
    const s = sampleStats(fc.tensors.get('w')!, fd.tensors.get('w')!)
    assert.equal(s.meanAbsDiff, 1 / 1024)
    assert.equal(s.complete, false)
    assert.equal(s.errorBound, Infinity)
  } finally { await Promise.all([cc.close(), cd.close()]) }
})

test('no parent-mismatch from a decoy whose sampled differences are constant (a zero bound is not exactness)', async () => {
  const r = await checkManifest(join(ws, 'lineage.yml'), {})
  const exact = await checkManifest(join(ws, 'lineage.yml'), { exactPairs: true })
  assert.deepEqual(codes(r), codes(exact))
  assert.ok(!codes(r).includes('parent-mismatch c'), codes(r).join('\n'))
  assert.equal(r.lineage.find(l => l.child === 'c')!.inferred, 'p')
})

test('the inferred parent comes from the exact comparison once one was made', async () => {
  const r = await checkManifest(join(ws, 'lineage.yml'), {})
  assert.ok(!codes(r).includes('parent-mismatch c2'))
  assert.equal(r.lineage.find(l => l.child === 'c2')!.inferred, 'p')
})

test('a decoy made without the salt is no near-duplicate: it agrees at the wrong places, and the estimate sees it far', async () => {
  const a = add(p, noise(2, 1e-2))
  const y = decoy(add(a, noise(9, 1e-7)), add(p, noise(10, 1e-2)), guessed)
  write('na', a)
  write('ny', y)
  writeFileSync(join(ws, 'near.yml'), ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:',
    '  p: {checkpoint: p.safetensors}', '  a: {checkpoint: na.safetensors, parent: p, hparams: {kl_beta: 0.1}}',
    '  y: {checkpoint: ny.safetensors, parent: p, hparams: {kl_beta: 0.2}}'].join('\n') + '\n')
  const r = await checkManifest(join(ws, 'near.yml'), {})
  assert.deepEqual(codes(r).filter(x => x.startsWith('near-duplicate')), [])
  // the estimate itself saw the distance: far above the near-identical 1e-7
  const estimated = r.pairs.find(x => [x.a, x.b].sort().join() === 'a,y')!
  assert.ok(estimated.mean_abs_diff! > 1e-3, String(estimated.mean_abs_diff))
})

test('the distance matrix marks estimated cells (≈, with a legend) and shows exact ones plain', async () => {
  const { distanceMatrix } = await import('../../src/report/weights-markdown.ts')
  const r = await checkManifest(join(ws, 'lineage.yml'), {})
  const table = distanceMatrix(r)
  const estimated = r.pairs.filter(x => x.error_bound !== undefined)
  assert.ok(estimated.length > 0 && estimated.length < r.pairs.length, 'some pairs read exactly, some left as estimates')
  assert.match(table, /≈\d\.\d\de[-+]\d+/)
  assert.match(table, /≈: estimated from sampled elements/)
  const exact = await checkManifest(join(ws, 'lineage.yml'), { exactPairs: true })
  assert.doesNotMatch(distanceMatrix(exact), /≈/)
})
