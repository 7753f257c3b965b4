import assert from 'node:assert/strict'
import { test } from 'node:test'
import { annotationsOf } from '../../src/github/annotations.ts'
import { findStickyComment, upsertStickyComment, type CommentsApi, type IssueComment } from '../../src/github/comment.ts'
import { InputError, readSettings } from '../../src/github/inputs.ts'
import { withRetries } from '../../src/github/retry.ts'
import type { Finding } from '../../src/audit/findings.ts'
import { fitToLimit } from '../../src/report/fit.ts'

const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? ''

test('settings: defaults, lists, choices', () => {
  const s = readSettings(inputs({ 'github-token': 't', 'fail-on': 'kl_beta, lr\nepoch' }), '/ws')
  assert.deepEqual(s, { manifest: 'ckpt-audit.yml', manifestPath: '/ws/ckpt-audit.yml', workspace: '/ws', failOn: ['kl_beta', 'lr', 'epoch'],
    weights: undefined, strict: false, cache: true, shard: undefined, merge: undefined, comment: 'always', token: 't', commentAuthor: 'github-actions[bot]',
    remote: 'allow', remoteHosts: [] })
  assert.equal(readSettings(inputs({ cache: 'false' }), '/ws').cache, false)
  assert.deepEqual(readSettings(inputs({ shard: '2/4' }), '/ws').shard, { index: 2, count: 4 })
  assert.equal(readSettings(inputs({ merge: 'shards/*.json' }), '/ws').merge, 'shards/*.json')
  assert.throws(() => readSettings(inputs({ shard: '1/2', merge: 'x' }), '/ws'), /cannot both be set/)
  assert.throws(() => readSettings(inputs({ shard: '3/2' }), '/ws'), /Input 'shard': must be I\/N/)
  const t = readSettings(inputs({ manifest: 'exp.yml', 'working-directory': 'ml', weights: 'never', comment: 'on-failure', 'comment-author': 'my-app[bot]' }), '/ws')
  assert.deepEqual([t.manifest, t.manifestPath, t.weights, t.comment, t.commentAuthor], ['ml/exp.yml', '/ws/ml/exp.yml', 'never', 'on-failure', 'my-app[bot]'])
})

test('settings: remote deny and a host allowlist; a bad remote mode is an input error', () => {
  const s = readSettings(inputs({ remote: 'deny', 'remote-hosts': 'huggingface.co, CDN-lfs.hf.co' }), '/ws')
  assert.deepEqual([s.remote, s.remoteHosts], ['deny', ['huggingface.co', 'cdn-lfs.hf.co']])
  assert.throws(() => readSettings(inputs({ remote: 'yes' }), '/ws'), InputError)
})

test('settings: with no manifest input, .github/ckpt-audit.yml is found when ckpt-audit.yml is absent', () => {
  const only = (existing: string) => (path: string) => path === existing
  assert.equal(readSettings(inputs({}), '/ws', only('/ws/.github/ckpt-audit.yml')).manifest, '.github/ckpt-audit.yml')
  assert.equal(readSettings(inputs({}), '/ws', () => true).manifest, 'ckpt-audit.yml')
  assert.equal(readSettings(inputs({}), '/ws', () => false).manifest, 'ckpt-audit.yml')
})

test('settings: bad choices and paths out of the workspace throw one clear message', () => {
  assert.throws(() => readSettings(inputs({ comment: 'sometimes' }), '/ws'), new InputError("Input 'comment' must be one of always, on-failure, never; got 'sometimes'."))
  assert.throws(() => readSettings(inputs({ weights: 'all' }), '/ws'), /Input 'weights' must be one of auto, always, never/)
  assert.throws(() => readSettings(inputs({ manifest: '../x.yml' }), '/ws'), /Input 'manifest' leaves the workspace/)
  assert.throws(() => readSettings(inputs({ manifest: '/etc/x.yml' }), '/ws'), /must be relative to the workspace/)
  assert.throws(() => readSettings(inputs({ 'working-directory': '../..' }), '/ws'), /working-directory' leaves the workspace/)
})

function fakeApi(comments: IssueComment[], perPage = 2): CommentsApi & { writes: string[] } {
  const writes: string[] = []
  return {
    writes,
    async *list() { for (let i = 0; i < comments.length; i += perPage) yield comments.slice(i, i + perPage) },
    async create(body) { writes.push(`create ${body}`) },
    async update(id, body) { writes.push(`update ${id} ${body}`) },
  }
}
const M = '<!-- ckpt-audit:ckpt-audit.yml -->'

test('sticky comment: found across pages by marker AND author; others left alone', async () => {
  const comments: IssueComment[] = [
    { id: 1, body: 'hello', user: { login: 'alice' } },
    { id: 2, body: `${M}\npasted`, user: { login: 'alice' } },
    { id: 3, body: `quoted ${M}`, user: { login: 'github-actions[bot]' } },
    { id: 4, body: `${M}\nold`, user: { login: 'github-actions[bot]' } },
  ]
  assert.equal((await findStickyComment(fakeApi(comments), M, 'github-actions[bot]'))?.id, 4)
  const api = fakeApi(comments)
  assert.equal(await upsertStickyComment(api, M, `${M}\nnew`, 'github-actions[bot]'), 'updated')
  assert.deepEqual(api.writes, [`update 4 ${M}\nnew`])
  const same = fakeApi(comments)
  assert.equal(await upsertStickyComment(same, M, `${M}\nold`, 'github-actions[bot]'), 'unchanged')
  assert.deepEqual(same.writes, [])
  const other = fakeApi(comments)
  assert.equal(await upsertStickyComment(other, '<!-- ckpt-audit:other.yml -->', 'x', 'github-actions[bot]'), 'created')
})

/** A fake whose creates fail as scripted: 'stored' stores then throws (5xx after a write), 'lost' throws without storing. */
function flakyApi(script: Array<'stored' | 'lost' | 'ok'>, error: object): CommentsApi & { comments: IssueComment[], creates: number } {
  const comments: IssueComment[] = []
  const api = {
    comments, creates: 0,
    async *list() { yield [...comments] },
    async create(body: string) {
      const step = script[api.creates++] ?? 'ok'
      if (step !== 'lost') comments.push({ id: comments.length + 1, body, user: { login: 'github-actions[bot]' } })
      if (step !== 'ok') throw Object.assign(new Error('flaky'), error)
    },
    async update(id: number, body: string) { const at = comments.findIndex(c => c.id === id); comments[at] = { ...comments[at]!, body } },
  }
  return api
}
const quick = { createIfMissing: true, sleep: async () => {} }

test('sticky comment: a create that failed after storing (5xx or network) is found by listing again, never posted twice', async () => {
  for (const error of [{ status: 502 }, { code: 'ECONNRESET' }]) {
    const api = flakyApi(['stored'], error)
    assert.equal(await upsertStickyComment(api, M, `${M}
body`, 'github-actions[bot]', quick), 'created')
    assert.equal(api.creates, 1)
    assert.equal(api.comments.length, 1)
  }
  const lost = flakyApi(['lost', 'lost'], { status: 503 })
  assert.equal(await upsertStickyComment(lost, M, `${M}
body`, 'github-actions[bot]', quick), 'created')
  assert.deepEqual([lost.creates, lost.comments.length], [3, 1])
  const forbidden = flakyApi(['lost'], { status: 403 })
  await assert.rejects(upsertStickyComment(forbidden, M, `${M}
body`, 'github-actions[bot]', quick), /flaky/)
  assert.equal(forbidden.creates, 1, 'a 403 is not retried')
  const down = flakyApi(['lost', 'lost', 'lost', 'lost', 'lost'], { status: 500 })
  await assert.rejects(upsertStickyComment(down, M, `${M}
body`, 'github-actions[bot]', quick), /flaky/)
  assert.equal(down.creates, 4, 'bounded')
})

test('sticky comment: update-only (comment: on-failure on a pass) edits ours, creates none', async () => {
  const none = fakeApi([])
  assert.equal(await upsertStickyComment(none, M, `${M}
✅`, 'github-actions[bot]', { createIfMissing: false }), 'absent')
  assert.deepEqual(none.writes, [])
  const ours = fakeApi([{ id: 5, body: `${M}
❌`, user: { login: 'github-actions[bot]' } }])
  assert.equal(await upsertStickyComment(ours, M, `${M}
✅`, 'github-actions[bot]', { createIfMissing: false }), 'updated')
  assert.deepEqual(ours.writes, [`update 5 ${M}
✅`])
})

test('retries: 5xx and network errors are retried with backoff, 403 is not', async () => {
  const delays: number[] = []
  const sleep = async (ms: number) => { delays.push(ms) }
  let calls = 0
  assert.equal(await withRetries(async () => { if (++calls < 3) throw Object.assign(new Error('x'), { status: 502 }); return 'ok' }, 4, 100, sleep), 'ok')
  assert.deepEqual(delays, [100, 200])
  calls = 0
  await assert.rejects(withRetries(async () => { calls++; throw Object.assign(new Error('no'), { status: 403 }) }, 4, 100, sleep), /no/)
  assert.equal(calls, 1)
  calls = 0
  await assert.rejects(withRetries(async () => { calls++; throw new Error('ECONNRESET') }, 3, 1, sleep))
  assert.equal(calls, 3)
})

test('fit: under the limit unchanged; over it cut at a section, fences and details closed, pointer added', () => {
  const small = '## ok\n'
  assert.deepEqual(fitToLimit(small, 100, 'see summary'), { body: small, truncated: false })
  const big = `## verdict\n\n### Findings\n\n${'- a finding\n'.repeat(50)}\n### Experiments\n\n<details><summary>x</summary>\n\n\`\`\`\n${'row\n'.repeat(5000)}`
  const { body, truncated } = fitToLimit(big, 2000, 'The full report is in the job summary.')
  assert.equal(truncated, true)
  assert.ok(Buffer.byteLength(body) <= 2000)
  assert.match(body, /### Findings/)
  assert.doesNotMatch(body, /### Experiments/)
  assert.match(body, /⚠️ This report was cut to fit\. The full report is in the job summary\.\n$/)
  const huge = fitToLimit(`## v\n<details>\n\`\`\`\n${'x'.repeat(10_000)}\n`, 500, 'p')
  assert.ok(Buffer.byteLength(huge.body) <= 500)
  assert.equal((huge.body.match(/```/g) ?? []).length % 2, 0, 'fences closed')
  assert.equal((huge.body.match(/<details>/g) ?? []).length, (huge.body.match(/<\/details>/g) ?? []).length)
})

test('annotations: at the manifest line, at most 10 per level, the rest folded into one', () => {
  const finding = (i: number): Finding => ({ code: 'hparam-mismatch', severity: 'warning', experiment: `e${i}`, message: `m${i}`, location: { file: 'ckpt-audit.yml', line: i, column: 3 } })
  const list = annotationsOf([...Array.from({ length: 12 }, (_, i) => finding(i + 1)), { ...finding(99), severity: 'error' }])
  assert.equal(list.filter(a => a.level === 'warning').length, 10)
  assert.deepEqual(list.find(a => a.level === 'warning')!, { level: 'warning', title: 'ckpt-audit hparam-mismatch', message: 'e1: m1', file: 'ckpt-audit.yml', line: 1, column: 3 })
  assert.equal(list.filter(a => a.level === 'warning').at(-1)!.message, '3 more warnings: see the job summary')
  assert.equal(list.filter(a => a.level === 'error').length, 1)
})
