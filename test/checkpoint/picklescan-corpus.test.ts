import assert from 'node:assert/strict'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { describe, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { expectedOf, fixture } from '../support/fixtures.ts'

interface Corpus { hostile: string[], benign: string[], out_of_scope: Record<string, string> }
const corpus = expectedOf<Corpus>('picklescan')
const CANARY = '/tmp/ckpt-audit-canary'

describe("picklescan's test corpus", () => {
  rmSync(CANARY, { force: true })
  test('every file of the corpus is sorted', () => {
    const files = ['data', 'data2'].flatMap(d => readdirSync(fixture(`picklescan/${d}`)).map(f => `${d}/${f}`))
    const sorted = [...corpus.hostile, ...corpus.benign, ...Object.keys(corpus.out_of_scope)]
    assert.deepEqual([...sorted].sort(), files.sort())
    assert.equal(corpus.hostile.length, 91)
    assert.equal(corpus.benign.length, 14)
  })
  for (const file of corpus.hostile) {
    test(`hostile ${file} is flagged`, async () => {
      const result = await inspectPath(fixture(`picklescan/${file}`))
      assert.ok(result.unsafe_globals.length > 0, JSON.stringify(result.error ?? result.globals))
    })
  }
  for (const [file, why] of Object.entries(corpus.out_of_scope)) {
    test(`hostile ${file} is refused as unreadable (${why.split(':')[0]})`, async () => {
      const result = await inspectPath(fixture(`picklescan/${file}`))
      assert.notEqual(result.error, null)
    })
  }
  for (const file of corpus.benign) {
    test(`benign ${file} is not flagged`, async () => {
      const result = await inspectPath(fixture(`picklescan/${file}`))
      assert.deepEqual(result.unsafe_globals, [])
    })
  }
  test('nothing ran', () => assert.equal(existsSync(CANARY), false))
})
