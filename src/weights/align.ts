/**
 * Aligns tensor names across formats so `state_dict.model.backbone.w` (Lightning),
 * `module.backbone.w` (DataParallel), `_orig_mod.backbone.w` (torch.compile) and a safetensors
 * `backbone.w` all become `backbone.w`.
 */
import type { NamedTensor } from '../checkpoint/checkpoint.ts'

/** Top-level keys that hold the model's weights, in order of preference. */
const WEIGHT_CONTAINERS = ['state_dict', 'model_state_dict', 'model', 'module', 'net', 'weights']
/** Subtrees that hold tensors which are not weights. */
const NOT_WEIGHTS = new Set(['optimizer', 'optimizer_state_dict', 'optimizer_states', 'lr_schedulers', 'scheduler', 'scaler', 'ema', 'ema_state_dict'])
/** Wrapper prefixes stripped from every name (DESIGN §6). */
const WRAPPERS = ['model.', 'module.', 'net.', '_orig_mod.']

/** The model's tensors, keyed by aligned name. */
export function alignTensors(tensors: readonly NamedTensor[]): Map<string, NamedTensor> {
  const container = WEIGHT_CONTAINERS.find(c => tensors.some(t => t.name.startsWith(`${c}.`)))
  let chosen = container !== undefined
    ? tensors.filter(t => t.name.startsWith(`${container}.`)).map(t => ({ ...t, name: t.name.slice(container.length + 1) }))
    : tensors.filter(t => !NOT_WEIGHTS.has(t.name.split('.')[0]!))
  for (let changed = true; changed && chosen.length > 0;) {
    changed = false
    for (const wrapper of WRAPPERS) {
      if (chosen.every(t => t.name.startsWith(wrapper) && t.name.length > wrapper.length)) {
        chosen = chosen.map(t => ({ ...t, name: t.name.slice(wrapper.length) }))
        changed = true
      }
    }
  }
  // a prefix common to all names (one dotted segment at a time), when more than one tensor shares it
  while (chosen.length > 1) {
    const first = chosen[0]!.name.split('.')[0]!
    if (!chosen.every(t => t.name.startsWith(`${first}.`))) break
    chosen = chosen.map(t => ({ ...t, name: t.name.slice(first.length + 1) }))
  }
  return new Map(chosen.map(t => [t.name, t]))
}
