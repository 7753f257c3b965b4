/**
 * Training output folders that hold several checkpoints: which one a manifest entry means.
 *
 * - Hugging Face `checkpoint-N/` folders: the one the last checkpoint's `trainer_state.json`
 *   names as `best_model_checkpoint`, when it is here; otherwise the highest N.
 * - Lightning `version_N/checkpoints/*.ckpt` (or a bare `checkpoints/`): the highest version;
 *   in it, the file the last checkpoint names as its `ModelCheckpoint` `best_model_path`, when
 *   that file is here; otherwise the highest `step=N` in the file name (then `epoch=N`).
 *
 * The choice and the reason are returned so the report can name them.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Checkpoint } from './checkpoint.ts'
import { PyDict, type PyValue } from './pickle/values.ts'

export interface RunChoice {
  /** Absolute path of the chosen checkpoint (a file or a run directory). */
  readonly path: string
  /** Path relative to the folder and why it was chosen: `checkpoint-100 (highest step of 3)`. */
  readonly description: string
}

/** Largest trainer_state.json read for best_model_checkpoint. */
const STATE_CAP = 16 * 1024 * 1024

const numberIn = (name: string, pattern: RegExp): number => Number(pattern.exec(name)?.[1] ?? -1)

function highest(names: readonly string[], ...patterns: RegExp[]): string {
  return [...names].sort((x, y) => {
    for (const p of patterns) {
      const d = numberIn(y, p) - numberIn(x, p)
      if (d !== 0) return d
    }
    return y.localeCompare(x)
  })[0]!
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(s => s.isDirectory(), () => false)
}

/** `best_model_checkpoint` of an HF trainer_state.json, if readable. */
async function hfBest(dir: string): Promise<string | undefined> {
  const path = join(dir, 'trainer_state.json')
  const size = await stat(path).then(s => s.size, () => Infinity)
  if (size > STATE_CAP) return undefined
  try {
    const best = (JSON.parse(await readFile(path, 'utf8')) as { best_model_checkpoint?: unknown }).best_model_checkpoint
    return typeof best === 'string' && best !== '' ? basename(best) : undefined
  } catch {
    return undefined
  }
}

async function pickHuggingFace(dir: string, names: readonly string[]): Promise<RunChoice | undefined> {
  const steps = names.filter(n => /^checkpoint-\d+$/.test(n))
  if (steps.length === 0) return undefined
  const last = highest(steps, /^checkpoint-(\d+)$/)
  const best = await hfBest(join(dir, last))
  if (best !== undefined && steps.includes(best))
    return { path: join(dir, best), description: `${best} (the best_model_checkpoint that ${last}/trainer_state.json names)` }
  return { path: join(dir, last), description: `${last} (the highest step of ${steps.length} checkpoint-N folders)` }
}

/** `best_model_path` a Lightning checkpoint's ModelCheckpoint callback state records, if any. */
export function lightningBest(checkpoint: Checkpoint): string | undefined {
  const root: PyValue | undefined = checkpoint.roots[0]?.value
  const callbacks = root instanceof PyDict ? root.entries.get('callbacks') : undefined
  if (!(callbacks instanceof PyDict)) return undefined
  for (const [key, state] of callbacks.entries) {
    if (!String(key).startsWith('ModelCheckpoint') || !(state instanceof PyDict)) continue
    const best = state.entries.get('best_model_path')
    if (typeof best === 'string' && best !== '') return basename(best)
  }
  return undefined
}

async function pickLightning(dir: string, names: readonly string[], open: (path: string) => Promise<Checkpoint>): Promise<RunChoice | undefined> {
  const versions = names.filter(n => /^version_\d+$/.test(n))
  const version = versions.length > 0 ? highest(versions, /^version_(\d+)$/) : undefined
  const folder = version !== undefined ? join(version, 'checkpoints') : 'checkpoints'
  if (!(await isDirectory(join(dir, folder)))) return undefined
  const files = (await readdir(join(dir, folder))).filter(f => f.endsWith('.ckpt'))
  if (files.length === 0) return undefined
  const last = highest(files, /step=(\d+)/, /epoch=(\d+)/)
  const where = version !== undefined ? `, in the highest of ${versions.length} version_N folders` : ''
  const lastCheckpoint = await open(join(dir, folder, last)).catch(() => undefined)
  const best = lastCheckpoint !== undefined ? lightningBest(lastCheckpoint) : undefined
  await lastCheckpoint?.close()
  if (best !== undefined && files.includes(best))
    return { path: join(dir, folder, best), description: `${join(folder, best)} (the best_model_path that ${last} names${where})` }
  return { path: join(dir, folder, last), description: `${join(folder, last)} (the highest step of ${files.length} .ckpt files${where})` }
}

/** The checkpoint a folder of checkpoints stands for, or undefined when it is not such a folder. */
export async function pickRunCheckpoint(dir: string, names: readonly string[],
                                        open: (path: string) => Promise<Checkpoint>): Promise<RunChoice | undefined> {
  return (await pickHuggingFace(dir, names)) ?? (await pickLightning(dir, names, open))
}
