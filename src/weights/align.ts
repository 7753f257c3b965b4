/**
 * Aligns the tensor names of two checkpoints without dropping or renaming anything silently.
 *
 * 1. Each file keeps every tensor except those under optimizer/scheduler/EMA/hyperparameter
 *    subtrees (and 0-dim counters such as a top-level `epoch` tensor). When that leaves nothing,
 *    the tensors under EMA and hyperparameter keys are the weights (a file that stores only
 *    `{'ema': state_dict}` or `{'config': state_dict}`); optimizer and loop state never are. Each keeps its
 *    name as written inside the checkpoint's `state_dict`/`model_state_dict` key (that key is
 *    the file's container, not part of any name); tensors of a pickled `nn.Module`
 *    (`torch.save(model)`) get their state_dict names (`_modules.0._parameters.weight` → `0.weight`).
 * 2. Exact names first. A wrapper prefix (`model.`, `module.`, `_orig_mod.`, …, or
 *    the one first segment all names of a file share) is removed from the names that carry it
 *    only when that makes more names match; of equally good choices the one removing least wins.
 *    Two different prefixes are removed from the two files only when both are wrapper segments:
 *    `x.weight` and `y.weight` are different modules, not one leaf under two wrappers.
 * 3. The result says how names were aligned when the two files' names were not equal.
 */
import type { NamedTensor } from '../checkpoint/checkpoint.ts'

/** Subtrees of optimizer and loop state: never the model's weights. */
const TRAINING_STATE = new Set([
  'optimizer', 'optimizer_state_dict', 'optimizer_states', 'optimizers', 'lr_schedulers', 'lr_scheduler', 'scheduler',
  'scaler', 'loops', 'callbacks',
])
/** Subtrees of EMA copies (timm's `state_dict_ema`/`model_ema` too) and hyperparameters: weights only when nothing else is. */
const SECOND_CHOICE = new Set([
  'ema', 'ema_state_dict', 'state_dict_ema', 'model_ema', 'ema_model', 'model_ema_state_dict', 'ema_state',
  'args', 'hyper_parameters', 'hparams', 'config', 'cfg', 'training_args',
])
/** Top-level 0-dim tensors that are training counters, not parameters. */
const COUNTERS = new Set(['epoch', 'global_step', 'step', 'iteration', 'best_score', 'val_loss', 'loss'])
/** Checkpoint keys that hold a state_dict: removed from the names under them. */
const STATE_DICT_KEYS = ['state_dict.', 'model_state_dict.']
/** Segments that wrap a model's names: container keys and wrapper modules. */
const WRAPPER_SEGMENTS = new Set(['model', 'module', 'net', 'network', 'weights', '_orig_mod', 'params'])
/** Path segments of a pickled nn.Module that are not part of its state_dict names. */
const MODULE_SEGMENTS = new Set(['_modules', '_parameters', '_buffers'])
/** At most this many prefixes per file are tried (the pairs are tried exhaustively). */
const MAX_CANDIDATES = 8

export interface AlignedTensor {
  /** The name both files share after alignment. */
  readonly name: string
  readonly a: NamedTensor
  readonly b: NamedTensor
}

export interface PrefixesRemoved {
  readonly a: string
  readonly b: string
}

export interface Alignment {
  readonly pairs: readonly AlignedTensor[]
  readonly onlyInA: readonly string[]
  readonly onlyInB: readonly string[]
  /** The prefixes removed from each file's names when they differ between the files (`{a: 'model.', b: ''}`); null when equal. */
  readonly removed: PrefixesRemoved | null
}

/** `a._modules.b._parameters.w` → `a.b.w`: state_dict names of a pickled module's tensors. */
function stateDictName(name: string): string {
  const segments = name.split('.')
  if (!segments.some(s => s === '_parameters' || s === '_buffers')) return name
  return segments.filter(s => !MODULE_SEGMENTS.has(s)).join('.')
}

/** `state_dict.backbone.w` → `backbone.w`, unless another tensor already has that name. */
function withoutStateDictKey(name: string, taken: ReadonlySet<string>): string {
  const key = STATE_DICT_KEYS.find(k => name.startsWith(k))
  return key !== undefined && !taken.has(name.slice(key.length)) ? name.slice(key.length) : name
}

/** The model's tensors of a file, by state_dict name (see the module comment). */
export function weightTensors(tensors: readonly NamedTensor[]): NamedTensor[] {
  const model = tensors.filter(t => !(t.tensor.shape.length === 0 && COUNTERS.has(t.name)) && !TRAINING_STATE.has(t.name.split('.')[0]!))
  const first = model.filter(t => !SECOND_CHOICE.has(t.name.split('.')[0]!))
  // an EMA or config subtree that is all the file holds is what it stores as weights, not nothing to compare
  const kept = first.length > 0 ? first : model
  const taken = new Set(kept.map(t => t.name))
  return kept.map(t => {
    const name = stateDictName(withoutStateDictKey(t.name, taken))
    return name === t.name ? t : { ...t, name }
  })
}

/** Prefixes worth trying for one file: '' plus each chain of wrapper segments, plus a first segment all names share. */
function candidatePrefixes(names: readonly string[]): string[] {
  const found = new Map<string, number>([['', names.length]])
  for (const name of names) {
    const segments = name.split('.')
    let prefix = ''
    for (let i = 0; i < segments.length - 1 && WRAPPER_SEGMENTS.has(segments[i]!); i++) {
      prefix += `${segments[i]}.`
      found.set(prefix, (found.get(prefix) ?? 0) + 1)
    }
  }
  const first = names[0]?.split('.')[0]
  if (first !== undefined && names.every(n => n.startsWith(`${first}.`))) found.set(`${first}.`, names.length)
  return [...found.entries()].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length).slice(0, MAX_CANDIDATES).map(([p]) => p)
}

const onlyWrappers = (prefix: string): boolean => prefix.split('.').slice(0, -1).every(s => WRAPPER_SEGMENTS.has(s))

/** Different prefixes off both files align only wrappers (`model.` with `module.`), never two modules (`x.` with `y.`). */
function compatiblePrefixes(pa: string, pb: string): boolean {
  return pa === '' || pb === '' || pa === pb || (onlyWrappers(pa) && onlyWrappers(pb))
}

/** Names with `prefix` removed where present; undefined when that makes two names collide. */
function renamed(tensors: readonly NamedTensor[], prefix: string): Map<string, NamedTensor> | undefined {
  const out = new Map<string, NamedTensor>()
  for (const t of tensors) {
    const name = prefix !== '' && t.name.startsWith(prefix) ? t.name.slice(prefix.length) : t.name
    if (out.has(name)) return undefined
    out.set(name, t)
  }
  return out
}

function countShared(x: ReadonlyMap<string, unknown>, y: ReadonlyMap<string, unknown>): number {
  let shared = 0
  for (const name of x.keys()) if (y.has(name)) shared++
  return shared
}

/** `names aligned: 'model.' removed from A` (or with other labels than A and B). */
export function describeAlignment(removed: PrefixesRemoved, labelA = 'A', labelB = 'B'): string {
  const parts = [[removed.a, labelA], [removed.b, labelB]].filter(([prefix]) => prefix !== '')
  return `names aligned: ${parts.map(([prefix, label]) => `'${prefix}' removed from ${label}`).join(', ')}`
}

/** Aligns the weights of two files (see the module comment for the algorithm). */
export function alignPair(tensorsA: readonly NamedTensor[], tensorsB: readonly NamedTensor[]): Alignment {
  const a = weightTensors(tensorsA)
  const b = weightTensors(tensorsB)
  let best: { pa: string, pb: string, x: Map<string, NamedTensor>, y: Map<string, NamedTensor>, shared: number } | undefined
  const namingsOf = (tensors: readonly NamedTensor[]) => candidatePrefixes(tensors.map(t => t.name))
    .map(prefix => ({ prefix, names: renamed(tensors, prefix) }))
    .filter((c): c is { prefix: string, names: Map<string, NamedTensor> } => c.names !== undefined)
  const namingsB = namingsOf(b)
  for (const { prefix: pa, names: x } of namingsOf(a)) {
    for (const { prefix: pb, names: y } of namingsB) {
      if (!compatiblePrefixes(pa, pb)) continue
      const shared = countShared(x, y)
      const better = best === undefined || shared > best.shared
        || (shared === best.shared && pa.length + pb.length < best.pa.length + best.pb.length)
      if (better) best = { pa, pb, x, y, shared }
    }
  }
  const x = best?.x ?? new Map<string, NamedTensor>()
  const y = best?.y ?? new Map<string, NamedTensor>()
  const pairs = [...x].filter(([name]) => y.has(name)).map(([name, ta]) => ({ name, a: ta, b: y.get(name)! }))
  return {
    pairs: pairs.sort((p, q) => p.name.localeCompare(q.name)),
    onlyInA: [...x.keys()].filter(k => !y.has(k)).sort(),
    onlyInB: [...y.keys()].filter(k => !x.has(k)).sort(),
    removed: best === undefined || best.pa === best.pb ? null : { a: best.pa, b: best.pb },
  }
}
