import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { test } from 'node:test'

// issue G: the weight code stays readable in a side-by-side diff
const files = [
  ...readdirSync('src/weights').map(f => `src/weights/${f}`),
  ...readdirSync('src/fingerprint').map(f => `src/fingerprint/${f}`),
  ...['weight-audit', 'weight-context', 'twin-audit', 'lineage-audit', 'glob-audit', 'near-duplicate-audit'].map(f => `src/audit/${f}.ts`),
]

test('no line over 140 characters in src/weights/ and the weight audit', () => {
  const long = files.flatMap(f => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (line.length > 140 ? [`${f}:${i + 1} (${line.length})`] : [])))
  assert.deepEqual(long, [])
})
