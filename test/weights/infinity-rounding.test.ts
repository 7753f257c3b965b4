/**
 * An infinity against a finite number is never "within rounding" (second review of issue K): the
 * rounding bound rel × max(|a|, |b|) is itself infinite there, so the comparison must not be trusted.
 * An fp16 export whose large values overflowed to ±inf is a different tensor, for twins and frozen layers.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { checkManifest } from '../../src/check.ts'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { diffCheckpoints } from '../../src/weights/diff.ts'
import { writeSafetensors } from '../support/safetensors.ts'

const ws = mkdtempSync(join(tmpdir(), 'ckpt-inf-'))
after(() => rmSync(ws, { recursive: true, force: true }))
const N = 100_000
const base = Float64Array.from({ length: N }, (_, i) => Math.sin(i) * 2)
const half = (x: Float64Array) => x.map(v => { const b = new DataView(new ArrayBuffer(2)); b.setFloat16(0, v); return b.getFloat16(0) })
const withInf = half(base).map((v, i) => (i === 10 ? Infinity : i === 20_000 ? -Infinity : v))
writeSafetensors(join(ws, 'fp32.safetensors'), { w: { dtype: 'F32', shape: [N], values: base } })
writeSafetensors(join(ws, 'fp16.safetensors'), { w: { dtype: 'F16', shape: [N], values: half(base) } })
writeSafetensors(join(ws, 'fp16-inf.safetensors'), { w: { dtype: 'F16', shape: [N], values: withInf } })
writeSafetensors(join(ws, 'fp32-inf.safetensors'), { w: { dtype: 'F32', shape: [N], values: base.map((v, i) => (i === 5 ? Infinity : v)) } })

test('±inf against a finite value is beyond rounding, in every kernel', async () => {
  const [a, b, c, d] = await Promise.all(['fp32', 'fp16-inf', 'fp16', 'fp32-inf'].map(f => openCheckpoint(join(ws, `${f}.safetensors`))))
  try {
    assert.equal((await diffCheckpoints(a!, b!)).tensors[0]!.beyond_rounding, 2, 'fp32 against an fp16 export with two infinities')
    assert.equal((await diffCheckpoints(a!, c!)).tensors[0]!.beyond_rounding, 0, 'a plain fp16 export is within rounding')
    assert.equal((await diffCheckpoints(a!, d!)).tensors[0]!.beyond_rounding, 1, 'one dtype: the careful kernel counts it')
  } finally { await Promise.all([a, b, c, d].map(x => x!.close())) }
})

test('an fp16 twin or frozen copy with infinities where the original is finite fails', async () => {
  writeFileSync(join(ws, 'm.yml'), ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:',
    '  p: {checkpoint: fp32.safetensors, twins: [fp16-inf.safetensors]}',
    '  c: {checkpoint: fp16-inf.safetensors, parent: p, frozen: ["w"]}',
    '  ok: {checkpoint: fp32.safetensors, twins: [fp16.safetensors]}'].join('\n') + '\n')
  const r = await checkManifest(join(ws, 'm.yml'), {})
  const codes = r.findings.filter(f => f.code === 'twin-mismatch' || f.code === 'frozen-changed').map(f => `${f.code} ${f.experiment}`).sort()
  assert.deepEqual(codes, ['frozen-changed c', 'twin-mismatch p'])
})
