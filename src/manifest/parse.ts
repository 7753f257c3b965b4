/**
 * Reads a manifest: YAML with source positions (the `yaml` package), validation against
 * schema/ckpt-audit.schema.json (ajv), then the checks a schema cannot express (references,
 * paths). Every problem is collected and reported at once with file:line:column.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, posix, relative, resolve, sep } from 'node:path'
import AjvModule, { type ErrorObject } from 'ajv'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import schema from '../../schema/ckpt-audit.schema.json' with { type: 'json' }
import { buildAliasTable, canonicalKey, normalizeName, type AliasTable } from '../hparams/aliases.ts'
import { mergeUnder, readRecords, type MarkdownCache, type RawRecordSpec, type RecordContext } from '../records/index.ts'
import { workspaceRecordReader } from '../records/reader.ts'
import type { RecordReader } from '../records/types.ts'
import { ManifestError, suggest, type ManifestProblem } from './errors.ts'
import { resolveFailOn } from './fail-on.ts'
import { findWorkspace, isInside, resolveEntry } from './paths.ts'
import { displayAddress, isRemoteAddress } from '../checkpoint/remote/address.ts'
import { decimalsWritten, recordedValue, type RecordedProblem } from './recorded.ts'
import {
  DEFAULT_FAIL_ON, type Experiment, type Manifest, type ManifestPath, type RecordedMetric, type RecordedValue, type SourceLocation,
} from './types.ts'

/** A manifest is a small text file; anything bigger is refused before parsing. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024
/** YAML alias expansion cap (billion-laughs documents). */
export const MAX_ALIAS_COUNT = 1000

const Ajv = AjvModule.default
let validator: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined
function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(schema)
  return validator(data) ? [] : [...(validator.errors ?? [])]
}

type Segment = string | number

/**
 * Reads and parses a manifest file. Throws ManifestError (exit code 2). `display` names the file
 * in messages and locations (the Action passes the workspace-relative path).
 */
export async function loadManifest(file: string, workspace = findWorkspace(file), display = file, records = workspaceRecordReader(workspace)): Promise<Manifest> {
  const at1 = { file: display, line: 1, column: 1 }
  let text: string
  try {
    const size = statSync(file).size
    if (size > MAX_MANIFEST_BYTES) throw new ManifestError([{ location: at1, message: `the manifest is ${size} bytes; the limit is ${MAX_MANIFEST_BYTES}` }])
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (error instanceof ManifestError) throw error
    throw new ManifestError([{ location: at1, message: `cannot read the manifest: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }])
  }
  return parseManifest(text, file, workspace, display, records)
}

/**
 * Parses manifest text. `file` names it in messages; relative paths resolve from its folder.
 * `records` reads the docs files experiments take their `records:` from (tests may pass their own).
 */
export function parseManifest(text: string, file: string, workspace: string, display = file, records: RecordReader = workspaceRecordReader(workspace)): Manifest {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const locate = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset)
    return { file: display, line, column: col }
  }
  const problems: ManifestProblem[] = doc.errors.map(e => ({ location: locate(e.pos[0]), message: yamlMessage(e.message) }))
  // YAML 1.1 reads yes/no as booleans and 012 as octal: values would silently differ from what was meant
  if (doc.directives?.yaml.explicit === true && doc.directives.yaml.version !== '1.2')
    problems.push({ location: locate(0), message: `a manifest is YAML 1.2; remove the %YAML ${doc.directives.yaml.version} directive (it changes how yes, no and 012 read)` })
  if (problems.length > 0) throw new ManifestError(problems)

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    throw new ManifestError([{ location: locate(0), message: `YAML aliases expand too much: ${(error as Error).message}` }])
  }
  const where = (path: Segment[], key = false): SourceLocation => locate(offsetOf(doc, path, key))
  const nodeAt = (path: Segment[]): unknown => doc.getIn(path, true)
  for (const error of validate(data)) {
    const problem = schemaProblem(error, where)
    if (problem !== undefined && !problems.some(p => p.message === problem.message && p.location.line === problem.location.line)) problems.push(problem)
  }
  if (problems.length > 0) throw new ManifestError(problems)

  const manifest = { ...build(data as RawManifest, { file, display, workspace, records }, where, nodeAt, locate, problems), file: display }
  if (problems.length > 0) throw new ManifestError(problems)
  return manifest
}

function yamlMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+.*$/s, '').replace(/^Map keys must be unique.*/s, 'duplicate key: each key may appear once in a mapping')
}

/** Offset of the node (or of its key) at `path`; the closest existing ancestor when absent. */
function offsetOf(doc: Document, path: Segment[], key: boolean): number {
  let node: unknown = doc.contents
  let offset = (node as Node | null)?.range?.[0] ?? 0
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!
    if (isMap(node)) {
      const pair = node.items.find(p => isScalar(p.key) && String(p.key.value) === String(segment))
      if (pair === undefined) return offset
      if (key && i === path.length - 1) return (pair.key as Node).range?.[0] ?? offset
      node = pair.value
    } else if (isSeq(node)) {
      node = node.items[Number(segment)]
    } else return offset
    offset = (node as Node | null)?.range?.[0] ?? offset
  }
  return offset
}

function segmentsOf(instancePath: string): Segment[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}

/** Turns one ajv error into a message a user can act on, at the right line. */
function schemaProblem(error: ErrorObject, where: (path: Segment[], key?: boolean) => SourceLocation): ManifestProblem | undefined {
  const path = segmentsOf(error.instancePath)
  const label = path.join('.') || 'the manifest'
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'if': return undefined // the branch's own error says what is wrong
    case 'additionalProperties': {
      const name = String(params.additionalProperty)
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {})
      const hint = suggest(name, known)
      return {
        location: where([...path, name], true),
        message: `unknown key '${name}' in ${label}; ${hint !== undefined ? `did you mean '${hint}'?` : `expected one of: ${known.join(', ')}`}`,
      }
    }
    case 'required':
      return { location: where(path), message: `${label} is missing the required key '${String(params.missingProperty)}'` }
    case 'type':
      return { location: where(path), message: `${label} must be ${String(params.type).replace(/,/g, ' or ')}, got ${describe(error.data)}` }
    case 'const':
      return path[0] === 'version'
        ? { location: where(path), message: `unsupported manifest version ${JSON.stringify(error.data)}; this ckpt-audit reads version 1` }
        : { location: where(path), message: `${label} must be ${JSON.stringify(params.allowedValue)}` }
    case 'enum':
      return { location: where(path), message: `${label} must be one of ${(params.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}, got ${describe(error.data)}` }
    case 'pattern':
      return { location: where(path), message: `${label} must be 64 hexadecimal digits (a sha256), got ${describe(error.data)}` }
    case 'minProperties':
      return { location: where(path), message: `${label} must have at least one entry` }
    default:
      return { location: where(path), message: `${label} ${error.message ?? 'is invalid'}` }
  }
}

interface RawExperiment {
  checkpoint: string
  twins?: string[]
  parent?: string
  frozen?: string[]
  trained?: string[]
  sha256?: string | null
  epoch_base?: 0 | 1
  records?: RawRecordSpec | RawRecordSpec[]
  hparams?: Record<string, unknown>
  metrics?: Record<string, unknown>
}
interface RawManifest {
  version: 1
  root?: string
  checks?: { fail_on?: string[], tolerance?: { rel?: number, abs?: number }, epoch_base?: 0 | 1, weights?: 'auto' | 'always' | 'never', near_duplicate_ratio?: number, unverified?: 'notice' | 'warning' | 'error' }
  aliases?: Record<string, string[]>
  experiments: Record<string, RawExperiment>
}

/** Where the manifest is, as read and as shown, and how records are read. */
interface Source {
  readonly file: string
  readonly display: string
  readonly workspace: string
  readonly records: RecordReader
}

/**
 * A docs file as locations show it: beside the manifest's own display path (`examples/okvqa/ckpt-audit.yml`
 * → `examples/okvqa/docs/experiments.md`), so annotations land on the file in the same tree.
 */
function displayBeside(display: string, manifestDir: string): (path: string) => string {
  return path => posix.normalize(join(dirname(display), relative(manifestDir, path)).split(sep).join('/'))
}

/** Applies defaults, resolves paths and references; collects the problems a schema cannot see. */
function build(raw: RawManifest, source: Source, where: (path: Segment[], key?: boolean) => SourceLocation,
               nodeAt: (path: Segment[]) => unknown, locate: (offset: number) => SourceLocation, problems: ManifestProblem[]): Manifest {
  const { file, workspace } = source
  const { table, conflicts } = buildAliasTable(raw.aliases ?? {})
  for (const c of conflicts)
    problems.push({ location: where(['aliases', Object.keys(raw.aliases ?? {}).find(k => (raw.aliases![k] ?? []).includes(c.name)) ?? c.key], true),
      message: `alias '${c.name}' of ${c.key} already names ${c.otherKey}; one stored name cannot stand for two keys` })
  const valueProblems: RecordedProblem[] = []
  const manifestDir = dirname(resolve(file))
  if (!isInside(workspace, resolve(file))) problems.push({ location: where([]), message: `the manifest is outside the workspace (${workspace})` })
  let root = manifestDir
  if (raw.root !== undefined) {
    const resolved = resolveEntry(manifestDir, raw.root, workspace, true)
    if ('problem' in resolved) problems.push({ location: where(['root']), message: `root: ${resolved.problem}` })
    else root = resolved.path
  }
  const names = new Set(Object.keys(raw.experiments))
  const pathOf = (written: string, at: Segment[], what: string): ManifestPath | undefined => {
    const resolved = resolveEntry(root, written, workspace)
    if ('problem' in resolved) {
      problems.push({ location: where(at), message: `${what}: ${resolved.problem}` })
      return undefined
    }
    // a remote entry is shown as written (under a remote root: relative to it, like local ones),
    // less any userinfo and query values (a pre-signed URL's signature)
    const display = resolved.remote ? displayAddress(written) : relative(root, resolved.path) || '.'
    return { written, resolved: resolved.path, display, location: where(at) }
  }
  /** Remote objects are not checked for existence here: that needs the network, at audit time. */
  const exists = (path: string) => isRemoteAddress(path) || existsSync(path)

  const experiments: Experiment[] = []
  const parsedRecords: MarkdownCache = new Map()
  for (const [name, e] of Object.entries(raw.experiments)) {
    const base = ['experiments', name]
    const checkpoint = pathOf(e.checkpoint, [...base, 'checkpoint'], `experiments.${name}.checkpoint`)
    const twins: ManifestPath[] = []
    for (const [i, twin] of (e.twins ?? []).entries()) {
      const at = [...base, 'twins', i]
      const target = names.has(twin) ? raw.experiments[twin]!.checkpoint : twin
      const path = pathOf(target, at, `twin '${twin}'`)
      if (path === undefined) continue
      if (!exists(path.resolved)) problems.push({ location: where(at), message: `twin '${twin}' is neither an experiment nor a file in root '${raw.root ?? '.'}'` })
      else twins.push({ ...path, written: twin })
    }
    let parent: Experiment['parent']
    if (e.parent !== undefined) {
      const at = [...base, 'parent']
      if (e.parent === name) problems.push({ location: where(at), message: `experiment '${name}' cannot be its own parent` })
      else if (names.has(e.parent)) parent = { experiment: e.parent, path: undefined, location: where(at) }
      else {
        const path = pathOf(e.parent, at, `parent '${e.parent}'`)
        if (path !== undefined && !exists(path.resolved)) {
          const hint = suggest(e.parent, [...names])
          problems.push({ location: where(at), message: `parent '${e.parent}' is neither an experiment nor a file${hint !== undefined ? `; did you mean '${hint}'?` : ''}` })
        } else if (path !== undefined) parent = { experiment: undefined, path, location: where(at) }
      }
    }
    for (const key of ['frozen', 'trained'] as const)
      if ((e[key]?.length ?? 0) > 0 && e.parent === undefined)
        problems.push({ location: where([...base, key], true), message: `${key} compares tensors with the parent's, but experiment '${name}' has no parent` })
    const hparams: RecordedValue[] = Object.entries(e.hparams ?? {}).map(([written, spec]) => {
      const explicit = spec !== null && typeof spec === 'object' && !Array.isArray(spec)
      const path = explicit ? [...base, 'hparams', written, 'value'] : [...base, 'hparams', written]
      return {
        key: canonicalKey(written, table) ?? written,
        written,
        value: recordedValue(nodeAt(path), `experiments.${name}.hparams.${written}`, valueProblems),
        at: explicit ? (spec as { at?: string }).at : undefined,
        location: where(path),
      }
    })
    sameKeyTwice(hparams, `experiments.${name}.hparams`, problems)
    const context: RecordContext = { experiment: name, manifestDir, workspace, display: displayBeside(source.display, manifestDir), table, reader: source.records, where, parsed: parsedRecords }
    const recordSets = e.records === undefined ? [] : readRecords(e.records, [...base, 'records'], context, problems)
    for (const set of recordSets) sameKeyTwice(set.values, set.label, problems)
    const metrics: RecordedMetric[] = Object.keys(e.metrics ?? {}).map(written => {
      const path = [...base, 'metrics', written]
      return {
        key: written, written, decimals: decimalsWritten(nodeAt(path)), location: where(path),
        value: recordedValue(nodeAt(path), `experiments.${name}.metrics.${written}`, valueProblems),
      }
    })
    sameKeyTwice(metrics, `experiments.${name}.metrics`, problems)
    if (checkpoint === undefined) continue
    experiments.push({
      name, location: where(base, true), checkpoint, twins, parent,
      frozen: e.frozen ?? [], trained: e.trained ?? [],
      sha256: typeof e.sha256 === 'string' ? { value: e.sha256.toLowerCase(), location: where([...base, 'sha256']) } : undefined,
      hparams: mergeUnder(recordSets, hparams, normalizeName), metrics, epochBase: e.epoch_base,
    })
  }
  // a parent chain that loops has no root to start from
  for (const e of experiments) {
    const seen = new Set([e.name])
    for (let p = e.parent?.experiment; p !== undefined; p = raw.experiments[p]?.parent) {
      if (seen.has(p)) {
        problems.push({ location: e.parent!.location, message: `parent chain of '${e.name}' loops back to '${p}'` })
        break
      }
      seen.add(p)
    }
  }
  for (const p of valueProblems) problems.push({ location: locate((p.node as Node).range?.[0] ?? 0), message: p.message })
  const recordedKeys = recordedKeysOf(experiments)
  const failOn = resolveFailOn(raw.checks?.fail_on ?? DEFAULT_FAIL_ON, table, recordedKeys)
  for (const p of failOn.problems) problems.push({ location: where(['checks', 'fail_on', p.index]), message: p.message })
  return {
    file, root, workspace,
    checks: {
      failOn: failOn.keys,
      tolerance: { rel: raw.checks?.tolerance?.rel ?? 1e-6, abs: raw.checks?.tolerance?.abs ?? 0 },
      epochBase: raw.checks?.epoch_base ?? 1,
      weights: raw.checks?.weights ?? 'auto',
      nearDuplicateRatio: raw.checks?.near_duplicate_ratio ?? 0.1,
      unverified: raw.checks?.unverified ?? 'notice',
    },
    aliases: raw.aliases ?? {},
    experiments,
  }
}

/** Two recorded keys of one experiment that mean one key (`kl_beta` and `KL_BETA`): which value counts? */
function sameKeyTwice(values: ReadonlyArray<{ key: string, written: string, location: SourceLocation }>, label: string, problems: ManifestProblem[]): void {
  const first = new Map<string, { written: string, location: SourceLocation }>()
  for (const v of values) {
    const id = normalizeName(v.key)
    const earlier = first.get(id)
    if (earlier === undefined) {
      first.set(id, v)
      continue
    }
    const both = `'${earlier.written}' (line ${earlier.location.line}) and '${v.written}' (line ${v.location.line})`
    const key = v.key !== v.written ? ` ${v.key}` : ''
    for (const at of [earlier.location, v.location])
      problems.push({ location: at, message: `${label}: ${both} are the same key${key}; keep one` })
  }
}

/** Every hparam and metric key some experiment records (resolved), for validating fail_on. */
export function recordedKeysOf(experiments: readonly Experiment[]): string[] {
  return [...new Set(experiments.flatMap(e => [...e.hparams.map(h => h.key), ...e.metrics.map(m => m.key)]))]
}

/** The alias table a manifest's `aliases:` make (conflicts are reported by parseManifest). */
export function manifestAliases(manifest: Pick<Manifest, 'aliases'>): AliasTable {
  return buildAliasTable(manifest.aliases).table
}
