import assert from 'node:assert/strict'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { cli } from '../support/cli.ts'
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
    for (const family of ['process', 'builtins', 'code', 'gadget', 'loader', 'network', 'files', 'native', 'torch', 'trick', 'stream', 'container', 'differential', 'unscannable'])
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

describe('check fails on a parser differential or an unscannable pickle, wherever it sits (docs/security.md §4, §7.5)', () => {
  const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-hostile-check-'))
  after(() => rmSync(work, { recursive: true, force: true }))
  const cases = Object.keys(hostile).filter(f => /^(differential|unscannable)--/.test(f))
  test('every prefix is tested as a first pickle, stacked, embedded and in a run directory', () => {
    assert.equal(cases.filter(f => f.startsWith('differential--')).length, 24)
  })
  for (const file of cases) {
    test(file, async () => {
      rmSync(CANARY, { force: true })
      const dir = mkdtempSync(join(work, 'case-'))
      cpSync(fixture(`hostile/${file}`), join(dir, file), { recursive: true })
      writeFileSync(join(dir, 'm.yml'), `version: 1\nexperiments:\n  a: {checkpoint: ${file}}\n`)
      const { code, out } = await cli('check', join(dir, 'm.yml'))
      assert.equal(code, 1, out)
      assert.match(out, /names code-running globals|unreadable/)
      assert.equal(existsSync(CANARY), false, 'the payload must not have run')
    })
  }
})
