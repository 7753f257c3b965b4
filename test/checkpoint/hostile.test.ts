import assert from 'node:assert/strict'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { describe, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { expectedOf, fixture } from '../support/fixtures.ts'

const CANARY = '/tmp/ckpt-audit-canary'
const hostile = expectedOf<Record<string, string>>('hostile')

describe('hostile pickles are flagged and nothing runs', () => {
  rmSync(CANARY, { force: true })
  for (const [file, flagged] of Object.entries(hostile)) {
    test(file, async () => {
      const result = await inspectPath(fixture(`hostile/${file}`))
      assert.ok(result.unsafe_globals.includes(flagged), `expected ${flagged} in ${JSON.stringify(result.unsafe_globals)}`)
      assert.equal(existsSync(CANARY), false, 'the payload must not have run')
    })
  }
  test('every family of docs/security.md §2 has a case', () => {
    const families = new Set(Object.keys(hostile).map(f => f.split('--')[0]))
    for (const family of ['process', 'builtins', 'code', 'gadget', 'loader', 'network', 'files', 'native', 'torch', 'trick', 'stream', 'container'])
      assert.ok(families.has(family), family)
  })
})

describe('benign real checkpoints raise no unsafe-pickle', () => {
  const benign = [
    ...readdirSync(fixture('torch113')).filter(f => !f.endsWith('.json')).map(f => `torch113/${f}`),
    ...readdirSync(fixture('modern')).filter(f => !f.endsWith('.json')).map(f => `modern/${f}`),
  ]
  for (const file of benign) {
    test(file, async () => {
      const result = await inspectPath(fixture(file))
      assert.equal(result.error, null)
      assert.deepEqual(result.unsafe_globals, [])
    })
  }
})
