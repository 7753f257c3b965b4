/**
 * A value written as text in a record (a Markdown table cell, a Hydra override) read as a YAML
 * scalar, so `0.15` is a number and `true` a boolean, with the manifest's refusals (`.inf`,
 * `.nan`, `yes`/`no`, `1e400`): a docs table is a record like the manifest and must not
 * record something its author did not mean. Text YAML cannot read (`[x`, `*ref`, `%`) is
 * the string as written.
 */
import { isCollection, isScalar, parseDocument } from 'yaml'
import type { RecordedData } from '../hparams/compare.ts'
import { recordedValue, type RecordedProblem } from '../manifest/recorded.ts'

/** What teams write for "not recorded": such a cell records nothing rather than a string. */
const NOTHING = /^(|-|–|—|\?|n\/a|N\/A)$/

export type TextValue = { readonly value: RecordedData } | { readonly problem: string } | { readonly nothing: true }

export function valueFromText(text: string, label: string): TextValue {
  const trimmed = text.trim()
  if (NOTHING.test(trimmed)) return { nothing: true }
  const doc = parseDocument(trimmed, { version: '1.2', prettyErrors: false })
  const node = doc.contents
  // a scalar or a flow list/mapping (`[1, 2]`); an alias or block syntax (`a: b`, `- x`) in a cell is prose
  const readable = isScalar(node) || (isCollection(node) && node.flow === true)
  // `0.1 # 0.15` in a cell is what the docs show a reader: YAML would drop the comment, so keep the text
  const commented = doc.comment != null || (node as { comment?: string | null } | null)?.comment != null
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !readable || commented) return { value: trimmed }
  const problems: RecordedProblem[] = []
  const value = recordedValue(node, label, problems)
  return problems.length > 0 ? { problem: problems[0]!.message } : { value }
}
