/**
 * Checks recorded metrics against the ones a checkpoint holds (see hparams/metrics.ts). A metric
 * the checkpoint does not hold stays "recorded, not checked": no finding, since most metrics
 * (a benchmark accuracy) are computed after training and never stored.
 */
import { findMetric, metricMatches } from '../hparams/metrics.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { formatData, jsonData, parseNumericString, type JsonData } from '../hparams/scalar.ts'
import { decimalsOf } from '../manifest/recorded.ts'
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

/** A recorded metric as a number and the decimals it was written with (`"0.30"` quoted counts too). */
function recordedNumber(metric: Experiment['metrics'][number]): { value: number, decimals: number | undefined } | undefined {
  if (typeof metric.value === 'number') return { value: metric.value, decimals: metric.decimals }
  if (typeof metric.value !== 'string') return undefined
  const value = parseNumericString(metric.value)
  return value === undefined ? undefined : { value, decimals: decimalsOf(metric.value) }
}

function missingMetric(metric: Experiment['metrics'][number], checks: Checks, experiment: string, checkpoint: string): Finding | undefined {
  const gated = isGated(metric.key, checks.failOn)
  // by default a metric the checkpoint does not hold is shown, not flagged: most are computed after training
  if (!gated && checks.unverified === 'notice') return undefined
  return {
    experiment, checkpoint, location: metric.location, key: metric.key, recorded: jsonData(metric.value), code: 'metric-missing',
    severity: gated ? 'error' : checks.unverified,
    message: `metric ${metric.written} recorded ${formatData(metric.value)}, but ${checkpoint} holds no such metric (Lightning ModelCheckpoint state, `
      + `trainer_state.json, or a stored value of that name): not verified`,
  }
}

export function auditMetrics(experiment: Experiment, leaves: readonly Leaf[], checks: Checks, checkpoint: string): { rows: MetricRow[], findings: Finding[] } {
  const rows: MetricRow[] = []
  const findings: Finding[] = []
  for (const metric of experiment.metrics) {
    const recorded = jsonData(metric.value)
    const base = { key: metric.key, recorded, location: metric.location }
    const number = recordedNumber(metric)
    const stored = number !== undefined ? findMetric(leaves, metric.key) : undefined
    if (number === undefined || stored === undefined || typeof stored.value.value !== 'number') {
      rows.push({ ...base, stored: null, source: null, status: 'not-checked' })
      const finding = missingMetric(metric, checks, experiment.name, checkpoint)
      if (finding !== undefined) findings.push(finding)
      continue
    }
    const value = stored.value.value
    const places = number.decimals
    const alternative = stored.alternative
    const matchesMain = metricMatches(number.value, value, places)
    const matchesOther = !matchesMain && alternative !== undefined && typeof alternative.value.value === 'number'
      && metricMatches(number.value, alternative.value.value, places)
    const how = places === undefined ? 'written as a whole number: compared as written' : `rounded to ${places} decimal${places === 1 ? '' : 's'} as written`
    const note = matchesOther ? `matches ${alternative!.label} (${alternative!.source}); best is ${formatData(value)}` : how
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
          + `(${how})${also}`,
      })
    }
  }
  return { rows, findings }
}
