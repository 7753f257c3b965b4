/**
 * Which kind of record a path is, by what is there: a `.md` file is Markdown; a `.hydra`
 * folder, `.hydra/config.yaml` or a folder holding one is Hydra; a `params/` folder or a run
 * folder holding one is MLflow; a YAML file starting with `wandb_version`, or a folder holding
 * `config.yaml` or `files/config.yaml` that does, is W&B. `kind:` overrides the guess.
 */
import { join } from 'node:path'
import { hydraDir } from './hydra.ts'
import { mlflowParamsDir } from './mlflow.ts'
import type { RecordKind, RecordReader } from './types.ts'
import { isWandbConfig } from './wandb.ts'

function isWandbFile(path: string, reader: RecordReader): boolean {
  if (!/\.ya?ml$/i.test(path) || reader.kind(path) !== 'file') return false
  try {
    return isWandbConfig(reader.text(path))
  } catch {
    return false
  }
}

/** The W&B config.yaml a path means: the file, or the one in a run folder or its `files/`. */
export function wandbConfigFile(path: string, reader: RecordReader): string | undefined {
  if (reader.kind(path) === 'file') return path
  return [join(path, 'config.yaml'), join(path, 'files', 'config.yaml')].find(candidate => isWandbFile(candidate, reader))
}

export function detectKind(path: string, reader: RecordReader): RecordKind | undefined {
  if (reader.kind(path) === 'file' && /\.(md|markdown)$/i.test(path)) return 'markdown'
  if (hydraDir(path, reader) !== undefined) return 'hydra'
  if (reader.kind(path) === 'dir' && mlflowParamsDir(path, reader) !== undefined) return 'mlflow'
  const wandb = wandbConfigFile(path, reader)
  return wandb !== undefined && isWandbFile(wandb, reader) ? 'wandb' : undefined
}
