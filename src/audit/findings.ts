/** Findings (docs/design.md §5): what the audit concludes, with enough context to act on each. */
import type { JsonData } from '../hparams/scalar.ts'
import type { SourceLocation } from '../manifest/types.ts'

export const FINDING_CODES = [
  'hparam-mismatch', 'hparam-missing', 'hparam-ambiguous', 'unreadable', 'unsafe-pickle', 'sha256-mismatch',
  'twin-mismatch', 'parent-mismatch', 'frozen-changed', 'trained-unchanged', 'near-duplicate',
  'not-final-epoch', 'metric-mismatch', 'metric-missing', 'glob-unmatched', 'weights-unchecked', 'record-overridden',
  'sha256-verified',
] as const
export type FindingCode = (typeof FINDING_CODES)[number]
export type Severity = 'error' | 'warning' | 'notice'

export interface Finding {
  readonly code: FindingCode
  readonly severity: Severity
  readonly experiment: string
  readonly message: string
  readonly key?: string
  readonly recorded?: JsonData
  readonly stored?: JsonData
  /** Dotted path of the stored value in the checkpoint. */
  readonly source?: string
  /** Checkpoint path relative to the manifest's root. */
  readonly checkpoint?: string
  /** Manifest node that holds the recorded value. */
  readonly location?: SourceLocation
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 }

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}
