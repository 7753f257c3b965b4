import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { binunicodePickle, deepMemoPickle, long1ListPickle, long4Pickle, textLongPickle } from '../support/adversarial-pickles.ts'

const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-linear-'))
after(() => rmSync(work, { recursive: true, force: true }))

/** Best of five full `inspect --json` runs, in ms: the minimum filters out GC pauses and CI noise. */
async function bestTime(bytes: Uint8Array): Promise<number> {
  const path = join(work, 'input.pkl')
  writeFileSync(path, bytes)
  let best = Infinity
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    JSON.stringify(await inspectPath(path))
    best = Math.min(best, performance.now() - start)
  }
  return best
}

const KiB = 1024
/** Sizes large enough that a quadratic decoder shows (×4 per doubling), small enough for a 2-core CI. */
const cases: Array<[string, (scale: number) => Uint8Array, number]> = [
  ['LONG4 integer', bytes => long4Pickle(bytes), 512 * KiB],
  ['LONG1 integers in a list (64 bytes: the longest decoded)', count => long1ListPickle(count, 64), 20_000],
  ['LONG1 integers in a list (255 bytes)', count => long1ListPickle(count), 20_000],
  ['BINUNICODE string', bytes => binunicodePickle(bytes), 4 * 1024 * KiB],
  ['text LONG', digits => textLongPickle(digits), 24 * KiB],
  ['deep memo DAG with tuple keys', levels => deepMemoPickle(levels, levels), 25_000],
]

for (const [label, build, scale] of cases) {
  test(`${label}: doubling the input at most ~doubles the time`, { timeout: 60_000 }, async () => {
    const once = await bestTime(build(scale))
    const twice = await bestTime(build(2 * scale))
    // 2.5× plus 15 ms of slack: a linear decoder passes on a noisy machine, a quadratic one (×4) does not
    assert.ok(twice <= 2.5 * once + 15, `${label}: ${once.toFixed(1)} ms, then ${twice.toFixed(1)} ms for twice the input`)
    assert.ok(twice < 5_000, `${label}: ${twice.toFixed(0)} ms`)
  })
}
