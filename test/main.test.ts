import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { GitHubIO } from '../src/github/io.ts'
import { run } from '../src/main.ts'

/** A recording GitHubIO: no module mocking, no network. */
function fakeIO(values: Record<string, string>, overrides: Partial<GitHubIO> = {}) {
  const log: string[] = []
  const io: GitHubIO = {
    workspace: process.cwd(), runUrl: 'https://github.com/o/r/actions/runs/1',
    getInput: name => values[name] ?? '',
    async upsertComment(marker, markdown, _author, _token, createIfMissing) { log.push(`${createIfMissing ? 'comment' : 'update-only'} ${marker} ${markdown.split('\n')[1]}`); return { posted: true } },
    async writeSummary(markdown) { log.push(`summary ${markdown.split('\n')[0]}${markdown.includes('**Error:**') ? ` + ${markdown.split('**Error:** ')[1]!.trim()}` : ''}`) },
    async writeReportJson() { return '/tmp/r.json' },
    setOutputs(outputs) { log.push(`outputs ${JSON.stringify(outputs)}`) },
    annotate(a) { log.push(`annotate ${a.level} ${a.file}:${a.line}`) },
    info() {}, warning(m) { log.push(`warning ${m}`) },
    setFailed(m) { log.push(`failed ${m}`) },
    ...overrides,
  }
  return { io, log }
}

test('failure: comment, annotations, outputs, setFailed, summary last', async () => {
  const { io, log } = fakeIO({ manifest: 'examples/okvqa/ckpt-audit.yml' })
  await run(io)
  assert.equal(log[0], 'comment <!-- ckpt-audit:examples/okvqa/ckpt-audit.yml --> ## ❌ ckpt-audit: 1 failing key')
  assert.ok(log.includes('annotate error examples/okvqa/docs/experiments.md:15'))
  assert.ok(log.includes('outputs {"status":"fail","errors":"1","warnings":"7","report-json":"/tmp/r.json"}'))
  assert.match(log.at(-2)!, /^failed ❌ 1 failing key: kl_beta recorded 0\.15, stored 0\.1/)
  assert.equal(log.at(-1), 'summary ## ❌ ckpt-audit: 1 failing key')
})

test('success with comment: on-failure creates nothing, only turns an existing comment to ✅, and does not fail', async () => {
  const { io, log } = fakeIO({ manifest: 'examples/okvqa/ckpt-audit.fixed.yml', comment: 'on-failure' })
  await run(io)
  assert.ok(!log.some(l => l.startsWith('comment') || l.startsWith('failed')))
  assert.ok(log.some(l => l.startsWith('update-only <!-- ckpt-audit:examples/okvqa/ckpt-audit.fixed.yml --> ## ✅')))
  assert.match(log.at(-1)!, /^summary ## ✅ ckpt-audit/)
})

test('comment: never writes nothing', async () => {
  const { io, log } = fakeIO({ manifest: 'examples/okvqa/ckpt-audit.yml', comment: 'never' })
  await run(io)
  assert.ok(!log.some(l => l.startsWith('comment') || l.startsWith('update-only')))
})

test('a thrown non-Error still fails the step and the summary is still written', async () => {
  const { io, log } = fakeIO({ manifest: 'examples/okvqa/ckpt-audit.yml' }, { async writeReportJson() { throw 'disk full' } })
  await run(io)
  assert.deepEqual(log.slice(-2), ['failed disk full', 'summary ## ❌ ckpt-audit: 1 failing key + disk full'])
})

test('the comment failing does not change the result (upsertComment reports, never throws)', async () => {
  const { io, log } = fakeIO({ manifest: 'examples/okvqa/ckpt-audit.fixed.yml' }, { async upsertComment() { return { posted: false } } })
  await run(io)
  assert.ok(!log.some(l => l.startsWith('failed')))
})

test('remote: deny: a remote checkpoint is unreadable (refused) and the settings do not outlive the run', async () => {
  let report = ''
  const { io, log } = fakeIO({ manifest: 'test/fixtures/remote/deny.yml', comment: 'never', remote: 'deny' }, { async writeReportJson(json) { report = json; return '/tmp/r.json' } })
  await run(io)
  assert.ok(log.some(l => l.startsWith('failed ')), log.join('\n'))
  assert.match(report, /refused: http:\/\/127\.0\.0\.1:9\/a\.pt: remote checkpoints are disabled \(remote: deny\)/)
  assert.equal(process.env.CKPT_AUDIT_REMOTE, undefined)
  assert.equal(process.env.CKPT_AUDIT_LFS, undefined)
})
