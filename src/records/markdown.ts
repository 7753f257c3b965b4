/**
 * Records kept in Markdown docs, read with a GFM parser that keeps positions (mdast /
 * micromark, ADR 0003), never with regexes: escaped pipes, inline code and alignment rows are
 * the parser's business, and every value keeps the line and column of its table cell.
 *
 * - a row: the table row whose first cell is the name (the experiment's, or `row:`); header
 *   cells are the keys;
 * - a section: the first two-column `key | value` table under that heading.
 * `section` with `row` looks for the row under that heading only.
 */
import type { Nodes, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import { suggest } from '../manifest/errors.ts'
import type { SourceLocation } from '../manifest/types.ts'
import { valueFromText } from './text-value.ts'
import type { RecordLeaf, RecordProblem, RecordRead } from './types.ts'

export interface MarkdownSelect {
  /** The first cell of the row to read (`row:`, else the experiment's name when no `section:` is given). */
  readonly row: string | undefined
  /** The heading under which to look. */
  readonly section: string | undefined
}

/** What was read, or why nothing could be (reported at the manifest's `records:` entry). */
export type MarkdownResult = { readonly read: RecordRead } | { readonly missing: string }

/**
 * micromark's time and memory grow steeply with a wide table (a 1 MiB table of 52 inline-code
 * columns took 7.8 s and 1.7 GB): a docs file past this is refused rather than stalling the audit.
 * Docs tables are small (a table of 1,000 runs × 6 columns is 53 KiB); the worst case at this cap
 * is measured in ADR 0003 and README Limits.
 */
export const MAX_MARKDOWN_BYTES = 256 * 1024

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] })
}

/** The text of a cell or heading as a reader sees it: formatting dropped, inline code kept. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'break') return ' '
  return 'children' in node ? node.children.map(child => plainText(child as Nodes)).join('') : ''
}

const sameName = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ')
const sameHeading = (a: string, b: string): boolean => sameName(a.toLowerCase(), b.toLowerCase())

/** Where a cell's value starts (its first character, not the pipe before it). */
function cellLocation(cell: TableCell, file: string): SourceLocation {
  const start = cell.children[0]?.position?.start ?? cell.position?.start
  return { file, line: start?.line ?? 1, column: start?.column ?? 1 }
}

function tablesIn(nodes: readonly RootContent[]): Table[] {
  return nodes.flatMap(node => node.type === 'table' ? [node] : 'children' in node ? tablesIn(node.children as RootContent[]) : [])
}

/** The nodes under a heading, up to the next heading of the same or a higher level; undefined when no heading has that text. */
function sectionOf(root: Root, section: string): RootContent[] | undefined {
  const start = root.children.findIndex(node => node.type === 'heading' && sameHeading(plainText(node), section))
  if (start < 0) return undefined
  const depth = (root.children[start] as { depth: number }).depth
  const end = root.children.findIndex((node, i) => i > start && node.type === 'heading' && node.depth <= depth)
  return root.children.slice(start + 1, end < 0 ? undefined : end)
}

const headings = (root: Root): string[] => root.children.flatMap(node => node.type === 'heading' ? [plainText(node).trim()] : [])

/** One cell as a recorded value under `key`, or a problem at the cell. */
function cellLeaf(key: string, cell: TableCell, file: string, leaves: RecordLeaf[], problems: RecordProblem[]): void {
  if (key.trim() === '') return
  const location = cellLocation(cell, file)
  const value = valueFromText(plainText(cell), `${file}: ${key.trim()}`)
  if ('problem' in value) problems.push({ location, message: value.problem })
  else if ('value' in value) leaves.push({ path: [key.trim()], value: value.value, location })
}

/** A wide table's row: header cells are the keys, the first column is the row's name. */
function rowLeaves(table: Table, row: TableRow, file: string): RecordRead {
  const header = table.children[0]!
  const leaves: RecordLeaf[] = []
  const problems: RecordProblem[] = []
  for (let i = 1; i < row.children.length && i < header.children.length; i++)
    cellLeaf(plainText(header.children[i]!), row.children[i]!, file, leaves, problems)
  return { leaves, problems }
}

/**
 * A `key | value` table. GFM makes its first row a header; it is read as data too when its
 * first cell names a known key (`| KL_BETA | 0.15 |` over the delimiter row), so no value is
 * silently skipped for looking like a title.
 */
function keyValueLeaves(table: Table, file: string, isKnownKey: (name: string) => boolean): RecordRead {
  const [header, ...rows] = table.children
  const leaves: RecordLeaf[] = []
  const problems: RecordProblem[] = []
  const data = header !== undefined && isKnownKey(plainText(header.children[0]!)) ? [header, ...rows] : rows
  for (const row of data)
    if (row.children.length >= 2) cellLeaf(plainText(row.children[0]!), row.children[1]!, file, leaves, problems)
  return { leaves, problems }
}

function findRow(tables: readonly Table[], name: string, file: string, where: string): MarkdownResult {
  const rows = tables.flatMap(table => table.children.slice(1).map(row => ({ table, row })))
  const found = rows.filter(({ row }) => row.children[0] !== undefined && sameName(plainText(row.children[0]), name))
  if (found.length > 1)
    return { missing: `${found.length} table rows of ${file}${where} are named '${name}' (lines ${found.map(f => f.row.position?.start.line).join(', ')}); name one with section:` }
  if (found.length === 0) {
    const hint = suggest(name, rows.map(({ row }) => plainText(row.children[0]!).trim()).filter(n => n !== ''))
    return { missing: `no table row of ${file}${where} is named '${name}'${hint !== undefined ? `; did you mean '${hint}'?` : ''}` }
  }
  return { read: rowLeaves(found[0]!.table, found[0]!.row, file) }
}

/** Reads the record a parsed Markdown file holds for one experiment. `file` is the path shown in locations. */
export function readMarkdown(root: Root, file: string, select: MarkdownSelect, isKnownKey: (name: string) => boolean): MarkdownResult {
  let scope = root.children
  if (select.section !== undefined) {
    const nodes = sectionOf(root, select.section)
    if (nodes === undefined) {
      const hint = suggest(select.section, headings(root))
      return { missing: `${file} has no heading '${select.section}'${hint !== undefined ? `; did you mean '${hint}'?` : ''}` }
    }
    scope = nodes
  }
  const tables = tablesIn(scope)
  const where = select.section !== undefined ? ` under '${select.section}'` : ''
  if (select.row !== undefined) return findRow(tables, select.row, file, where)
  const table = tables.find(t => t.children[0]?.children.length === 2)
  if (table === undefined) return { missing: `${file} has no two-column key | value table under '${select.section}'` }
  return { read: keyValueLeaves(table, file, isKnownKey) }
}
