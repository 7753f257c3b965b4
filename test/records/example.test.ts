/**
 * Issue I part 6: the seed's real flow. The okvqa team's record is the table in
 * examples/okvqa/docs/experiments.md; the v3 run (kl015_frozen) takes its values from it, and
 * the failing KL_BETA is reported and annotated on the table row that says 0.15.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { auditManifest } from '../../src/audit/audit.ts'
import { checkManifest, fileIO } from '../../src/check.ts'
import { annotationsOf } from '../../src/github/annotations.ts'
import { findWorkspace } from '../../src/manifest/paths.ts'
import { parseManifest } from '../../src/manifest/parse.ts'
import { workspaceRecordReader } from '../../src/records/reader.ts'

const MANIFEST = 'examples/okvqa/ckpt-audit.yml'
const DOCS = 'examples/okvqa/docs/experiments.md'
const docs = readFileSync(DOCS, 'utf8')
const rowLine = docs.split('\n').findIndex(l => l.startsWith('| kl015_frozen ')) + 1
const rowText = docs.split('\n')[rowLine - 1]!

test('the example: the kl_beta error is annotated on the docs table row that says KL_BETA 0.15', async () => {
  const result = await checkManifest(MANIFEST)
  assert.equal(result.status, 'fail')
  const errors = annotationsOf(result.findings).filter(a => a.level === 'error')
  assert.equal(errors.length, 1)
  assert.equal(errors[0]!.title, 'ckpt-audit hparam-mismatch')
  assert.equal(errors[0]!.file, DOCS)
  assert.equal(errors[0]!.line, rowLine)
  // the cell that says 0.15, in the column the (aligned) header names KL_BETA
  const column = rowText.indexOf('0.15') + 1
  const header = docs.split('\n').find(l => l.startsWith('| run '))!
  assert.equal(header.slice(column - 1, column + 6), 'KL_BETA')
  assert.equal(errors[0]!.column, column)
  assert.match(errors[0]!.message, /^kl015_frozen: KL_BETA recorded 0\.15, stored 0\.1 in v3_k64_grpo\/grpo_epoch1_v2format\.ckpt/)
})

test('false pass guard: the same table saying 0.1 (what the checkpoint holds) clears the kl_beta error, so the error came from the docs', async () => {
  const corrected = docs.replace(rowText, rowText.replace('0.15', '0.1 '))
  const files = workspaceRecordReader(findWorkspace(MANIFEST))
  const reader = { ...files, text: (path: string) => path.endsWith('experiments.md') ? corrected : files.text(path) }
  const manifest = parseManifest(readFileSync(MANIFEST, 'utf8'), MANIFEST, findWorkspace(MANIFEST), MANIFEST, reader)
  const result = await auditManifest(manifest, fileIO)
  assert.equal(result.findings.filter(f => f.severity === 'error').length, 0)
  assert.equal(result.experiments[0]!.hparams.find(h => h.key === 'kl_beta')?.status, 'match')
})
