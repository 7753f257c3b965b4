/**
 * Issue K: verdicts taken on fingerprints equal the exact pairwise method's, on tensors too large
 * to sample whole; a near-duplicate the estimates settle is reported on them with its bound, one
 * they cannot settle is read exactly, and a NaN the samples missed is never hidden.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { checkManifest } from '../../src/check.ts'
import { bf16Bound, decide, either, nearnessOf, roundingVerdict, thresholdOf } from '../../src/audit/near-duplicate-estimate.ts'
import type { EstimatedDiff } from '../../src/fingerprint/fingerprint-diff.ts'
import { estimateText, isEstimate } from '../../src/audit/weight-context.ts'
import { samplePositions as positionsWith } from '../../src/fingerprint/positions.ts'
import { sampleSalt } from '../../src/fingerprint/sample-salt.ts'
import { writeSafetensors } from '../support/safetensors.ts'

const ws = mkdtempSync(join(tmpdir(), 'ckpt-fp-verdicts-'))
after(() => rmSync(ws, { recursive: true, force: true }))
const N = 20_000
const salt = await sampleSalt()
const samplePositions = (name: string, shape: number[], numel: number) => positionsWith(name, shape, numel, salt)
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

test('verdicts on fingerprints equal the exact pairwise method; a settled near-duplicate says it is estimated; the hidden NaN is no duplicate', async () => {
  const sampled = await checkManifest(join(ws, 'm.yml'), {})
  const exact = await checkManifest(join(ws, 'm.yml'), { exactPairs: true })
  assert.deepEqual(verdicts(sampled), verdicts(exact))
  // a and d were trained apart from p: as far from each other as from p, so no duplicate; c holds a NaN where b has a number
  assert.deepEqual(verdicts(sampled), ['near-duplicate a: a and b have near-identical weights'])
  const message = sampled.findings.find(f => f.code === 'near-duplicate')!.message
  assert.match(message, /mean \|a−b\| \S+ ±\S+, estimated from samples, \d+× below how far training moved them from their parents/)
  assert.doesNotMatch(message, /bit-identical|same values/)
  assert.match(exact.findings.find(f => f.code === 'near-duplicate')!.message, /mean \|a−b\| [^ ,]+, \d+× below how far training moved/)
  assert.ok(sampled.pairs.some(p => p.error_bound !== undefined && p.error_bound > 0), 'estimated pairs carry their bound')
})

test('an estimate settles a pair only when its interval lies wholly on one side of the threshold', () => {
  const t = thresholdOf({ distance: 1e-2, bound: 0, description: 'moved' }, 0.1)!
  assert.equal(t.distance, 1e-3)
  assert.equal(decide(1e-7, 1e-9, t), 'near')
  assert.equal(decide(1, 1e-3, t), 'far', 'far above: left unread')
  assert.equal(decide(1, Infinity, t), 'unsure', 'an unknown bound is read')
  assert.equal(decide(1.1e-3, 2e-4, t), 'unsure', 'the interval straddles the threshold')
  assert.equal(decide(9e-4, 2e-4, t), 'unsure')
  assert.equal(decide(5e-4, 1e-4, { ...t, bound: 6e-4 }), 'unsure', "the threshold's own bound counts")
  assert.equal(decide(1e-7, 0, undefined), 'far', 'no scale: only identity or equal values are near')
  assert.equal(decide(0, 0, undefined), 'near')
  const base = { mean_abs_diff: 1e-7, error_bound: 1e-9, nan_free: true, identical: false, complete: false, nan_mismatch: 0 } as EstimatedDiff
  assert.equal(nearnessOf(base, 1e-9, t), 'near')
  assert.equal(nearnessOf({ ...base, nan_free: false }, 1e-9, t), 'unsure', 'a NaN may hide where no sample looked')
  assert.equal(nearnessOf({ ...base, nan_mismatch: 3 }, 1e-9, t), 'far')
  // an infinite distance seen in the samples is exact: no "±…, estimated from samples" after ∞
  assert.equal(isEstimate(base), true)
  assert.equal(isEstimate({ ...base, mean_abs_diff: Infinity }), false)
  assert.equal(estimateText({ ...base, mean_abs_diff: Infinity }), '')
})

test('the rounding criterion: no element beyond its bf16 step, counted over every element; either criterion near is near', () => {
  assert.equal(roundingVerdict([{ name: 'a', beyond: 0, exact: true }, { name: 'b', beyond: 0, exact: true }]), 'near')
  assert.equal(roundingVerdict([{ name: 'a', beyond: 0, exact: true }, { name: 'head', beyond: 1, exact: true }]), 'far', 'one element is enough')
  assert.equal(roundingVerdict([{ name: 'a', beyond: 3, exact: false }]), 'far', 'a sampled element beyond its step is a real one')
  assert.equal(roundingVerdict([{ name: 'a', beyond: 0, exact: false }]), 'unsure', 'samples never show that no element is beyond')
  assert.equal(roundingVerdict([]), 'far')
  // the bound: 2^-7 of the value, plus 2^-8 of the tensor's mean |w| and the half subnormal near zero
  const b = bf16Bound(0.8, 2 ** -25)
  assert.equal(b.rel, 2 ** -7)
  assert.equal(b.abs, 2 ** -8 * 0.8 + 2 ** -25)
  assert.equal(either('near', 'far'), 'near')
  assert.equal(either('far', 'far'), 'far')
  assert.equal(either('unsure', 'far'), 'unsure')
  // the training threshold needs a finite, positive scale
  assert.equal(thresholdOf({ distance: Infinity, bound: 0, description: '' }, 0.1), undefined)
  assert.equal(thresholdOf({ distance: 0, bound: 0, description: '' }, 0.1), undefined)
  assert.equal(decide(Infinity, 0, thresholdOf({ distance: 1, bound: 0, description: '' }, 0.1)), 'far')
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
