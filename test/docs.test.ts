import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { parse } from 'yaml'

const readme = readFileSync('README.md', 'utf8')
const action = parse(readFileSync('action.yml', 'utf8')) as { runs: { using: string, main: string }, inputs: Record<string, { default?: string }>, outputs: Record<string, unknown> }

test('action.yml runs the committed bundle on Node 24', () => {
  assert.deepEqual(action.runs, { using: 'node24', main: 'dist/index.js' })
})

test('the README documents every input and output of action.yml, and no other', () => {
  const documented = [...readme.matchAll(/^\| `([\w-]+)` \|/gm)].map(m => m[1]!)
  for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs).filter(o => o !== 'errors' && o !== 'warnings')])
    assert.ok(documented.includes(name), `README lacks ${name}`)
  assert.match(readme, /\| `errors`, `warnings` \|/)
})

test('the README quotes the example exactly as the CLI prints it', async () => {
  const { main } = await import('../src/cli.ts')
  let out = ''
  await main(['check', 'examples/okvqa/ckpt-audit.yml'], t => { out += t })
  const quoted = readme.slice(readme.indexOf('$ npx ckpt-audit check examples/okvqa/ckpt-audit.yml\n') + 54).split('```')[0]!
  for (const line of quoted.split('\n').filter(l => l !== '' && l !== '…')) assert.ok(out.includes(line), `README line not in the output: ${line}`)
})

test('docs/pr-comment.html (the source of the README screenshot) is the current golden comment', async () => {
  const { commentHtml } = await import('../scripts/comment-html.ts')
  const expected = await commentHtml(readFileSync('test/report/golden/okvqa.md', 'utf8'))
  assert.equal(readFileSync('docs/pr-comment.html', 'utf8'), expected, 'stale: run npx node scripts/render-comment.ts')
})

test('the README has each section once (an edit once left two copies of Security model and Benchmarks)', () => {
  const headings = readme.split('\n').filter(l => l.startsWith('## '))
  const repeated = headings.filter((h, i) => headings.indexOf(h) !== i)
  assert.deepEqual(repeated, [])
})
