/** Findings → workflow annotations at the manifest line of each recorded value, within GitHub's display cap. */
import type { Finding, Severity } from '../audit/findings.ts'

export interface Annotation {
  readonly level: Severity
  readonly message: string
  readonly title: string
  readonly file?: string
  readonly line?: number
  readonly column?: number
}

/** GitHub shows at most 10 annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10

export function annotationsOf(findings: readonly Finding[]): Annotation[] {
  const out: Annotation[] = []
  for (const level of ['error', 'warning', 'notice'] as const) {
    const list = findings.filter(f => f.severity === level)
    const shown = list.length > ANNOTATIONS_PER_LEVEL ? list.slice(0, ANNOTATIONS_PER_LEVEL - 1) : list
    for (const f of shown)
      out.push({ level, title: `ckpt-audit ${f.code}`, message: `${f.experiment}: ${f.message}`, file: f.location?.file, line: f.location?.line, column: f.location?.column })
    if (shown.length < list.length)
      out.push({ level, title: 'ckpt-audit', message: `${list.length - shown.length} more ${level}s: see the job summary` })
  }
  return out
}
