/** What `ckpt-audit inspect` reports about one checkpoint: pure, given the opened checkpoint or its error. */
import { weightTensors } from '../weights/align.ts'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import type { CheckpointError, UnreadableReason } from '../checkpoint/errors.ts'
import { aliasTable, type AliasTable } from '../hparams/aliases.ts'
import { discoverAll, isSettingLeaf } from '../hparams/discover.ts'
import { flatten } from '../hparams/flatten.ts'
import { jsonScalar } from '../hparams/scalar.ts'

export type JsonScalar = string | number | boolean | null

export interface HparamEntry {
  value: JsonScalar
  source: string
  /** Stored precision when it is below float64 (`float32`). */
  dtype?: string
  /** Other places that hold a different value (docs/design.md §3: reported, not silently resolved). */
  conflicts?: Array<{ value: JsonScalar, source: string }>
  /** Found only in optimizer param_groups: the current lr, which a scheduler may have changed. */
  current_lr?: true
}

export interface TensorSummary {
  count: number
  elements: number
  bytes: number
  dtypes: Record<string, number>
  /** With `--tensors`: every weight tensor by the name `frozen`/`trained` globs match (optimizer state left out). */
  list?: TensorEntry[]
}

export interface TensorEntry {
  name: string
  dtype: string
  shape: number[]
}

/** The weight tensors of a checkpoint by state_dict name, in file order (`inspect --tensors`). */
export function listTensors(checkpoint: Checkpoint): TensorEntry[] {
  return weightTensors(checkpoint.tensors).map(t => ({ name: t.name, dtype: t.tensor.dtype, shape: [...t.tensor.shape] }))
}

/** The `inspect --json` document (docs/design.md §6), plus `notices`. */
export interface InspectResult {
  path: string
  format: string | null
  size_bytes: number | null
  hparams: Record<string, HparamEntry>
  metadata: Record<string, JsonScalar>
  tensors: TensorSummary
  globals: string[]
  unsafe_globals: string[]
  notices: string[]
  error: { code: 'unreadable', reason: UnreadableReason, message: string } | null
}

/** Metadata entries shown at most (the rest are counted in a notice). */
const MAX_METADATA = 1000

export function summarizeTensors(checkpoint: Checkpoint): TensorSummary {
  const summary: TensorSummary = { count: 0, elements: 0, bytes: 0, dtypes: {} }
  for (const { tensor } of checkpoint.tensors) {
    summary.count++
    summary.elements += tensor.numel
    summary.bytes += tensor.numel * (dtypeInfo(tensor.dtype)?.itemSize ?? 0)
    summary.dtypes[tensor.dtype] = (summary.dtypes[tensor.dtype] ?? 0) + 1
  }
  return summary
}

export function inspectCheckpoint(checkpoint: Checkpoint, aliases: AliasTable = aliasTable()): InspectResult {
  const leaves = flatten(checkpoint.roots)
  const hparams: Record<string, HparamEntry> = {}
  for (const discovery of discoverAll(leaves, aliases)) {
    const found = discovery.found!
    const entry: HparamEntry = { value: jsonScalar(found.value.value), source: found.source }
    if (found.value.dtype !== undefined && found.value.dtype !== 'float64' && typeof found.value.value === 'number') entry.dtype = found.value.dtype
    if (discovery.ambiguous)
      entry.conflicts = discovery.candidates.slice(1).map(c => ({ value: jsonScalar(c.value.value), source: c.source }))
    // only the optimizer's current lr is stored: a scheduled value, not the configured one
    if (discovery.scheduledOnly) entry.current_lr = true
    hparams[discovery.key] = entry
  }
  const settings = leaves.filter(isSettingLeaf)
  const metadata: Record<string, JsonScalar> = {}
  for (const leaf of settings.slice(0, MAX_METADATA)) metadata[leaf.source] = jsonScalar(leaf.value.value)
  const notices = [...checkpoint.notices]
  if (settings.length > MAX_METADATA) notices.push(`${settings.length - MAX_METADATA} more metadata entries not shown`)
  const unknown = [...new Set(checkpoint.globals.filter(g => g.verdict === 'unknown').map(g => g.qualified))]
  if (unknown.length > 0) notices.push(`unknown classes, kept as inert records: ${unknown.join(', ')}`)
  return {
    path: checkpoint.path,
    format: checkpoint.format,
    size_bytes: checkpoint.sizeBytes,
    hparams,
    metadata,
    tensors: summarizeTensors(checkpoint),
    globals: [...new Set(checkpoint.globals.map(g => g.qualified))].sort(),
    unsafe_globals: [...new Set(checkpoint.globals.filter(g => g.verdict === 'unsafe').map(g => g.qualified))].sort(),
    notices,
    error: null,
  }
}

/** The same document for a file that could not be read. */
export function inspectFailure(path: string, error: CheckpointError, sizeBytes: number | null): InspectResult {
  return {
    path, format: null, size_bytes: sizeBytes, hparams: {}, metadata: {},
    tensors: { count: 0, elements: 0, bytes: 0, dtypes: {} },
    globals: [...new Set(error.globals.map(g => g.qualified))].sort(),
    unsafe_globals: [...new Set(error.globals.filter(g => g.verdict === 'unsafe').map(g => g.qualified))].sort(),
    notices: [],
    error: { code: 'unreadable', reason: error.reason, message: error.message },
  }
}
