/** Seeded, reproducible fuzzing of every reader over mutated real fixtures (a longer run: fuzz/run.ts). */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import fc from 'fast-check'
import { CORPUS, mutate, mutationArb, runCase } from '../fuzz/mutate.ts'
import { fixture } from './support/fixtures.ts'

const SEED = 20261126
const RUNS = 2500
/** Per case: inspect plus, for containers, a full weight diff against the original. */
const CASE_BOUND_MS = 3000

test(`fuzz: ${RUNS} mutants of ${CORPUS.length} real fixtures, seed ${SEED}: no crash, exit 0/1, valid JSON, bounded time`, { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-fuzz-'))
  const originals = CORPUS.map(f => ({ path: fixture(f), bytes: readFileSync(fixture(f)) }))
  let index = 0
  let slowest = 0
  const codes = { 0: 0, 1: 0 }
  try {
    await fc.assert(fc.asyncProperty(fc.nat({ max: CORPUS.length - 1 }), mutationArb, async (which, mutations) => {
      const original = originals[which]!
      const outcome = await runCase(dir, original.path, mutate(original.bytes, mutations), index++)
      slowest = Math.max(slowest, outcome.ms)
      codes[outcome.inspectCode as 0 | 1]++
      assert.ok(outcome.ms < CASE_BOUND_MS, `case took ${outcome.ms.toFixed(0)} ms`)
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  // the corpus must exercise both outcomes, or the mutations are not reaching the readers
  assert.ok(codes[0] > 100 && codes[1] > 100, JSON.stringify(codes))
  assert.ok(slowest < CASE_BOUND_MS)
})
