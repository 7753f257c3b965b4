/**
 * Checks recorded metrics against the ones a checkpoint holds (see hparams/metrics.ts). A metric
 * the checkpoint does not hold stays "recorded, not checked": no finding, since most metrics
 * (a benchmark accuracy) are computed after training and never stored.
 */
import { findMetric, metricMatches } from '../hparams/metrics.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { formatData, jsonData, type JsonData } from '../hparams/scalar.ts'
import { isGated } from '../manifest/fail-on.ts'
import type { Checks, Experiment, SourceLocation } from '../manifest/types.ts'
import type { Finding } from './findings.ts'

export interface MetricRow {
  readonly key: string
  readonly recorded: JsonData
  readonly stored: JsonData
  readonly source: string | null
  readonly status: 'match' | 'mismatch' | 'not-checked'
  readonly note?: string
  readonly location: SourceLocation
}

export function auditMetrics(experiment: Experiment, leaves: readonly Leaf[], checks: Checks, checkpoint: string): { rows: MetricRow[], findings: Finding[] } {
  const rows: MetricRow[] = []
  const findings: Finding[] = []
  for (const metric of experiment.metrics) {
    const recorded = jsonData(metric.value)
    const base = { key: metric.key, recorded, location: metric.location }
    const stored = typeof metric.value === 'number' ? findMetric(leaves, metric.key) : undefined
    if (stored === undefined || typeof stored.value.value !== 'number') {
      rows.push({ ...base, stored: null, source: null, status: 'not-checked' })
      continue
    }
    const value = stored.value.value
    const places = metric.decimals ?? 0
    const alternative = stored.alternative
    const matchesMain = metricMatches(metric.value as number, value, metric.decimals)
    const matchesOther = !matchesMain && alternative !== undefined && typeof alternative.value.value === 'number'
      && metricMatches(metric.value as number, alternative.value.value, metric.decimals)
    const note = matchesOther ? `matches ${alternative!.label} (${alternative!.source}); best is ${formatData(value)}`
      : `rounded to ${places} decimal${places === 1 ? '' : 's'} as written`
    if (matchesOther) {
      rows.push({ ...base, stored: jsonData(alternative!.value.value), source: alternative!.source, status: 'match', note })
      continue
    }
    rows.push({ ...base, stored: jsonData(value), source: stored.source, status: matchesMain ? 'match' : 'mismatch', note })
    if (!matchesMain) {
      const also = alternative !== undefined ? `; ${alternative.label} is ${formatData(alternative.value.value)}` : ''
      findings.push({
        experiment: experiment.name, checkpoint, location: metric.location, key: metric.key, recorded, stored: jsonData(value), source: stored.source,
        code: 'metric-mismatch', severity: isGated(metric.key, checks.failOn) ? 'error' : 'warning',
        message: `metric ${metric.written} recorded ${formatData(recorded)}, stored ${formatData(value)} in ${checkpoint} (${stored.source}), `
          + `which does not round to it at ${places} decimal${places === 1 ? '' : 's'}${also}`,
      })
    }
  }
  return { rows, findings }
}
