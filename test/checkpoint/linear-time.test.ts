import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { binunicodePickle, deepMemoPickle, globalListPickle, long1ListPickle, long4Pickle, textLongPickle } from '../support/adversarial-pickles.ts'

const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-linear-'))
after(() => rmSync(work, { recursive: true, force: true }))

/** One full `inspect --json` run, in ms. */
async function timeOnce(path: string): Promise<number> {
  const start = performance.now()
  JSON.stringify(await inspectPath(path))
  return performance.now() - start
}

/**
 * Best times of the input and its double, measured in alternation: other test files run in
 * parallel, so both sizes must meet the same load; the minimum filters out GC pauses.
 */
async function bestTimes(once: Uint8Array, twice: Uint8Array): Promise<[number, number]> {
  const paths = [join(work, 'once.pkl'), join(work, 'twice.pkl')] as const
  writeFileSync(paths[0], once)
  writeFileSync(paths[1], twice)
  const best: [number, number] = [Infinity, Infinity]
  for (let i = 0; i < 7; i++) {
    best[0] = Math.min(best[0], await timeOnce(paths[0]))
    best[1] = Math.min(best[1], await timeOnce(paths[1]))
  }
  return best
}

const KiB = 1024
/** Sizes large enough that a quadratic decoder shows (×4 per doubling), small enough for a 2-core CI. */
const cases: Array<[string, (scale: number) => Uint8Array, number]> = [
  ['LONG4 integer', bytes => long4Pickle(bytes), 512 * KiB],
  ['LONG1 integers in a list (64 bytes: the longest decoded)', count => long1ListPickle(count, 64), 10_000],
  ['LONG1 integers in a list (255 bytes)', count => long1ListPickle(count), 20_000],
  ['BINUNICODE string', bytes => binunicodePickle(bytes), 4 * 1024 * KiB],
  ['text LONG', digits => textLongPickle(digits), 24 * KiB],
  ['deep memo DAG with tuple keys', levels => deepMemoPickle(levels, levels), 30_000],
  ['GLOBALs in one MARK list', count => globalListPickle(count), 100_000],
]

for (const [label, build, scale] of cases) {
  test(`${label}: doubling the input at most ~doubles the time`, { timeout: 60_000 }, async () => {
    const [once, twice] = await bestTimes(build(scale), build(2 * scale))
    // 2.5× plus 15 ms of slack: a linear decoder passes on a noisy machine, a quadratic one (×4) does not
    assert.ok(twice <= 2.5 * once + 15, `${label}: ${once.toFixed(1)} ms, then ${twice.toFixed(1)} ms for twice the input`)
    assert.ok(twice < 5_000, `${label}: ${twice.toFixed(0)} ms`)
  })
}

test('a million GLOBALs in one list (9 MB) is read, one global recorded, no stack overflow', { timeout: 60_000 }, async () => {
  const path = join(work, 'globals.pkl')
  writeFileSync(path, globalListPickle(1_000_000))
  const start = performance.now()
  const result = await inspectPath(path)
  const ms = performance.now() - start
  assert.equal(result.error, null, JSON.stringify(result.error))
  assert.deepEqual(result.globals, ['mod.a.b'])
  assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`) // about 0.4 s here; was 10.5 s, then a RangeError
})
