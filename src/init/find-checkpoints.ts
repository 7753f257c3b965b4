/**
 * Finds the checkpoints under a folder for `ckpt-audit init`: torch files (`.pt`, `.pth`,
 * `.ckpt`, `.bin` outside run directories), safetensors, and Hugging Face run directories
 * (a folder with `trainer_state.json`, `training_args.bin`, or `config.json` beside weights),
 * each run directory as one checkpoint. Lightning's `version_N/checkpoints/*.ckpt` are files.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

const CHECKPOINT_FILE = /\.(pt|pth|ckpt|safetensors|bin)$/i
/** Folders never searched: dependencies, version control, caches. */
const SKIP = new Set(['node_modules', '.git', '__pycache__', '.venv', 'venv', 'wandb', 'mlruns'])
/** More than this many checkpoints is no manifest a person will read: stop and say so. */
export const MAX_CHECKPOINTS = 500

export interface FoundCheckpoint {
  /** Absolute path: a file or a run directory. */
  readonly path: string
  readonly kind: 'file' | 'run-dir'
}

function isRunDirectory(names: readonly string[]): boolean {
  const has = (n: string) => names.includes(n)
  return has('trainer_state.json') || has('training_args.bin') || has('adapter_config.json')
    || (has('config.json') && names.some(n => /^(model|pytorch_model|adapter_model)[\w.-]*\.(safetensors|bin)$/.test(n)))
}

/** Walks `root` (symbolic links are not followed), sorted by path so the manifest is stable. */
export async function findCheckpoints(root: string): Promise<{ found: FoundCheckpoint[], truncated: boolean }> {
  const found: FoundCheckpoint[] = []
  const walk = async (dir: string): Promise<void> => {
    if (found.length > MAX_CHECKPOINTS) return
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))
    const names = entries.map(e => e.name)
    if (dir !== root && isRunDirectory(names)) {
      found.push({ path: dir, kind: 'run-dir' })
      return
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) await walk(join(dir, entry.name))
      else if (entry.isFile() && CHECKPOINT_FILE.test(entry.name)) found.push({ path: join(dir, entry.name), kind: 'file' })
    }
  }
  await walk(root)
  return { found: found.slice(0, MAX_CHECKPOINTS), truncated: found.length > MAX_CHECKPOINTS }
}
