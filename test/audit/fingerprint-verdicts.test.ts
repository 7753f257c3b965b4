/**
 * Issue K: verdicts taken on fingerprints equal the exact pairwise method's, on tensors too large
 * to sample whole; a near-duplicate is confirmed by an exact diff (never reported on samples), and
 * a NaN the samples missed is never hidden.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { checkManifest } from '../../src/check.ts'
import { mayBeNear } from '../../src/audit/near-duplicate-estimate.ts'
import type { EstimatedDiff } from '../../src/fingerprint/fingerprint-diff.ts'
import { samplePositions } from '../../src/fingerprint/positions.ts'
import { writeSafetensors } from '../support/safetensors.ts'

const ws = mkdtempSync(join(tmpdir(), 'ckpt-fp-verdicts-'))
after(() => rmSync(ws, { recursive: true, force: true }))
const N = 20_000
const noise = (seed: number, scale: number) => Float64Array.from({ length: N }, (_, i) => scale * ((Math.sin(i * 12.9898 + seed) * 43758.5453) % 1))
const add = (x: Float64Array, y: Float64Array) => x.map((v, i) => v + y[i]!)
const parent = noise(1, 1)
const a = add(parent, noise(2, 1e-2))
const b = add(a, noise(3, 1e-7))
const hidden = [...Array(N).keys()].find(i => !new Set(samplePositions('w', [N], N)).has(i))!
const c = b.map((v, i) => (i === hidden ? NaN : v + 1e-8))
const d = add(parent, noise(4, 1e-2))
const files: Record<string, Float64Array> = { p: parent, a, b, c, d }
for (const [name, values] of Object.entries(files))
  writeSafetensors(join(ws, `${name}.safetensors`), { w: { dtype: 'F32', shape: [N], values }, v: { dtype: 'F32', shape: [N], values } })
writeFileSync(join(ws, 'm.yml'), ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:',
  '  p: {checkpoint: p.safetensors}',
  ...['a', 'b', 'c', 'd'].flatMap((name, i) => [`  ${name}:`, `    checkpoint: ${name}.safetensors`, '    parent: p', `    hparams: {kl_beta: 0.${i + 1}}`]),
].join('\n') + '\n')

const verdicts = (r: { findings: readonly { code: string, experiment: string, message: string }[] }) =>
  r.findings.filter(f => f.code !== 'hparam-missing').map(f => `${f.code} ${f.experiment}: ${f.message.split(' (')[0]}`).sort()

test('verdicts on fingerprints equal the exact pairwise method; the near-duplicate rests on an exact diff; the hidden NaN is no duplicate', async () => {
  const sampled = await checkManifest(join(ws, 'm.yml'), {})
  const exact = await checkManifest(join(ws, 'm.yml'), { exactPairs: true })
  assert.deepEqual(verdicts(sampled), verdicts(exact))
  assert.deepEqual(verdicts(sampled), ['near-duplicate a: a and b have near-identical weights'])
  const message = sampled.findings.find(f => f.code === 'near-duplicate')!.message
  assert.match(message, /mean \|a−b\| \S+, \d+× below/)
  assert.doesNotMatch(message, /estimated from samples/)
  assert.doesNotMatch(message, /bit-identical|same values/)
  assert.ok(sampled.pairs.some(p => p.error_bound !== undefined && p.error_bound > 0), 'estimated pairs carry their bound')
})

test('an estimate only keeps a pair clearly above the threshold unread; every other candidate is read exactly', () => {
  const base = { mean_abs_diff: 1e-7, error_bound: 1e-9, nan_free: true, identical: false, complete: false } as EstimatedDiff
  const yard = { distance: 1e-2, bound: 0, description: '' }
  assert.equal(mayBeNear(base, yard, 0.1), true)
  assert.equal(mayBeNear({ ...base, mean_abs_diff: 1, error_bound: 1e-3 }, yard, 0.1), false, 'far above: left unread')
  assert.equal(mayBeNear({ ...base, mean_abs_diff: 1, error_bound: Infinity }, yard, 0.1), true, 'an unknown bound is read')
  assert.equal(mayBeNear({ ...base, mean_abs_diff: 1.1e-3, error_bound: 2e-4 }, yard, 0.1), true, 'the interval straddles the threshold')
  assert.equal(mayBeNear(base, undefined, 0.1), false)
})

test('frozen, trained and twins on hashes: a change the samples miss is caught; verdicts equal the exact method\'s', async () => {
  const missed = (name: string, shape: number[]) => [...Array(N).keys()].find(i => !new Set(samplePositions(name, shape, N)).has(i))!
  const nudged = (x: Float64Array, at: number) => x.map((v, i) => (i === at ? v + 0.5 : v))
  const backbone = noise(11, 1)
  const head = noise(12, 1)
  const trained = add(head, noise(13, 1e-2))
  const write = (name: string, bb: Float64Array, hd: Float64Array) => writeSafetensors(join(ws, `${name}.safetensors`),
    { 'backbone.weight': { dtype: 'F32', shape: [N], values: bb }, 'head.weight': { dtype: 'F32', shape: [N], values: hd } })
  write('g_parent', backbone, head)
  write('g_good', backbone, trained)                                            // frozen holds, trained moved
  write('g_good_twin', backbone, trained)                                       // a true twin
  write('g_bad_twin', backbone, nudged(trained, missed('weight', [N])))          // one element off, not sampled
  write('g_frozen_moved', nudged(backbone, missed('weight', [N])), trained)      // frozen broken where no sample looks
  write('g_untrained', backbone, head)                                          // trained claim false
  const m = join(ws, 'globs.yml')
  writeFileSync(m, ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:', '  gp: {checkpoint: g_parent.safetensors}',
    ...[['gg', 'g_good', 'g_good_twin.safetensors'], ['gt', 'g_good', 'g_bad_twin.safetensors'], ['gf', 'g_frozen_moved', ''], ['gu', 'g_untrained', '']]
      .flatMap(([name, file, twin], i) => [`  ${name}:`, `    checkpoint: ${file}.safetensors`, '    parent: gp', '    frozen: ["backbone.*"]',
        '    trained: ["head.*"]', `    hparams: {kl_beta: 0.${i + 1}}`, ...(twin !== '' ? [`    twins: [${twin}]`] : [])]),
  ].join('\n') + '\n')
  const sampled = await checkManifest(m, {})
  const exact = await checkManifest(m, { exactPairs: true })
  const codes = verdicts(sampled).filter(v => !v.startsWith('near-duplicate'))
  assert.deepEqual(codes, ['frozen-changed gf: frozen \'backbone.*\': 1 of 1 tensors differ from gp', 'trained-unchanged gu: trained \'head.*\': 1 of 1 tensors are bit-identical to gp',
    'twin-mismatch gt: g_good.safetensors and its twin g_bad_twin.safetensors disagree: 1 of 2 tensors differ'])
  assert.deepEqual(verdicts(sampled), verdicts(exact))
  // the one changed element is where no sample looked: its size is unknown to the samples, so that pair was read exactly
  assert.match(sampled.findings.find(f => f.code === 'frozen-changed')!.message, /largest mean \|a−b\| 2\.50e-5: backbone\.weight\)$/)
  assert.ok(sampled.details.some(d => /distances estimated from samples/.test(d.title)))
})
