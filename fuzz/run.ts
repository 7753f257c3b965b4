/**
 * A longer fuzzing run than the test suite's: npx node fuzz/run.ts [runs] [seed].
 * Prints the seed, so any failure replays with the same arguments.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { CORPUS, mutate, mutationArb, runCase } from './mutate.ts'

const runs = Number(process.argv[2] ?? 50_000)
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31)
const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-fuzz-'))
const originals = CORPUS.map(f => fileURLToPath(new URL(`../test/fixtures/${f}`, import.meta.url))).map(path => ({ path, bytes: readFileSync(path) }))
console.log(`fuzzing ${runs} cases, seed ${seed}`)
let index = 0
let slowest = 0
const started = performance.now()
try {
  await fc.assert(fc.asyncProperty(fc.nat({ max: CORPUS.length - 1 }), mutationArb, async (which, mutations) => {
    const outcome = await runCase(dir, originals[which]!.path, mutate(originals[which]!.bytes, mutations), index++)
    slowest = Math.max(slowest, outcome.ms)
    if (outcome.ms > 3000) throw new Error(`case took ${outcome.ms.toFixed(0)} ms`)
  }), { seed, numRuns: runs, endOnFailure: true })
  console.log(`ok: ${runs} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(0)} ms`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
