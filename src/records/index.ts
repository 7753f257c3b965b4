/**
 * `records:` of an experiment → recorded values located in the docs files they came from.
 * A spec is a path, `{file, row?, section?, kind?, keys?}`, or a list of them. Paths resolve
 * from the manifest's folder and stay inside the workspace. A record that cannot be found is a
 * manifest problem at the `records:` entry (with "did you mean" for rows and sections); a value
 * a record holds wrongly (`yes`, `.inf`) is one at the docs line.
 */
import { recordedEqual } from '../hparams/compare.ts'
import { canonicalKey, type AliasTable } from '../hparams/aliases.ts'
import { suggest, type ManifestProblem } from '../manifest/errors.ts'
import { resolveInside } from '../manifest/paths.ts'
import type { RecordedValue, SourceLocation } from '../manifest/types.ts'
import { detectKind, wandbConfigFile } from './detect.ts'
import { hydraDir, readHydra } from './hydra.ts'
import type { Root } from 'mdast'
import { MAX_MARKDOWN_BYTES, parseMarkdown, readMarkdown } from './markdown.ts'
import { mlflowParamsDir, readMlflow } from './mlflow.ts'
import { nameLeaves, type NamedLeaf } from './naming.ts'
import { RECORD_KINDS, type RecordKind, type RecordRead, type RecordReader } from './types.ts'
import { readWandb } from './wandb.ts'

type Segment = string | number

/** One `records:` entry as the schema admits it. */
export type RawRecordSpec = string | { file: string, row?: string, section?: string, kind?: RecordKind, keys?: string[] }

export interface RecordContext {
  /** The experiment's name: the Markdown row read when no `row:` or `section:` is given. */
  readonly experiment: string
  readonly manifestDir: string
  readonly workspace: string
  /** A docs file's absolute path → the path locations show (beside the manifest's display path). */
  readonly display: (path: string) => string
  readonly table: AliasTable
  readonly reader: RecordReader
  /** Location of the manifest node at a path. */
  readonly where: (path: Segment[]) => SourceLocation
  /** Markdown files already parsed for this manifest: many experiments read rows of one table. */
  readonly parsed: MarkdownCache
}

/** Parsed Markdown records by absolute path, one per manifest parse. */
export type MarkdownCache = Map<string, Root>

/** A Markdown file's tree, parsed once per manifest. */
function markdownTree(path: string, ctx: RecordContext): Root {
  let root = ctx.parsed.get(path)
  if (root === undefined) {
    const text = ctx.reader.text(path)
    const bytes = Buffer.byteLength(text)
    if (bytes > MAX_MARKDOWN_BYTES) throw new Error(`${bytes} bytes; a Markdown record may have at most ${MAX_MARKDOWN_BYTES}`)
    root = parseMarkdown(text)
    ctx.parsed.set(path, root)
  }
  return root
}

/** One record's values, with the label its own duplicate keys are reported under. */
export interface RecordSet {
  readonly label: string
  readonly values: RecordedValue[]
}

interface Spec {
  readonly file: string
  readonly row: string | undefined
  readonly section: string | undefined
  readonly kind: RecordKind | undefined
  readonly keys: readonly string[] | undefined
  /** YAML path of the entry, and of the node a missing thing is reported at. */
  readonly at: Segment[]
  readonly object: boolean
}

function specsOf(raw: RawRecordSpec | RawRecordSpec[], at: Segment[]): Spec[] {
  const list: Array<[RawRecordSpec, Segment[]]> = Array.isArray(raw) ? raw.map((r, i) => [r, [...at, i]]) : [[raw, at]]
  return list.map(([r, path]) => typeof r === 'string'
    ? { file: r, row: undefined, section: undefined, kind: undefined, keys: undefined, at: path, object: false }
    : { file: r.file, row: r.row, section: r.section, kind: r.kind, keys: r.keys, at: path, object: true })
}

type Read = RecordRead | { readonly missing: string, readonly at?: Segment[] }

/** Reads one record of a known kind at an absolute path. */
function readKind(kind: RecordKind, path: string, spec: Spec, ctx: RecordContext): Read {
  const shown = ctx.display(path)
  if (kind !== 'markdown' && (spec.row !== undefined || spec.section !== undefined))
    return { missing: `row: and section: select in Markdown records; ${shown} is of kind ${kind}`, at: [...spec.at, spec.row !== undefined ? 'row' : 'section'] }
  switch (kind) {
    case 'markdown': {
      if (ctx.reader.kind(path) !== 'file') return { missing: `${shown} is not a Markdown file` }
      const row = spec.row ?? (spec.section === undefined ? ctx.experiment : undefined)
      const result = readMarkdown(markdownTree(path, ctx), shown, { row, section: spec.section }, name => canonicalKey(name, ctx.table) !== undefined)
      if ('read' in result) return result.read
      return { missing: result.missing, at: spec.row !== undefined ? [...spec.at, 'row'] : spec.section !== undefined ? [...spec.at, 'section'] : spec.at }
    }
    case 'wandb': {
      const file = wandbConfigFile(path, ctx.reader)
      return file === undefined ? { missing: `${shown} holds no W&B config.yaml (wandb_version: 1)` } : readWandb(ctx.reader.text(file), ctx.display(file))
    }
    case 'mlflow': {
      const dir = mlflowParamsDir(path, ctx.reader)
      return dir === undefined ? { missing: `${shown} is neither an MLflow run's params/ folder nor a run folder holding one` } : readMlflow(dir, ctx.reader, ctx.display)
    }
    case 'hydra': {
      const dir = hydraDir(path, ctx.reader)
      return dir === undefined ? { missing: `${shown} holds no .hydra/config.yaml` } : readHydra(dir, ctx.reader, ctx.display)
    }
  }
}

/** Keeps the leaves `keys:` names; a named key the record lacks is a problem (the gate would check nothing). */
function selectKeys(leaves: NamedLeaf[], spec: Spec, ctx: RecordContext, problems: ManifestProblem[]): NamedLeaf[] {
  if (spec.keys === undefined) return leaves
  const wanted = spec.keys.map(k => nameLeaves([{ path: [k], value: null, location: ctx.where(spec.at) }], ctx.table)[0]!.key)
  for (const [i, key] of wanted.entries())
    if (!leaves.some(l => l.key === key)) {
      const hint = suggest(spec.keys[i]!, leaves.map(l => l.written))
      problems.push({ location: ctx.where([...spec.at, 'keys', i]), message: `keys: the record ${spec.file} has no '${spec.keys[i]}'${hint !== undefined ? `; did you mean '${hint}'?` : ''}` })
    }
  return leaves.filter(l => wanted.includes(l.key))
}

function readOne(spec: Spec, ctx: RecordContext, problems: ManifestProblem[]): RecordSet | undefined {
  const fileAt = spec.object ? [...spec.at, 'file'] : spec.at
  const resolved = resolveInside(ctx.manifestDir, spec.file, ctx.workspace)
  if ('problem' in resolved) {
    problems.push({ location: ctx.where(fileAt), message: `records: ${resolved.problem}` })
    return undefined
  }
  const path = resolved.path
  if (ctx.reader.kind(path) === undefined) {
    problems.push({ location: ctx.where(fileAt), message: `records: '${spec.file}' does not exist (paths are relative to the manifest's folder)` })
    return undefined
  }
  const kind = spec.kind ?? detectKind(path, ctx.reader)
  if (kind === undefined) {
    problems.push({ location: ctx.where(fileAt), message: `records: cannot tell what kind of record '${spec.file}' is; write {file: ${spec.file}, kind: ${RECORD_KINDS.join('|')}}` })
    return undefined
  }
  let read: Read
  try {
    read = readKind(kind, path, spec, ctx)
  } catch (error) {
    problems.push({ location: ctx.where(fileAt), message: `records: cannot read '${spec.file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` })
    return undefined
  }
  if ('missing' in read) {
    problems.push({ location: ctx.where(read.at ?? fileAt), message: `records: ${read.missing}` })
    return undefined
  }
  problems.push(...read.problems)
  const leaves = selectKeys(nameLeaves(read.leaves, ctx.table), spec, ctx, problems)
  const which = spec.row !== undefined ? ` row '${spec.row}'` : spec.section !== undefined ? ` section '${spec.section}'` : kind === 'markdown' ? ` row '${ctx.experiment}'` : ''
  return {
    label: `records ${ctx.display(path)}${which}`,
    values: leaves.map(l => ({ key: l.key, written: l.written, value: l.value, at: undefined, location: l.location })),
  }
}

/** Reads every record of one experiment; problems are collected, not thrown. */
export function readRecords(raw: RawRecordSpec | RawRecordSpec[], at: Segment[], ctx: RecordContext, problems: ManifestProblem[]): RecordSet[] {
  return specsOf(raw, at).flatMap(spec => readOne(spec, ctx, problems) ?? [])
}

/**
 * Records layered under the manifest's own values: a later record overrides an earlier one,
 * and `hparams:` override every record (the issue's rule: hparams win). Identity is the
 * canonical key, so `KL_BETA` in a table and `kl_beta:` in hparams are one value. Record
 * order is kept, with hparams' own keys after.
 */
export function mergeUnder(records: readonly RecordSet[], hparams: readonly RecordedValue[], identity: (key: string) => string): RecordedValue[] {
  const merged = new Map<string, RecordedValue>()
  for (const value of [...records.flatMap(r => r.values), ...hparams]) {
    const hidden = merged.get(identity(value.key))
    // a record that says otherwise is kept beside the winner: one of the two records is wrong, and the report says so
    const overrides = hidden === undefined ? [] : [
      ...(hidden.overrides ?? []),
      ...(recordedEqual(hidden.value, value.value) ? [] : [{ value: hidden.value, location: hidden.location }]),
    ]
    merged.set(identity(value.key), overrides.length > 0 ? { ...value, overrides } : value)
  }
  return [...merged.values()]
}
