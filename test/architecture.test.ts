import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const SRC = fileURLToPath(new URL('../src', import.meta.url))
function files(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}
const imports = (path: string) => [...readFileSync(path, 'utf8').matchAll(/from '([^']+)'/g)].map(m => m[1]!)

test('docs/design.md §1 boundaries: who may import what', () => {
  for (const path of files(SRC)) {
    const file = relative(SRC, path)
    const folder = file.split('/')[0]
    for (const spec of imports(path)) {
      if (spec.startsWith('@actions/')) assert.ok(folder === 'github', `${file} imports ${spec}; only src/github/ may`)
      if (folder === 'report') assert.ok(!/^node:(fs|child_process|net|http)/.test(spec), `${file} does I/O (${spec})`)
      if (folder === 'hparams') assert.ok(!/^node:fs|\/checkpoint\/(open|zip|torch|safetensors|run-directory|byte-source)/.test(spec), `${file} reads files (${spec})`)
      if (folder === 'checkpoint') assert.ok(!/\/(manifest|report|audit|hparams)\//.test(spec), `${file} knows about ${spec}`)
      if (folder === 'audit') assert.ok(!/^node:(fs|child_process)/.test(spec) && !spec.includes('/report/'), `${file} prints or reads (${spec})`)
    }
  }
})
