/** The weight sections of the report: distance matrix, Mermaid lineage graph, per-tensor details. Pure. */
import { markdownTable } from 'markdown-table'
import type { AuditResult } from '../audit/audit.ts'
import { cellCode, html, text } from './escape.ts'

const fmt = (x: number | null): string => (x === null ? '—' : x === 0 ? '0' : x === Infinity ? '∞' : x.toExponential(2))
/** Per-tensor tables list at most this many rows each. */
const MAX_DETAIL_ROWS = 40

/** An estimated distance (a pair no verdict needed read exactly) is marked, so that it never passes for an exact one. */
const ESTIMATE_MARK = '≈'
const ESTIMATE_LEGEND = `${ESTIMATE_MARK}: estimated from sampled elements (statistical, not read exactly: no verdict rests on the pair)`

/** Pairwise mean |a−b| between experiments (only the pairs the checks computed). */
export function distanceMatrix(result: AuditResult): string {
  const names = result.experiments.map(e => e.name).filter(n => result.pairs.some(p => p.a === n || p.b === n))
  if (names.length < 2) return ''
  let estimated = false
  const cell = (a: string, b: string): string => {
    if (a === b) return '·'
    const pair = result.pairs.find(p => (p.a === a && p.b === b) || (p.a === b && p.b === a))
    if (pair === undefined) return ''
    if (pair.identical) return '**identical**'
    // error_bound is present exactly when the distance is an estimate (recordPair); an exact read replaces it
    if (pair.error_bound === undefined) return fmt(pair.mean_abs_diff)
    estimated = true
    return `${ESTIMATE_MARK}${fmt(pair.mean_abs_diff)}`
  }
  const rows = names.map(a => [cellCode(a), ...names.map(b => cell(a, b))])
  const table = markdownTable([['', ...names.map(n => cellCode(n))], ...rows], { alignDelimiters: false })
  return `Mean |a−b| over floating tensors:\n\n${table}${estimated ? `\n\n${ESTIMATE_LEGEND}` : ''}`
}

/** Node ids are generated, labels are quoted and stripped of what could end a Mermaid string. */
function mermaidLabel(name: string): string {
  return name.replace(/["`<>\\\r\n[\]{}|#;&]/g, '_')
}

/** Declared parents as solid arrows, inferred ones (where they differ) dashed. */
export function lineageGraph(result: AuditResult): string {
  if (result.lineage.length === 0) return ''
  const ids = new Map<string, string>()
  const id = (name: string): string => {
    if (!ids.has(name)) ids.set(name, `n${ids.size}`)
    return ids.get(name)!
  }
  const edges: string[] = []
  for (const edge of result.lineage) {
    if (edge.declared !== null) edges.push(`  ${id(edge.child)} -->|declared| ${id(edge.declared)}`)
    if (edge.mismatch && edge.inferred !== null) edges.push(`  ${id(edge.child)} -.->|"weights: ${edge.identical_tensors}/${edge.total_tensors} identical"| ${id(edge.inferred)}`)
  }
  const nodes = [...ids].map(([name, nodeId]) => `  ${nodeId}["${mermaidLabel(name)}"]`)
  return ['```mermaid', 'graph BT', ...nodes, ...edges, '```'].join('\n')
}

/** Per-tensor statistics behind the twin and parent checks, folded. */
export function tensorDetails(result: AuditResult): string {
  return result.details.map(detail => {
    const rows = [...detail.tensors].sort((a, b) => b.mean_abs_diff - a.mean_abs_diff).slice(0, MAX_DETAIL_ROWS)
    const table = markdownTable([['tensor', 'dtype', 'elements', 'mean \\|a−b\\|', 'max \\|a−b\\|', ''],
      ...rows.map(t => [cellCode(t.name), text(t.dtype), String(t.elements), fmt(t.mean_abs_diff), fmt(t.max_abs_diff), t.identical ? 'identical' : ''])], { alignDelimiters: false })
    const more = detail.tensors.length > rows.length ? `\n\n… and ${detail.tensors.length - rows.length} more tensors` : ''
    return `<details><summary>${html(detail.title)}</summary>\n\n${table}${more}\n\n</details>`
  }).join('\n\n')
}

/** The whole weights section, or '' when no weight check ran. */
export function weightsSection(result: AuditResult): string {
  const parts = [lineageGraph(result), distanceMatrix(result), tensorDetails(result)].filter(Boolean)
  return parts.length === 0 ? '' : `### Weights\n\n${parts.join('\n\n')}`
}

