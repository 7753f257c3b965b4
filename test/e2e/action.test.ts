/**
 * Runs the real bundled dist/index.js as a child process, the way the runner does (INPUT_*,
 * GITHUB_* and an event payload file), against a local HTTP server on 127.0.0.1 standing in
 * for the GitHub REST API.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'

const INDEX = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
const TOKEN = 'ghs_secretTokenThatMustNeverBePrinted'

interface Comment { id: number, body: string, user: { login: string } }
/**
 * failures: the next requests of a method answer with a status instead (403 for a read-only token,
 * 500 once); with `afterStoring`, a POST stores its comment first (GitHub's 5xx after a write).
 */
interface Failure { method: string, status: number, afterStoring?: boolean }
const api = { comments: [] as Comment[], requests: [] as string[], failures: [] as Failure[], nextId: 1 }

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise(resolve => { let s = ''; req.on('data', c => { s += c }); req.on('end', () => resolve(s)) })
}
function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const server = createServer(async (req, res) => {
  const body = await readBody(req)
  api.requests.push(`${req.method} ${req.url}`)
  assert.equal(req.headers.authorization, `token ${TOKEN}`)
  const forced = api.failures.findIndex(f => f.method === req.method || f.method === '*')
  const failure = forced >= 0 ? api.failures.splice(forced, 1)[0]! : undefined
  if (failure !== undefined && failure.afterStoring !== true) return send(res, failure.status, { message: `forced ${failure.status}` })
  const url = new URL(req.url!, 'http://x')
  if (req.method === 'GET' && url.pathname === '/repos/o/r/issues/7/comments') return send(res, 200, api.comments)
  if (req.method === 'POST' && url.pathname === '/repos/o/r/issues/7/comments') {
    const comment = { id: api.nextId++, body: JSON.parse(body).body, user: { login: 'github-actions[bot]' } }
    api.comments.push(comment)
    if (failure !== undefined) return send(res, failure.status, { message: `forced ${failure.status} after storing` })
    return send(res, 201, comment)
  }
  const patch = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(url.pathname)
  if (req.method === 'PATCH' && patch) {
    const comment = api.comments.find(c => c.id === Number(patch[1]))!
    comment.body = JSON.parse(body).body
    return send(res, 200, comment)
  }
  send(res, 404, { message: 'not found' })
})
let apiUrl = ''
before(async () => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
after(() => { server.close() })

/** A workspace holding the okvqa example, with ckpt-audit.yml = the failing or the fixed manifest. */
function workspace(manifest: 'ckpt-audit.yml' | 'ckpt-audit.fixed.yml'): string {
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-e2e-'))
  cpSync('examples/okvqa/results', join(ws, 'results'), { recursive: true })
  cpSync('examples/okvqa/docs', join(ws, 'docs'), { recursive: true })
  writeFileSync(join(ws, 'ckpt-audit.yml'), readFileSync(`examples/okvqa/${manifest}`))
  return ws
}

async function runAction(ws: string, inputs: Record<string, string> = {}, event = 'pull_request') {
  const eventPath = join(ws, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7 }, repository: { name: 'r', owner: { login: 'o' } } }))
  for (const f of ['summary.md', 'output.txt']) writeFileSync(join(ws, f), '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', GITHUB_API_URL: apiUrl, GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'o/r', GITHUB_WORKSPACE: ws, GITHUB_STEP_SUMMARY: join(ws, 'summary.md'), GITHUB_OUTPUT: join(ws, 'output.txt'),
    GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', RUNNER_TEMP: ws,
    INPUT_MANIFEST: 'ckpt-audit.yml', 'INPUT_GITHUB-TOKEN': TOKEN, INPUT_COMMENT: 'always', 'INPUT_COMMENT-AUTHOR': 'github-actions[bot]',
    'INPUT_FAIL-ON': '', INPUT_WEIGHTS: '', 'INPUT_WORKING-DIRECTORY': '.',
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const { code, stdout, stderr } = await new Promise<{ code: number, stdout: string, stderr: string }>(resolve =>
    execFile(process.execPath, [INDEX], { cwd: ws, env }, (error, stdout, stderr) => resolve({ code: (error as { code?: number } | null)?.code ?? 0, stdout, stderr })))
  const log = stdout + stderr
  assert.ok(!log.includes(TOKEN), 'the token never appears in the log')
  const outputs = Object.fromEntries([...readFileSync(join(ws, 'output.txt'), 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)].map(m => [m[1], m[3]]))
  return { code, log, outputs, summary: readFileSync(join(ws, 'summary.md'), 'utf8') }
}

function reset(): void {
  api.comments = []
  api.requests = []
  api.failures = []
}

test('first run creates the comment, fails on KL_BETA, writes summary and outputs', async () => {
  reset()
  const ws = workspace('ckpt-audit.yml')
  const r = await runAction(ws)
  assert.equal(r.code, 1)
  assert.equal(api.comments.length, 1)
  assert.ok(api.comments[0]!.body.startsWith('<!-- ckpt-audit:ckpt-audit.yml -->\n## ❌ ckpt-audit: 1 failing key'))
  assert.match(r.summary, /^## ❌ ckpt-audit: 1 failing key/)
  assert.deepEqual({ ...r.outputs, 'report-json': undefined }, { status: 'fail', errors: '1', warnings: '7', 'report-json': undefined })
  assert.equal(JSON.parse(readFileSync(r.outputs['report-json']!, 'utf8')).status, 'fail')
  assert.match(r.log, /::error title=ckpt-audit hparam-mismatch,file=docs\/experiments.md,line=15,col=20::/)
  assert.match(r.log, /::error::❌ 1 failing key: kl_beta recorded 0.15, stored 0.1/)
})

test('a re-run edits the same comment; when the records are fixed it says it passes now', async () => {
  reset()
  const ws = workspace('ckpt-audit.yml')
  await runAction(ws)
  await runAction(ws)
  assert.equal(api.comments.length, 1, 'no duplicate')
  assert.ok(!api.requests.slice(-2).some(r => r.startsWith('PATCH')), 'unchanged body: no write')
  writeFileSync(join(ws, 'ckpt-audit.yml'), readFileSync('examples/okvqa/ckpt-audit.fixed.yml'))
  const r = await runAction(ws)
  assert.equal(r.code, 0)
  assert.equal(api.comments.length, 1)
  assert.ok(api.requests.some(r => r.startsWith('PATCH /repos/o/r/issues/comments/')))
  assert.match(api.comments[0]!.body, /^<!-- ckpt-audit:ckpt-audit.yml -->\n## ✅ ckpt-audit: 6 experiments match their records \\\(\d+ of \d+ recorded values verified; 3 warnings\\\)\n/)
  assert.equal(r.outputs.status, 'pass')
})

test("a copy of the report pasted by someone else is never edited", async () => {
  reset()
  api.comments.push({ id: 99, body: '<!-- ckpt-audit:ckpt-audit.yml -->\nquoted by a human', user: { login: 'someone' } })
  api.nextId = 100
  await runAction(workspace('ckpt-audit.yml'))
  assert.equal(api.comments.length, 2)
  assert.equal(api.comments[0]!.body, '<!-- ckpt-audit:ckpt-audit.yml -->\nquoted by a human')
})

test('403 (fork or read-only token): a warning naming the permission, the summary, the same exit code', async () => {
  reset()
  api.failures = Array.from({ length: 20 }, () => ({ method: '*', status: 403 }))
  const r = await runAction(workspace('ckpt-audit.yml'))
  assert.equal(r.code, 1)
  assert.match(r.log, /::warning::Could not comment on the pull request \(HTTP 403\): grant `permissions: pull-requests: write`/)
  assert.match(r.summary, /^## ❌ ckpt-audit: 1 failing key/)
  const fixed = await runAction(workspace('ckpt-audit.fixed.yml'))
  assert.equal(fixed.code, 0, 'the build result depends only on findings')
})

test('a 500 that stored nothing: the comments are listed again, then the comment lands', async () => {
  reset()
  const origin = api.requests.length
  api.failures = [{ method: 'POST', status: 500 }] // the list succeeds, the first POST gets a 500 and stores nothing
  const r = await runAction(workspace('ckpt-audit.yml'))
  assert.equal(r.code, 1)
  assert.equal(api.comments.length, 1)
  assert.deepEqual(api.requests.slice(origin).map(x => x.split('?')[0]),
    ['GET /repos/o/r/issues/7/comments', 'POST /repos/o/r/issues/7/comments', 'GET /repos/o/r/issues/7/comments', 'POST /repos/o/r/issues/7/comments'])
})

test('a POST answered 502 after GitHub stored it is not posted again: one comment, and later runs edit it', async () => {
  reset()
  api.failures = [{ method: 'POST', status: 502, afterStoring: true }]
  const r = await runAction(workspace('ckpt-audit.yml'))
  assert.equal(r.code, 1)
  assert.equal(api.comments.length, 1, JSON.stringify(api.requests))
  assert.equal(api.requests.filter(x => x.startsWith('POST')).length, 1)
  const ws = workspace('ckpt-audit.fixed.yml')
  await runAction(ws)
  assert.equal(api.comments.length, 1)
  assert.match(api.comments[0]!.body, /^<!-- ckpt-audit:ckpt-audit.yml -->\n## ✅/)
})

test('comment: on-failure turns its earlier ❌ comment to ✅ once the run passes, and creates none for a pass', async () => {
  reset()
  const passing = await runAction(workspace('ckpt-audit.fixed.yml'), { comment: 'on-failure' })
  assert.equal(passing.code, 0)
  assert.equal(api.comments.length, 0, 'nothing to correct: no comment created')
  const ws = workspace('ckpt-audit.yml')
  await runAction(ws, { comment: 'on-failure' })
  assert.match(api.comments[0]!.body, /^<!-- ckpt-audit:ckpt-audit.yml -->\n## ❌/)
  writeFileSync(join(ws, 'ckpt-audit.yml'), readFileSync('examples/okvqa/ckpt-audit.fixed.yml'))
  const fixed = await runAction(ws, { comment: 'on-failure' })
  assert.equal(fixed.code, 0)
  assert.equal(api.comments.length, 1)
  assert.match(api.comments[0]!.body, /^<!-- ckpt-audit:ckpt-audit.yml -->\n## ✅ ckpt-audit: 6 experiments match their records/)
})

test('pull_request_target comments like pull_request', async () => {
  reset()
  const r = await runAction(workspace('ckpt-audit.fixed.yml'), {}, 'pull_request_target')
  assert.equal(r.code, 0)
  assert.equal(api.comments.length, 1)
})

test('push events skip the comment and say so; comment: never posts nothing', async () => {
  reset()
  const r = await runAction(workspace('ckpt-audit.fixed.yml'), {}, 'push')
  assert.equal(r.code, 0)
  assert.match(r.log, /Not commenting: the push event has no pull request/)
  const never = await runAction(workspace('ckpt-audit.yml'), { comment: 'never' })
  assert.equal(never.code, 1)
  assert.equal(api.requests.length, 0)
})

test('a manifest error fails with file:line:column and still writes the summary', async () => {
  reset()
  const ws = workspace('ckpt-audit.yml')
  writeFileSync(join(ws, 'ckpt-audit.yml'), 'version: 1\nexperiments:\n  a: {checkpoint: x.pt, hparms: {}}\n')
  const r = await runAction(ws)
  assert.equal(r.code, 1)
  assert.match(r.log, /::error title=ckpt-audit manifest,file=ckpt-audit.yml,line=3,col=25::unknown key 'hparms'/)
  assert.match(r.summary, /the manifest is invalid/)
  const bad = await runAction(ws, { comment: 'sometimes' })
  assert.match(bad.log, /::error::Input 'comment' must be one of always, on-failure, never; got 'sometimes'\./)
  assert.match(bad.summary, /The audit did not run/)
})

test('fail-on: KL_BETA gates like kl_beta; a fail-on typo fails the run with "did you mean"; strict: true fails on what cannot be verified', async () => {
  reset()
  const fixed = workspace('ckpt-audit.fixed.yml')
  const gated = await runAction(workspace('ckpt-audit.yml'), { 'fail-on': 'KL_BETA' })
  assert.equal(gated.code, 1)
  assert.match(gated.log, /::error::❌ 1 failing key: kl_beta recorded 0.15, stored 0.1/)
  const typo = await runAction(fixed, { 'fail-on': 'kl_bta' })
  assert.equal(typo.code, 1, 'a typo never switches the gate off')
  assert.match(typo.log, /::error::input 'fail-on': entry 'kl_bta' names no known key .*did you mean 'kl_beta'\?/)
  assert.equal((await runAction(fixed)).code, 0)
  writeFileSync(join(fixed, 'ckpt-audit.yml'), readFileSync('examples/okvqa/ckpt-audit.fixed.yml', 'utf8').replace('phase: rce, epoch: 2', 'phase: rce, epoch: 2, dropout: 0.1'))
  assert.equal((await runAction(fixed)).code, 0, 'an unverified key is a notice by default')
  const strict = await runAction(fixed, { strict: 'true' })
  assert.equal(strict.code, 1)
  assert.match(strict.log, /::error title=ckpt-audit hparam-missing,file=ckpt-audit.yml/)
})

test('the manifest in a subfolder of the repository: the annotation lands on examples/okvqa/docs/experiments.md, the table row that is wrong', async () => {
  reset()
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-e2e-repo-'))
  cpSync('examples/okvqa', join(ws, 'examples/okvqa'), { recursive: true })
  const r = await runAction(ws, { manifest: 'examples/okvqa/ckpt-audit.yml' })
  assert.equal(r.code, 1)
  const line = readFileSync('examples/okvqa/docs/experiments.md', 'utf8').split('\n').findIndex(l => l.startsWith('| kl015_frozen ')) + 1
  assert.match(r.log, new RegExp(`::error title=ckpt-audit hparam-mismatch,file=examples/okvqa/docs/experiments\\.md,line=${line},col=\\d+::`))
})

test('sharded: two shard jobs post nothing; the merge job posts the one sticky comment a single run posts, same exit code', async () => {
  reset()
  const single = await runAction(workspace('ckpt-audit.yml'))
  const singleBody = api.comments[0]!.body
  reset()
  const ws = workspace('ckpt-audit.yml')
  mkdirSync(join(ws, 'shard-reports'))
  for (const i of [1, 2]) {
    const shard = await runAction(ws, { shard: `${i}/2` })
    assert.equal(shard.code, 0, shard.log)
    assert.equal(shard.outputs.status, 'shard')
    assert.match(shard.summary, new RegExp(`^## ckpt-audit: shard ${i}/2: \\d+ experiments`))
    // upload-artifact, then download-artifact with merge-multiple: one file per shard in one folder
    assert.match(shard.outputs['report-json']!, new RegExp(`ckpt-audit-shard-${i}-of-2\\.json$`), 'one file name per shard')
    copyFileSync(shard.outputs['report-json']!, join(ws, 'shard-reports', basename(shard.outputs['report-json']!)))
  }
  assert.equal(api.comments.length, 0, 'shard jobs never comment')
  const merged = await runAction(ws, { merge: 'shard-reports/*.json' })
  assert.equal(merged.code, single.code)
  assert.equal(api.comments.length, 1)
  assert.equal(api.comments[0]!.body, singleBody)
  assert.deepEqual({ ...merged.outputs, 'report-json': undefined }, { ...single.outputs, 'report-json': undefined })
  // a shard report of another manifest text is refused, with a clear message
  writeFileSync(join(ws, 'ckpt-audit.yml'), readFileSync(join(ws, 'ckpt-audit.yml'), 'utf8') + '# edited\n')
  const refused = await runAction(ws, { merge: 'shard-reports/*.json' })
  assert.equal(refused.code, 1)
  assert.match(refused.log, /written for another manifest/)
})
