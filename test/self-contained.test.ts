/** Users get this repository and nothing beside it: no file may point outside it. */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'

// built from parts, so this file does not name what it forbids
const PARENT_FOLDER = ['..', 'shared'].join('/')
const BRIEFING = [['PICKLE', 'SAFETY'].join('-'), ['DESIGN', 'md'].join('.'), ['DESIGN', '§'].join(' '), ['shared', 'seed'].join('/'), ['shared', 'design'].join('/')]

test('no tracked file refers to the briefing folder beside the checkout, or to documents users do not have', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0')
    .filter(f => f !== '' && !f.startsWith('dist/') && !/\.(pt|ckpt|bin|pkl|safetensors|png|zip|7z|npy|pth)$/.test(f) && !f.startsWith('test/fixtures/picklescan/'))
  const offenders = files.filter(f => {
    const text = readFileSync(f, 'latin1')
    return text.includes(PARENT_FOLDER) || BRIEFING.some(b => text.includes(b))
  })
  assert.deepEqual(offenders, [])
})
