/** A scratch copy of test/fixtures/cases and a manifest audit over it, for the weight-verdict tests. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { auditManifest } from '../../src/audit/audit.ts'
import { fileIO } from '../../src/check.ts'
import { parseManifest } from '../../src/manifest/parse.ts'
import { fixture } from './fixtures.ts'

type Findings = { findings: readonly { code: string, severity: string, message: string }[] }

/** A workspace whose `c/` is a copy of the cases; `audit` runs a manifest of the given experiments there. */
export function casesWorkspace(prefix: string) {
  const ws = mkdtempSync(join(tmpdir(), prefix))
  cpSync(fixture('cases'), join(ws, 'c'), { recursive: true })
  const audit = async (experiments: string, checks = 'checks: {fail_on: []}\n') => {
    const text = `version: 1\nroot: c\n${checks}experiments:\n${experiments}`
    writeFileSync(join(ws, 'm.yml'), text)
    return auditManifest(parseManifest(text, join(ws, 'm.yml'), ws), fileIO)
  }
  return { ws, audit }
}

export const codes = (r: Findings): string[] => r.findings.map(f => `${f.severity}:${f.code}`)
export const messageOf = (r: Findings, code: string): string => r.findings.find(f => f.code === code)?.message ?? ''
