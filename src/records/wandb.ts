/**
 * A W&B run's `config.yaml` (in the run folder `wandb/run-<id>/files/`): `wandb_version: 1`, then one entry per
 * config key holding `{desc, value}`; `_wandb` is W&B's own bookkeeping and is skipped. Nested
 * values are walked like a Hydra config (see naming.ts).
 * Format: https://docs.wandb.ai/guides/track/config/ ("config.yaml" in the run's files) and
 * wandb/sdk/lib/config_util.py (dict_from_config_file: `wandb_version`, `_wandb`, `{value, desc}`).
 */
import { isMap, isScalar } from 'yaml'
import type { RecordLeaf, RecordProblem, RecordRead } from './types.ts'
import { parseYamlRecord, yamlLeaves } from './yaml-leaves.ts'

/** True when YAML text is a W&B config (its top level has `wandb_version`). */
export function isWandbConfig(text: string): boolean {
  return /^wandb_version\s*:/m.test(text)
}

export function readWandb(text: string, file: string): RecordRead | { readonly missing: string } {
  const missing = { missing: `${file} is not a W&B config.yaml (no wandb_version at its top level)` }
  if (!isWandbConfig(text)) return missing
  const { doc, locate, problems } = parseYamlRecord(text, file)
  if (problems.length > 0) return { leaves: [], problems }
  const top = doc.contents
  if (!isMap(top) || !top.items.some(p => isScalar(p.key) && p.key.value === 'wandb_version')) return missing
  const leaves: RecordLeaf[] = []
  const found: RecordProblem[] = []
  for (const pair of top.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    if (key === undefined || key === 'wandb_version' || key === '_wandb') continue
    const entry = pair.value
    const value = isMap(entry) ? entry.items.find(p => isScalar(p.key) && p.key.value === 'value') : undefined
    if (value === undefined) found.push({ location: locate(pair.key), message: `${file}: '${key}' is not a W&B config entry ({value, desc})` })
    else yamlLeaves(value.value, [key], locate, leaves, found)
  }
  return { leaves, problems: found }
}
