/**
 * A Hydra run's `.hydra/` folder: `config.yaml` (the composed job config) with `overrides.yaml`
 * (the command-line overrides, `- optim.lr=1e-4`) applied over it, so a value set on the
 * command line points at the override line that set it.
 * - `key=value`, `+key=value`, `++key=value` set a value (read as a YAML scalar, as Hydra's
 *   grammar reads simple values); `~key` removes it; `key@pkg=…` is `key`;
 * - an override of a key whose config value is a mapping chose a config group (`optim=adam`):
 *   the composed config already holds that group's values, so it records nothing itself;
 * - `hydra.*` overrides are Hydra's own settings and are skipped;
 * - an interpolation of another key (`${optim.lr}`) records that key's value and points at it;
 *   other interpolations (resolvers such as `${oc.env:X}`) cannot be known and record nothing.
 * Format: https://hydra.cc/docs/tutorials/basic/running_your_app/working_directory/ (the
 * `.hydra/` subdirectory: config.yaml, hydra.yaml, overrides.yaml) and
 * https://hydra.cc/docs/advanced/override_grammar/basic/.
 */
import { join } from 'node:path'
import { isScalar, isSeq, type Node } from 'yaml'
import type { SourceLocation } from '../manifest/types.ts'
import { valueFromText } from './text-value.ts'
import type { RecordLeaf, RecordProblem, RecordRead, RecordReader } from './types.ts'
import { parseYamlRecord, yamlLeaves } from './yaml-leaves.ts'

/** `.hydra` itself, the `.hydra` of a run folder, or the folder of `.hydra/config.yaml`. */
export function hydraDir(path: string, reader: RecordReader): string | undefined {
  const trimmed = path.replace(/[\\/]+$/, '')
  if (/(^|[\\/])\.hydra$/.test(trimmed) && reader.kind(join(trimmed, 'config.yaml')) === 'file') return trimmed
  if (/(^|[\\/])\.hydra[\\/]config\.yaml$/.test(trimmed) && reader.kind(trimmed) === 'file') return trimmed.replace(/[\\/]config\.yaml$/, '')
  return reader.kind(join(trimmed, '.hydra', 'config.yaml')) === 'file' ? join(trimmed, '.hydra') : undefined
}

const OVERRIDE = /^(\+{0,2})([^=~@]+?)(@[^=]*)?=(.*)$/s
const REFERENCE = /^\$\{([\w.-]+)\}$/

/** The config's leaves by dotted path, in file order. */
function configLeaves(text: string, file: string): { leaves: Map<string, RecordLeaf>, problems: RecordProblem[] } {
  const { doc, locate, problems } = parseYamlRecord(text, file)
  const list: RecordLeaf[] = []
  if (problems.length === 0) yamlLeaves(doc.contents, [], locate, list, problems)
  return { leaves: new Map(list.filter(l => l.path[0] !== 'hydra').map(l => [l.path.join('.'), l])), problems }
}

/** Applies overrides.yaml to the config's leaves, in order. */
function applyOverrides(text: string, file: string, leaves: Map<string, RecordLeaf>, problems: RecordProblem[]): void {
  const { doc, locate, problems: syntax } = parseYamlRecord(text, file)
  problems.push(...syntax)
  if (syntax.length > 0 || doc.contents === null) return
  if (!isSeq(doc.contents)) {
    problems.push({ location: locate(doc.contents), message: `${file}: expected a list of overrides (key=value)` })
    return
  }
  for (const item of doc.contents.items) {
    if (!isScalar(item) || typeof item.value !== 'string') continue
    const override = item.value.trim()
    const removed = /^~([^=]+)/.exec(override)?.[1]
    if (removed !== undefined) {
      for (const key of [...leaves.keys()]) if (key === removed || key.startsWith(`${removed}.`)) leaves.delete(key)
      continue
    }
    const match = OVERRIDE.exec(override)
    if (match === null) continue
    const key = match[2]!.trim()
    const isGroup = !leaves.has(key) && [...leaves.keys()].some(k => k.startsWith(`${key}.`))
    if (key === 'hydra' || key.startsWith('hydra.') || isGroup) continue
    const start = (item as Node).range?.[0] ?? 0
    const location: SourceLocation = { ...locate(item), column: locate(item).column + text.slice(start).indexOf('=') + 1 }
    const value = valueFromText(match[4]!, `${file}: ${key}`)
    if ('problem' in value) problems.push({ location, message: value.problem })
    else if ('value' in value) leaves.set(key, { path: key.split('.'), value: value.value, location })
  }
}

/** `${other.key}` becomes that key's value and place; other interpolations record nothing. */
function resolveReferences(leaves: Map<string, RecordLeaf>): RecordLeaf[] {
  const out: RecordLeaf[] = []
  for (const leaf of leaves.values()) {
    if (typeof leaf.value !== 'string' || !leaf.value.includes('${')) {
      out.push(leaf)
      continue
    }
    const target = leaves.get(REFERENCE.exec(leaf.value)?.[1] ?? '')
    if (target !== undefined && !(typeof target.value === 'string' && target.value.includes('${')))
      out.push({ path: leaf.path, value: target.value, location: target.location })
  }
  return out
}

export function readHydra(dir: string, reader: RecordReader, display: (path: string) => string): RecordRead {
  const configFile = join(dir, 'config.yaml')
  const { leaves, problems } = configLeaves(reader.text(configFile), display(configFile))
  const overridesFile = join(dir, 'overrides.yaml')
  if (reader.kind(overridesFile) === 'file') applyOverrides(reader.text(overridesFile), display(overridesFile), leaves, problems)
  return { leaves: resolveReferences(leaves), problems }
}
