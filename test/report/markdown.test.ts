import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AuditResult } from '../../src/audit/audit.ts'
import { checkManifest } from '../../src/check.ts'
import { DEFAULT_TOLERANCE } from '../../src/hparams/compare.ts'
import { code, text } from '../../src/report/escape.ts'
import { toCheckJson } from '../../src/report/json.ts'
import { renderReport } from '../../src/report/markdown.ts'
import { assertGolden } from '../support/golden.ts'

const EXAMPLE = 'examples/okvqa/ckpt-audit.yml'
const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url)
const checks = { failOn: ['kl_beta'], tolerance: DEFAULT_TOLERANCE, epochBase: 1 as const, weights: 'auto' as const, nearDuplicateRatio: 0.1, unverified: 'notice' as const }

test('okvqa example: Markdown comment (golden)', async () => {
  const result = await checkManifest(EXAMPLE)
  const report = renderReport(result, { manifest: EXAMPLE })
  assert.ok(report.comment.startsWith('<!-- ckpt-audit:examples/okvqa/ckpt-audit.yml -->\n## ❌ ckpt-audit: 1 failing key\n'))
  assert.equal(report.verdictLine, '❌ 1 failing key: kl_beta recorded 0.15, stored 0.1 in v3_k64_grpo/grpo_epoch1_v2format.ckpt (hyper_parameters.args.KL_BETA)')
  await assertGolden(report.comment, golden('okvqa.md'))
})

test('okvqa example: check --json (golden, stable shape)', async () => {
  const json = toCheckJson(await checkManifest(EXAMPLE))
  assert.deepEqual(Object.keys(json), ['version', 'status', 'counts', 'coverage', 'experiments', 'pairs', 'lineage', 'findings'])
  assert.deepEqual(Object.keys(json.experiments[0]!.hparams[0]!), ['key', 'written', 'recorded', 'stored', 'source', 'status']) // the docs table writes KL_BETA
  await assertGolden(JSON.stringify(json, null, 2) + '\n', golden('okvqa.json'))
})

/** A result built by hand: every field a hostile manifest or checkpoint could control. */
function hostileResult(): AuditResult {
  const evil = 'a|b\\|c `x` </details><script>alert(1)</script> @org/team #123\nsecond line [link](http://x)'
  const location = { file: 'ckpt-audit.yml', line: 3, column: 5 }
  return {
    manifest: 'ckpt-audit.yml', status: 'fail', counts: { error: 1, warning: 0, notice: 0 }, checks, pairs: [], lineage: [], details: [],
    experiments: [{
      name: evil, checkpoint: `runs/${evil}.pt`, format: 'torch-zip', error: null, verified: 1,
      metrics: [{ key: evil, recorded: evil, stored: null, source: null, status: 'not-checked', location },
                { key: `m ${evil}`, recorded: 1, stored: evil, source: evil, status: 'mismatch', note: evil, location }],
      hparams: [{ key: evil, written: `W${evil}`, recorded: evil, stored: '``', source: `args.${evil}`, status: 'mismatch', location }],
    }, {
      name: `ok ${evil}`, checkpoint: `${evil}.pt`, format: 'torch-zip', error: null, metrics: [], verified: 1,
      hparams: [{ key: evil, recorded: 1, stored: 1, source: evil, status: 'match', location }],
    }],
    findings: [{ code: 'hparam-mismatch', severity: 'error', experiment: evil, key: evil, recorded: evil, stored: '``',
                 source: `args.${evil}`, checkpoint: `runs/${evil}.pt`, message: `${evil} differs`, location }],
  }
}

test('hostile strings cannot break tables, ping anyone, open HTML or forge the marker (golden)', async () => {
  const report = renderReport(hostileResult(), { manifest: 'ckpt-audit.yml --><!-- ckpt-audit:other.yml' })
  const body = report.comment
  // the marker opens the body; a forged one elsewhere could only sit inside the code fence, as text
  const outsideFences = body.split(/^```[^\n]*\n[\s\S]*?^```$/m).join('')
  assert.equal(outsideFences.match(/<!--/g)?.length, 1, 'exactly one HTML comment outside code blocks')
  assert.ok(body.startsWith('<!-- ckpt-audit:ckpt-audit.yml -__!- ckpt-audit:other.yml -->\n'))
  // code spans show their content literally; everywhere else no tag from a value may survive
  const prose = outsideFences.replace(/(`+)[\s\S]*?\1/g, '')
  assert.ok(!prose.includes('<script'), 'no raw HTML from values')
  assert.equal(prose.split('</details>').length, prose.split('<details>').length, 'only our own </details> tags')
  assert.ok(!/@org/.test(body) && !/#123/.test(body), 'mentions and refs are broken everywhere')
  for (const line of body.split('\n').filter(l => l.startsWith('| ') && !l.startsWith('| -'))) {
    const cells = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2
    assert.equal(cells, 5, `row keeps 5 cells: ${line}`)
  }
  await assertGolden(body, golden('hostile-strings.md'))
})

test('escape primitives', () => {
  assert.equal(text('a|b|c'), 'a\\|b\\|c', 'every pipe, not only the first')
  assert.equal(text('a\\|b'), 'a\\\\\\|b', 'backslash escaped before the pipe')
  assert.equal(text('<b>&'), '&lt;b&gt;&amp;')
  assert.equal(text('x\ny'), 'x<br>y')
  assert.equal(code('a`b'), '``a`b``')
  assert.equal(code('``'), '``` `` ```')
})

test('a passing result leads with the verdict and folds the tables', () => {
  const result: AuditResult = {
    manifest: 'm.yml', status: 'pass', counts: { error: 0, warning: 0, notice: 0 }, checks, pairs: [], lineage: [], details: [], findings: [],
    experiments: [{ name: 'a', checkpoint: 'a.pt', format: 'torch-zip', error: null, metrics: [], verified: 1,
                    hparams: [{ key: 'kl_beta', recorded: 0.1, stored: 0.1, source: 'args.KL_BETA', status: 'match', location: { file: 'm.yml', line: 1, column: 1 } }] }],
  }
  const report = renderReport(result, { manifest: 'm.yml' })
  assert.equal(report.verdictLine, '✅ 1 experiment matches its record (1 of 1 recorded value verified)')
  assert.match(report.comment, /^<!-- ckpt-audit:m\.yml -->\n## ✅ ckpt-audit: 1 experiment matches its record \\\(1 of 1 recorded value verified\\\)\n/)
  assert.match(report.comment, /<details><summary>✅ <code>a<\/code> — <code>a\.pt<\/code> \(torch-zip\)<\/summary>/)
})
