import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { memoAmplificationPickle, sharedStatePickle } from '../support/adversarial-pickles.ts'

const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-amplify-'))
after(() => rmSync(work, { recursive: true, force: true }))

// 1 MiB of value used 20,000 times from a 1.2 MiB file: redoing the work per use would be 20 GiB
for (const kind of ['load_from_bytes', 'codecs', 'ordered_dict'] as const) {
  test(`a memoized 1 MiB value handed 20,000 times to ${kind} costs about its input, not 20,000 × 1 MiB`, { timeout: 120_000 }, async () => {
    const path = join(work, `${kind}.pkl`)
    writeFileSync(path, memoAmplificationPickle(kind, 20_000))
    const start = performance.now()
    const result = await inspectPath(path)
    const ms = performance.now() - start
    assert.ok(ms < 1500, `${kind}: ${ms.toFixed(0)} ms`)
    // either read, or refused as too-large for reusing values beyond what its size explains: never a hang
    assert.ok(result.error === null || result.error.reason === 'too-large', JSON.stringify(result.error))
  })
}

test('one 100,000-entry state dict shared by 4,000 objects is walked once, not 4,000 times', { timeout: 300_000 }, async () => {
  const path = join(work, 'shared-state.pkl')
  writeFileSync(path, sharedStatePickle(100_000, 4_000))
  const start = performance.now()
  const result = await inspectPath(path)
  const ms = performance.now() - start
  assert.ok(ms < 1500, `${ms.toFixed(0)} ms`)
  assert.ok(result.error === null || result.error.reason === 'too-large', JSON.stringify(result.error))
})

test('flattening reads a state dict shared by many objects once (without the machine\'s work bound)', async () => {
  const { flatten } = await import('../../src/hparams/flatten.ts')
  const { PyDict, PyGlobal, PyObject } = await import('../../src/checkpoint/pickle/values.ts')
  const state = new PyDict()
  for (let i = 0; i < 100_000; i++) state.entries.set(`k${i}`, [])
  const root = new PyDict()
  for (let j = 0; j < 4_000; j++) {
    const object = new PyObject(new PyGlobal('argparse', 'Namespace'), [])
    object.state = state
    root.entries.set(`o${j}`, object)
  }
  const start = performance.now()
  flatten([{ file: undefined, value: root }])
  assert.ok(performance.now() - start < 1500)
})

test('a 100,000-item argument tuple shared by 4,000 objects costs about its input', async () => {
  const { sharedArgsPickle } = await import('../support/adversarial-pickles.ts')
  const path = join(work, 'shared-args.pkl')
  writeFileSync(path, sharedArgsPickle(100_000, 4_000))
  const start = performance.now()
  const result = await inspectPath(path)
  assert.ok(performance.now() - start < 1500)
  assert.ok(result.error === null || result.error.reason === 'too-large', JSON.stringify(result.error))
})
