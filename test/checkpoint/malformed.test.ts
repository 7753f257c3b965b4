import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { describe, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { fixture } from '../support/fixtures.ts'

/** yauzl-style corpus: each file's name states the expected reason (`ok` = readable). */
describe('malformed containers and resource attacks end in the named unreadable reason, fast', () => {
  for (const file of readdirSync(fixture('malformed')).sort()) {
    test(file, async () => {
      const expected = file.split('--')[0]
      const started = Date.now()
      const result = await inspectPath(fixture(`malformed/${file}`))
      assert.ok(Date.now() - started < 3000, 'bounded time')
      assert.equal(result.error?.reason ?? 'ok', expected, result.error?.message)
      if (result.error !== null) assert.ok(result.error.message.includes(`malformed/${file}`), `the message names the file: ${result.error.message}`)
    })
  }
})
