/**
 * Findings → the Markdown of the PR comment and job summary (docs/design.md §8). Pure: a result in,
 * strings out. Every manifest or checkpoint value goes through escape.ts.
 */
import { markdownTable } from 'markdown-table'
import type { AuditResult, ExperimentResult } from '../audit/audit.ts'
import type { Finding, Severity } from '../audit/findings.ts'
import type { HparamRow } from '../audit/hparam-audit.ts'
import type { MetricRow } from '../audit/metric-audit.ts'
import { formatData } from '../hparams/scalar.ts'
import { cellCode, code, html, marker, text } from './escape.ts'
import { weightsSection } from './weights-markdown.ts'

export interface ReportOptions {
  /** The manifest path as the user passes it to the CLI (for the reproduce command and the marker). */
  readonly manifest: string
}

export interface RenderedReport {
  /** Sticky PR comment body, marker first. */
  readonly comment: string
  /** Job summary (same report, no marker). */
  readonly summary: string
  /** One line for logs and setFailed. */
  readonly verdictLine: string
}

const ICON: Readonly<Record<HparamRow['status'], string>> = { match: '✅', mismatch: '❌', missing: '⚠️', ambiguous: '⚠️' }
const SEVERITY_ICON: Readonly<Record<Severity, string>> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }
const SEVERITY_TITLE: Readonly<Record<Severity, string>> = { error: 'Errors', warning: 'Warnings', notice: 'Notices' }

const v = (value: unknown): string => formatData(value)

const recordedCount = (e: ExperimentResult): number => e.hparams.length + e.metrics.length

export interface Coverage {
  /** Recorded values (hyperparameters and metrics) compared with a stored one, matching or not. */
  readonly verified: number
  readonly recorded: number
  /** Experiments that record values none of which could be verified: never "matching their record". */
  readonly unverifiedExperiments: ExperimentResult[]
  /** Readable experiments that record nothing (weight claims only, or nothing at all). */
  readonly emptyExperiments: ExperimentResult[]
}

export function coverage(result: AuditResult): Coverage {
  const readable = result.experiments.filter(e => e.error === null)
  return {
    recorded: result.experiments.reduce((n, e) => n + recordedCount(e), 0),
    verified: result.experiments.reduce((n, e) => n + e.verified, 0),
    unverifiedExperiments: readable.filter(e => recordedCount(e) > 0 && e.verified === 0),
    emptyExperiments: readable.filter(e => recordedCount(e) === 0),
  }
}

function coverageText(result: AuditResult): string {
  const { verified, recorded } = coverage(result)
  return `${verified} of ${plural(recorded, 'recorded value')} verified`
}

/** A key as written, with the canonical name where it differs: `KL_BETA (kl_beta)`. */
export function keyLabel(row: Pick<HparamRow, 'key' | 'written'>): string {
  return row.written !== undefined ? `${row.written} (${row.key})` : row.key
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Error findings about a recorded key: the "failing keys" the verdict leads with. */
function failingKeys(result: AuditResult): Finding[] {
  return result.findings.filter(f => f.severity === 'error' && f.key !== undefined)
}

/** The verdict as plain text (logs, setFailed, terminal). */
export function verdict(result: AuditResult): string {
  const keys = failingKeys(result)
  if (keys.length > 0) {
    const first = keys[0]!
    const detail = first.code === 'hparam-missing'
      ? `${first.key} recorded ${v(first.recorded ?? null)}, not verified in ${first.checkpoint}`
      : `${first.key} recorded ${v(first.recorded ?? null)}, stored ${v(first.stored ?? null)} in ${first.checkpoint} (${first.source})`
    const more = keys.length > 1 ? ` (+${keys.length - 1} more)` : ''
    return `❌ ${plural(keys.length, 'failing key')}: ${detail}${more}`
  }
  if (result.counts.error > 0) {
    const first = result.findings[0]!
    return `❌ ${plural(result.counts.error, 'error')}: ${first.message}`
  }
  return `${passIcon(result)} ${passLine(result)}`
}

/** ✅ only when something was verified and no experiment's records went entirely unverified. */
function passIcon(result: AuditResult): string {
  const { verified, unverifiedExperiments } = coverage(result)
  return unverifiedExperiments.length > 0 || (verified === 0 && !weightsChecked(result)) ? '⚠️' : '✅'
}

const weightsChecked = (result: AuditResult): boolean => result.pairs.length + result.lineage.length + result.details.length > 0

function names(list: readonly ExperimentResult[]): string {
  return list.slice(0, 3).map(e => e.name).join(', ') + (list.length > 3 ? ', …' : '')
}

/** `6 experiments match their records (12 of 14 recorded values verified; 3 warnings)`, or why it cannot say so. */
function passLine(result: AuditResult): string {
  const count = result.experiments.length
  const { verified, unverifiedExperiments, emptyExperiments } = coverage(result)
  const warnings = result.counts.warning > 0 ? `; ${plural(result.counts.warning, 'warning')}` : ''
  if (unverifiedExperiments.length > 0)
    return `no errors, but ${unverifiedExperiments.length} of ${plural(count, 'experiment')} could not be verified: none of their recorded values `
      + `is in the checkpoint (${names(unverifiedExperiments)}) (${coverageText(result)}${warnings})`
  if (verified === 0)
    return weightsChecked(result)
      ? `no errors in ${plural(count, 'experiment')} (weight checks only: no recorded values${warnings})`
      : `no errors, but nothing was verified: no experiment records a value and no weight claim was checked${warnings}`
  const matching = count - emptyExperiments.length
  const empty = emptyExperiments.length > 0 ? `; ${emptyExperiments.length} record${emptyExperiments.length === 1 ? 's' : ''} no values (${names(emptyExperiments)})` : ''
  return `${plural(matching, 'experiment')} ${matching === 1 ? 'matches its record' : 'match their records'} (${coverageText(result)}${empty}${warnings})`
}

/** The verdict in Markdown: the same facts, values escaped and set as code. */
function verdictMarkdown(result: AuditResult): string {
  const keys = failingKeys(result)
  if (keys.length > 0) {
    const first = keys[0]!
    const where = first.location !== undefined ? ` — ${code(first.experiment)}, ${text(`${first.location.file} line ${first.location.line}`)}` : ''
    const detail = first.code === 'hparam-missing'
      ? `**${text(first.key!)}** recorded ${code(v(first.recorded ?? null))}, not verified in ${code(first.checkpoint ?? '')}`
      : `**${text(first.key!)}** recorded ${code(v(first.recorded ?? null))}, stored ${code(v(first.stored ?? null))} in ${code(first.checkpoint ?? '')} (${code(first.source ?? '')})`
    const more = keys.length > 1 ? ` and ${plural(keys.length - 1, 'more failing key')}` : ''
    return `## ❌ ckpt-audit: ${plural(keys.length, 'failing key')}\n\n${detail}${where}${more}`
  }
  if (result.counts.error > 0) return `## ❌ ckpt-audit: ${plural(result.counts.error, 'error')}\n\n${text(result.findings[0]!.message)}`
  return `## ${passIcon(result)} ckpt-audit: ${text(passLine(result))}`
}

function findingLine(finding: Finding): string {
  const at = finding.location !== undefined ? ` (${text(`${finding.location.file}:${finding.location.line}`)})` : ''
  return `- ${SEVERITY_ICON[finding.severity]} ${code(finding.experiment)} ${code(finding.code)}: ${text(finding.message)}${at}`
}

function hparamTable(rows: readonly HparamRow[]): string {
  const body = rows.map(row => [
    text(keyLabel(row)),
    cellCode(v(row.recorded)),
    row.stored === null ? '—' : cellCode(v(row.stored)),
    row.source === null ? '—' : cellCode(row.source),
    [ICON[row.status], row.status === 'match' ? '' : row.status,
     row.note !== undefined ? text(row.note) : '',
     ...(row.conflicts ?? []).map(c => `also ${cellCode(v(c.value))} at ${cellCode(c.source)}`)].filter(Boolean).join(' '),
  ])
  return markdownTable([['key', 'recorded', 'stored', 'source', ''], ...body], { alignDelimiters: false })
}

const METRIC_ICON: Readonly<Record<MetricRow['status'], string>> = { match: '✅', mismatch: '❌', 'not-checked': '' }

/** Checked metrics as a table; those the checkpoint does not hold on one line. */
function metricsPart(metrics: readonly MetricRow[]): string[] {
  const checked = metrics.filter(m => m.status !== 'not-checked')
  const unchecked = metrics.filter(m => m.status === 'not-checked')
  const parts: string[] = []
  if (checked.length > 0) {
    const body = checked.map(m => [text(m.key), cellCode(v(m.recorded)), cellCode(v(m.stored)), cellCode(m.source ?? ''),
      [METRIC_ICON[m.status], m.status === 'match' ? '' : m.status, m.note !== undefined ? text(m.note) : ''].filter(Boolean).join(' ')])
    parts.push(`Metrics:\n\n${markdownTable([['metric', 'recorded', 'stored', 'source', ''], ...body], { alignDelimiters: false })}`)
  }
  if (unchecked.length > 0) parts.push(`Metrics (recorded, not checked: the checkpoint does not hold them): ${unchecked.map(m => `${text(m.key)} ${code(v(m.recorded))}`).join(', ')}`)
  return parts
}

function experimentSection(e: ExperimentResult): string {
  const ok = e.error === null && e.hparams.every(r => r.status === 'match') && e.metrics.every(m => m.status !== 'mismatch')
    && (recordedCount(e) === 0 || e.verified > 0)
  const format = e.format !== null ? ` (${e.format}${e.selected !== undefined ? `; read ${e.selected}` : ''})` : ''
  const parts: string[] = []
  if (e.error !== null) parts.push(`❌ unreadable (${text(e.error.reason)}): ${text(e.error.message)}`)
  else if (e.hparams.length > 0) parts.push(`${e.verified} of ${plural(recordedCount(e), 'recorded value')} verified.\n\n${hparamTable(e.hparams)}`)
  else parts.push('No hyperparameters recorded.')
  parts.push(...metricsPart(e.metrics))
  const body = parts.join('\n\n')
  // a <summary> line is raw HTML, where only entities escape; headings are Markdown
  return ok
    ? `<details><summary>✅ <code>${html(e.name)}</code> — <code>${html(e.checkpoint)}</code>${html(format)}</summary>\n\n${body}\n\n</details>`
    : `#### ${e.error !== null || e.hparams.some(r => r.status === 'mismatch') || e.metrics.some(m => m.status === 'mismatch') ? '❌' : '⚠️'} ${code(e.name)} — ${code(e.checkpoint)}${text(format)}\n\n${body}`
}

function renderBody(result: AuditResult, options: ReportOptions): string {
  const sections: string[] = [verdictMarkdown(result)]
  const { error, warning, notice } = result.counts
  sections.push(`${plural(result.experiments.length, 'experiment')} · ${coverageText(result)} · ${plural(error, 'error')} · ${plural(warning, 'warning')} · ${plural(notice, 'notice')}`)
  if (result.findings.length > 0) {
    const groups = (['error', 'warning', 'notice'] as const).map(severity => {
      const list = result.findings.filter(f => f.severity === severity)
      return list.length === 0 ? '' : `**${SEVERITY_TITLE[severity]}**\n\n${list.map(findingLine).join('\n')}`
    }).filter(Boolean)
    sections.push(`### Findings\n\n${groups.join('\n\n')}`)
  }
  sections.push(`### Experiments\n\n${result.experiments.map(experimentSection).join('\n\n')}`)
  const weights = weightsSection(result)
  if (weights !== '') sections.push(weights)
  sections.push(`### Reproduce locally\n\n\`\`\`sh\nnpx ckpt-audit check ${shellQuote(options.manifest)}\n\`\`\``)
  return sections.join('\n\n') + '\n'
}

/** A manifest path as one safe shell word (it lands inside a fenced block, so no Markdown escaping). */
function shellQuote(path: string): string {
  const flat = path.replace(/[\r\n`]/g, '')
  return /^[\w./-]+$/.test(flat) ? flat : `'${flat.replaceAll("'", "'\\''")}'`
}

export function renderReport(result: AuditResult, options: ReportOptions): RenderedReport {
  const body = renderBody(result, options)
  return { comment: `${marker(options.manifest)}\n${body}`, summary: body, verdictLine: verdict(result) }
}
