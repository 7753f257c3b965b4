import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { main } from '../../src/cli.ts'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { alignPair, describeAlignment, weightTensors } from '../../src/weights/align.ts'
import { diffCheckpoints } from '../../src/weights/diff.ts'
import { expectedOf, fixture } from '../support/fixtures.ts'

const truth = expectedOf('pairs')
const okvqa = JSON.parse((await import('node:fs')).readFileSync('examples/okvqa/expected.json', 'utf8'))
const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(expected), 1e-300), `${what}: ${actual} vs torch ${expected}`)

async function diff(a: string, b: string) {
  const [x, y] = await Promise.all([openCheckpoint(a), openCheckpoint(b)])
  try {
    return await diffCheckpoints(x, y)
  } finally {
    await Promise.all([x.close(), y.close()])
  }
}

describe('per-tensor and overall mean |a−b| match torch to 1e-9 relative; identical flags exact', () => {
  for (const [pair, want] of Object.entries<any>(truth)) {
    test(pair, async () => {
      const [a, b] = pair.split('|')
      const got = await diff(fixture(`pairs/${a}`), fixture(`pairs/${b}`))
      if (want.mean_abs_diff === 0) assert.equal(got.mean_abs_diff, 0)
      else close(got.mean_abs_diff, want.mean_abs_diff, 'overall')
      assert.equal(got.elements, want.elements)
      assert.deepEqual(got.only_in_a, want.only_in_a)
      assert.deepEqual(got.only_in_b, want.only_in_b)
      for (const [name, t] of Object.entries<any>(want.tensors)) {
        const mine = got.tensors.find(x => x.name === name)!
        assert.ok(mine, name)
        assert.equal(mine.identical, t.identical, `${name} identical`)
        assert.equal(mine.elements, t.elements)
        if (t.mean_abs_diff === 0) assert.equal(mine.mean_abs_diff, 0, name)
        else {
          close(mine.mean_abs_diff, t.mean_abs_diff, `${name} mean`)
          close(mine.max_abs_diff, t.max_abs_diff, `${name} max`)
        }
      }
    })
  }
})

test('a bf16 twin is equal within bfloat16 rounding, and not bit-identical', async () => {
  const got = await diff(fixture('pairs/base.pt'), fixture('pairs/bf16.pt'))
  assert.equal(got.identical, false)
  for (const t of got.tensors) assert.equal(t.beyond_rounding, 0, t.name)
  const moved = await diff(fixture('pairs/base.pt'), fixture('pairs/moved.pt'))
  assert.ok(moved.tensors.find(t => t.name === 'head.b')!.beyond_rounding > 0)
})

test('names align across containers and wrappers, and the result says how', async () => {
  const base = await openCheckpoint(fixture('pairs/base.pt'))
  for (const [file, container] of [['pairs/moved.pt', 'model'], ['pairs/bf16.pt', 'module']]) {
    const c = await openCheckpoint(fixture(file!))
    const aligned = alignPair(base.tensors, c.tensors)
    assert.deepEqual(aligned.pairs.map(p => p.name), ['backbone.b', 'backbone.w', 'head.b', 'head.w', 'steps'], container)
    assert.deepEqual(aligned.removed, { a: '', b: `${container}.` })
    assert.equal(describeAlignment(aligned.removed!), `names aligned: '${container}.' removed from B`)
    await c.close()
  }
  const lightning = await openCheckpoint(fixture('modern/lightning.ckpt'))
  const self = alignPair(lightning.tensors, lightning.tensors)
  assert.deepEqual(self.pairs.map(p => p.name), ['input_proj.bias', 'input_proj.weight'], 'state_dict names kept as written, optimizer state left out')
  assert.equal(self.removed, null)
  await Promise.all([lightning.close(), base.close()])
})

test('the okvqa pairs match the seed story computed by torch', async () => {
  const root = 'examples/okvqa/results/okvqa/model_cpk'
  const files: Record<string, string> = { v3_k64_grpo: 'v3_k64_grpo/grpo_epoch1.pt', kl012_frozen: 'kl012_frozen/grpo_epoch1.pt', kl015_unfrozen: 'kl015_unfrozen/grpo_epoch1.pt', kl018_frozen: 'kl018_frozen/grpo_epoch1.pt', rce_epoch2: 'rce/rce_epoch2.pt', rce_epoch5: 'kl012/rce_epoch5.pt' }
  for (const [pair, value] of Object.entries<number>(okvqa.mean_abs_diff)) {
    const [a, b] = pair.split(' vs ')
    close((await diff(`${root}/${files[a!]}`, `${root}/${files[b!]}`)).mean_abs_diff, value, pair)
  }
})

test('diff --json shape; unreadable input gives JSON with error and exit 1', async () => {
  let out = ''
  assert.equal(await main(['diff', fixture('pairs/base.pt'), fixture('pairs/moved.pt'), '--json'], t => { out += t }), 0)
  assert.deepEqual(Object.keys(JSON.parse(out)), ['a', 'b', 'mean_abs_diff', 'max_abs_diff', 'elements', 'identical', 'nan_mismatch', 'unsafe_globals',
    'only_in_a', 'only_in_b', 'shape_mismatch', 'aligned', 'not_compared', 'tensors', 'hparams'])
  out = ''
  assert.equal(await main(['diff', fixture('pairs/base.pt'), fixture('broken/empty.pt'), '--json'], t => { out += t }), 1)
  assert.equal(JSON.parse(out).error.reason, 'empty')
  out = ''
  assert.equal(await main(['diff', fixture('pairs/base.pt'), fixture('pairs/moved.pt')], t => { out += t }), 0)
  assert.match(out, /head\.b\s+float32\s+8\s+\S+/)
  assert.match(out, /3 of 5 tensors bit-identical/)
})

test('tensor data that breaks while streaming: diff reports it (exit 1, JSON), the audit makes it a finding', async () => {
  // found by the fuzz test: a storage whose local header is damaged crashed `diff` and the weight checks
  let out = ''
  const code = await main(['diff', '--json', fixture('malformed/ok--minimal-torch-zip.pt'), fixture('malformed/ok--storage-local-header-broken.pt')], t => { out += t }, () => {})
  assert.equal(code, 1)
  assert.equal(JSON.parse(out).error.reason, 'corrupt')
  const { mkdtempSync, copyFileSync, writeFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { tmpdir } = await import('node:os')
  const { auditManifest } = await import('../../src/audit/audit.ts')
  const { fileIO } = await import('../../src/check.ts')
  const { parseManifest } = await import('../../src/manifest/parse.ts')
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-broken-'))
  copyFileSync(fixture('malformed/ok--minimal-torch-zip.pt'), join(ws, 'a.pt'))
  copyFileSync(fixture('malformed/ok--storage-local-header-broken.pt'), join(ws, 'b.pt'))
  const text = 'version: 1\nexperiments:\n  a: {checkpoint: a.pt, twins: [b.pt]}\n'
  writeFileSync(join(ws, 'm.yml'), text)
  const result = await auditManifest(parseManifest(text, join(ws, 'm.yml'), ws), fileIO)
  assert.deepEqual(result.findings.map(f => `${f.severity}:${f.code}`), ['error:unreadable'])
  assert.match(result.findings[0]!.message, /tensor data could not be compared \(corrupt\)/)
})

test('inspect --tensors lists every weight tensor by the name globs match, with dtype and shape', async () => {
  let out = ''
  assert.equal(await main(['inspect', '--tensors', '--json', fixture('cases/backbone_child.ckpt')], t => { out += t }), 0)
  assert.deepEqual(JSON.parse(out).tensors.list, [
    { name: 'backbone.weight', dtype: 'float32', shape: [16, 16] }, { name: 'backbone.bias', dtype: 'float32', shape: [16] },
    { name: 'head.weight', dtype: 'float32', shape: [4, 16] }, { name: 'head.bias', dtype: 'float32', shape: [4] }])
  out = ''
  assert.equal(await main(['inspect', '--tensors', fixture('modern/lightning.ckpt')], t => { out += t }), 0)
  assert.match(out, /input_proj\.weight\s+float32\s+\[4, 8\]/)
  assert.doesNotMatch(out, /exp_avg/)
})

test('dtypes without a common numeric meaning are listed as not compared, and the files are then not identical', async () => {
  const got = await diff(fixture('cases/odd_a.pt'), fixture('cases/odd_c128.pt'))
  assert.deepEqual(got.not_compared, [{ name: 'c', dtype: 'complex64/complex128', reason: 'complex64/complex128 values have no common numeric meaning' }])
  assert.equal(got.identical, false)
  assert.deepEqual(got.tensors.map(t => [t.name, t.identical]), [['mask', true], ['u', true]])
  const same = await diff(fixture('cases/odd_a.pt'), fixture('cases/odd_a.pt'))
  assert.equal(same.identical, true)
  assert.equal(same.tensors.find(t => t.name === 'c')!.compared, 'bitwise')
})

test('quantized tensors, which the reader does not rebuild, are listed as not compared unless the files are byte-identical', async () => {
  const got = await diff(fixture('cases/quantized.pt'), fixture('cases/quantized_other.pt'))
  assert.deepEqual(got.not_compared.map(t => t.name), ['(quantized tensors)'])
  assert.equal(got.identical, false)
  const copy = await diff(fixture('cases/quantized.pt'), fixture('cases/quantized.pt'))
  assert.deepEqual(copy.not_compared, [])
  assert.equal(copy.identical, true, 'a byte-identical copy holds the same quantized tensors')
})

test('hyperparameters stored as 0-dim tensors (args.KL_BETA) are not weights: a twin that stores them elsewhere still agrees', async () => {
  const c = await openCheckpoint('examples/okvqa/results/okvqa/model_cpk/kl018_frozen/grpo_epoch1.pt')
  assert.ok(c.tensors.some(t => t.name === 'args.KL_BETA'))
  assert.ok(!weightTensors(c.tensors).some(t => t.name === 'args.KL_BETA'))
  await c.close()
})
