/**
 * The leaves of a YAML config (W&B values, a Hydra config) with their positions: mappings are
 * walked, scalars and lists are values. Values are read from the nodes with the manifest's
 * rules (exact integers, `.inf`/`.nan`/`yes` refused) so a record means what the manifest would.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import { recordedValue, type RecordedProblem } from '../manifest/recorded.ts'
import type { SourceLocation } from '../manifest/types.ts'
import type { RecordLeaf, RecordProblem } from './types.ts'

export interface LocatedDocument {
  readonly doc: Document
  readonly locate: (node: unknown) => SourceLocation
  /** YAML syntax errors, at their lines. */
  readonly problems: RecordProblem[]
}

export function parseYamlRecord(text: string, file: string): LocatedDocument {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const at = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset)
    return { file, line, column: col }
  }
  const locate = (node: unknown): SourceLocation => at((node as Node | null)?.range?.[0] ?? 0)
  return { doc, locate, problems: doc.errors.map(e => ({ location: at(e.pos[0]), message: `${file}: ${e.message.replace(/ at line \d+, column \d+.*$/s, '')}` })) }
}

/** Appends the leaves under `node` (at `path`) to `leaves`; refused values become problems at their node. */
export function yamlLeaves(node: unknown, path: readonly string[], locate: (node: unknown) => SourceLocation,
                           leaves: RecordLeaf[], problems: RecordProblem[]): void {
  if (node === null || node === undefined) return // `key:` with nothing after it records nothing
  if (isMap(node)) {
    for (const pair of node.items)
      if (isScalar(pair.key)) yamlLeaves(pair.value, [...path, String(pair.key.value)], locate, leaves, problems)
    return
  }
  const found: RecordedProblem[] = []
  const value = recordedValue(node, path.join('.'), found)
  for (const p of found) problems.push({ location: locate(p.node), message: p.message })
  if (found.length === 0) leaves.push({ path, value, location: locate(node) })
}
