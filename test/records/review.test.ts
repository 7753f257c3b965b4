/** Records, after an adversarial review: a docs value that hparams override is not hidden; a comment in a cell is text. */
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { auditManifest } from '../../src/audit/audit.ts'
import { fileIO } from '../../src/check.ts'
import { parseManifest } from '../../src/manifest/parse.ts'
import { fixture } from '../support/fixtures.ts'

function workspaceWith(table: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-records-review-'))
  cpSync(fixture('hparam-cases/typo.pt'), join(ws, 'run.pt'))
  writeFileSync(join(ws, 'runs.md'), `# Runs\n\n| name | kl_beta | phase |\n|---|---|---|\n${table}\n`)
  return ws
}
const audit = (ws: string, experiment: string) =>
  auditManifest(parseManifest(`version: 1\nexperiments:\n  e1:\n    checkpoint: run.pt\n    records: runs.md\n${experiment}`, join(ws, 'm.yml'), ws), fileIO)

test('hparams that override a docs value with another one: the docs line is reported, not silently hidden', async () => {
  const ws = workspaceWith('| e1 | 0.15 | grpo |')
  const r = await audit(ws, '    hparams: {KL_BETA: 0.1}\n')
  assert.equal(r.status, 'pass', 'the manifest wins, as documented')
  const finding = r.findings.find(f => f.code === 'record-overridden')!
  assert.equal(finding.severity, 'warning')
  assert.deepEqual([finding.location?.file.endsWith('runs.md'), finding.location?.line], [true, 5])
  assert.match(finding.message, /runs\.md:5 records KL_BETA 0\.15, but .*m\.yml:\d+ says 0\.1, which is the value compared: one of the two records is wrong/)
  const same = await audit(workspaceWith('| e1 | 0.1 | grpo |'), '    hparams: {KL_BETA: 0.1}\n')
  assert.ok(!same.findings.some(f => f.code === 'record-overridden'), 'an override with the same value says nothing')
})

test('a YAML comment in a table cell is text, as a reader of the docs sees it', async () => {
  const r = await audit(workspaceWith('| e1 | 0.1 # 0.15 | grpo |'), '')
  const row = r.experiments[0]!.hparams.find(h => h.key === 'kl_beta')!
  assert.equal(row.recorded, '0.1 # 0.15')
  assert.equal(row.status, 'mismatch')
  assert.equal(r.status, 'fail')
})
