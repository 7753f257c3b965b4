/** The manifest `ckpt-audit init` writes, as YAML text with a comment naming each value's source. Pure. */
import { parse } from 'yaml'
import { YAML11_BOOLEANS } from '../manifest/recorded.ts'
import type { ScalarValue } from '../hparams/scalar.ts'
import type { ProposedValue } from './propose.ts'

export interface InitExperiment {
  readonly name: string
  /** Checkpoint path relative to the manifest's root, `/`-separated. */
  readonly checkpoint: string
  readonly twins: readonly string[]
  readonly parent: { readonly name: string, readonly bytes: number, readonly ordered: boolean } | undefined
  readonly values: readonly ProposedValue[]
  /** One-line remarks written above the experiment (unsafe globals, unknown order). */
  readonly notes: readonly string[]
}

export interface InitManifest {
  /** Path of the JSON schema relative to the manifest, for editors. */
  readonly schema: string
  readonly folder: string
  /** Folder the checkpoint paths are relative to (relative to the manifest), '' for the manifest's own. */
  readonly root: string
  readonly experiments: readonly InitExperiment[]
  readonly skipped: ReadonlyArray<{ readonly path: string, readonly reason: string }>
  readonly remarks: readonly string[]
}

/** A comment can hold anything a checkpoint stored: one line, printable. */
const comment = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
/**
 * A value as one YAML scalar on one line. A string stays plain only when YAML reads it back as
 * that same string (not `yes`, `1e5` or `null`); otherwise it is double-quoted, and a JSON
 * string is a valid YAML double-quoted scalar, newlines escaped.
 */
function scalar(value: ScalarValue): string {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value))
  if (typeof value !== 'string') return String(value ?? 'null')
  // `yes`/`off` read back as strings, but the manifest refuses them unquoted (YAML 1.1 booleans)
  return /^[\w][\w./-]*$/.test(value) && parse(value) === value && !YAML11_BOOLEANS.test(value) ? value : JSON.stringify(value)
}

function valueLine(v: ProposedValue): string {
  return v.pinned
    ? `      ${v.key}: {value: ${scalar(v.value)}, at: ${scalar(v.source)}}   # stored in several places: this one`
    : `      ${v.key}: ${scalar(v.value)}   # from ${comment(v.source)}`
}

function experimentBlock(e: InitExperiment): string {
  const lines = e.notes.map(n => `  # ${comment(n)}`)
  lines.push(`  ${e.name}:`, `    checkpoint: ${scalar(e.checkpoint)}`)
  if (e.twins.length > 0) lines.push(`    twins: [${e.twins.map(scalar).join(', ')}]   # same stem, weights agree`)
  if (e.parent !== undefined) {
    const evidence = `${e.parent.bytes.toLocaleString('en-US')} parameter bytes bit-identical`
    // only an order the files state makes a parent line; shared bytes alone do not say who came first
    lines.push(e.parent.ordered
      ? `    parent: ${e.parent.name}   # weights: ${evidence}, at an earlier step`
      : `    # ${evidence} with ${e.parent.name}; the files do not say which came first: if this run started from it, add parent: ${e.parent.name}`)
  }
  if (e.values.length > 0) lines.push('    hparams:', ...e.values.map(valueLine))
  else lines.push('    # no hyperparameters found in this checkpoint: record them under hparams:')
  return lines.join('\n')
}

export function renderInitManifest(m: InitManifest): string {
  const head = [
    `# yaml-language-server: $schema=${m.schema}`,
    `# Written by ckpt-audit init from the checkpoints under ${comment(m.folder)}: every value is what the file stores.`,
    '# Check each against your own records (docs, W&B, MLflow), fix what they say, then run: npx ckpt-audit check',
    ...m.remarks.map(r => `# ${comment(r)}`),
    ...m.skipped.map(s => `# skipped ${comment(s.path)}: ${comment(s.reason)}`),
    'version: 1',
    ...(m.root !== '' ? [`root: ${scalar(m.root)}`] : []),
    'experiments:',
  ]
  return `${head.join('\n')}\n${m.experiments.map(experimentBlock).join('\n')}\n`
}
