/**
 * Training output folders that hold several checkpoints: which one a manifest entry means.
 *
 * - Hugging Face `checkpoint-N/` folders that hold weights (a checkpoint-N with only
 *   trainer_state.json, from a run killed while saving, is passed over): the one the last
 *   checkpoint's `trainer_state.json` names as `best_model_checkpoint`, when that path is this
 *   folder's (a relative path, an absolute one inside this folder, or one whose run folder has this
 *   folder's name); otherwise the highest N. `/elsewhere/other_run/checkpoint-9` never selects a
 *   local checkpoint-9 by its basename.
 * - Lightning `version_N/checkpoints/*.ckpt` (or a bare `checkpoints/`): the highest version that
 *   holds a .ckpt (a crashed newest version with only hparams.yaml is passed over); in it, the
 *   last checkpoint is `last.ckpt` (the highest `last-vN.ckpt` when there are several), else the
 *   highest `step=N` in the file name (then `epoch=N`); the file the last checkpoint names as its
 *   `ModelCheckpoint` `best_model_path` wins when that file is here (by the same rule for paths
 *   as HF's), otherwise the last one.
 *
 * The choice and the reason are returned so the report can name them.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
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

/** Files that make an HF folder a checkpoint with weights (see run-directory.ts). */
export const WEIGHT_INDEXES = ['model.safetensors.index.json', 'pytorch_model.bin.index.json']
export const WEIGHT_FILES = ['model.safetensors', 'adapter_model.safetensors', 'pytorch_model.bin', 'adapter_model.bin']

/** Lightning's `last.ckpt` and its versions (`last-v1.ckpt`, written when a last.ckpt already existed). */
const LAST = /^last(?:-v(\d+))?\.ckpt$/

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

async function holdsWeights(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.some(n => WEIGHT_INDEXES.includes(n) || WEIGHT_FILES.includes(n) || n.endsWith('.safetensors'))
}

/**
 * Whether a stored best path means this run folder: relative (the output_dir as training named
 * it), absolute inside `root`, or absolute in a folder with the same name (the run folder moved).
 */
function namesThisFolder(best: string, root: string): boolean {
  if (!isAbsolute(best)) return true
  const parent = dirname(resolve(best))
  return parent === resolve(root) || basename(parent) === basename(resolve(root))
}

/** `best_model_checkpoint` of an HF trainer_state.json, if readable and a checkpoint of this folder. */
async function hfBest(root: string, dir: string): Promise<string | undefined> {
  const path = join(dir, 'trainer_state.json')
  const size = await stat(path).then(s => s.size, () => Infinity)
  if (size > STATE_CAP) return undefined
  try {
    const best = (JSON.parse(await readFile(path, 'utf8')) as { best_model_checkpoint?: unknown }).best_model_checkpoint
    return typeof best === 'string' && best !== '' && namesThisFolder(best, root) ? basename(best) : undefined
  } catch {
    return undefined
  }
}

async function pickHuggingFace(dir: string, names: readonly string[]): Promise<RunChoice | undefined> {
  const named = names.filter(n => /^checkpoint-\d+$/.test(n))
  if (named.length === 0) return undefined
  const steps: string[] = []
  for (const n of named) if (await holdsWeights(join(dir, n))) steps.push(n)
  if (steps.length === 0) return undefined
  const last = highest(steps, /^checkpoint-(\d+)$/)
  const best = await hfBest(dir, join(dir, last))
  if (best !== undefined && steps.includes(best))
    return { path: join(dir, best), description: `${best} (the best_model_checkpoint that ${last}/trainer_state.json names)` }
  return { path: join(dir, last), description: `${last} (the highest step of ${steps.length} checkpoint-N folders)` }
}

/** `best_model_path` a Lightning checkpoint's ModelCheckpoint callback state records, if any, and a file of `folder`. */
export function lightningBest(checkpoint: Checkpoint, folder: string): string | undefined {
  const root: PyValue | undefined = checkpoint.roots[0]?.value
  const callbacks = root instanceof PyDict ? root.entries.get('callbacks') : undefined
  if (!(callbacks instanceof PyDict)) return undefined
  for (const [key, state] of callbacks.entries) {
    if (!String(key).startsWith('ModelCheckpoint') || !(state instanceof PyDict)) continue
    const best = state.entries.get('best_model_path')
    if (typeof best === 'string' && best !== '' && namesThisFolder(best, folder)) return basename(best)
  }
  return undefined
}

async function ckptFiles(folder: string): Promise<string[]> {
  if (!(await isDirectory(folder))) return []
  return (await readdir(folder)).filter(f => f.endsWith('.ckpt'))
}

async function pickLightning(dir: string, names: readonly string[], open: (path: string) => Promise<Checkpoint>): Promise<RunChoice | undefined> {
  const versions = names.filter(n => /^version_\d+$/.test(n))
  const withCheckpoints: string[] = []
  for (const v of versions) if ((await ckptFiles(join(dir, v, 'checkpoints'))).length > 0) withCheckpoints.push(v)
  const version = withCheckpoints.length > 0 ? highest(withCheckpoints, /^version_(\d+)$/) : undefined
  const folder = version !== undefined ? join(version, 'checkpoints') : 'checkpoints'
  const files = await ckptFiles(join(dir, folder))
  if (files.length === 0) return undefined
  const lasts = files.filter(f => LAST.test(f))
  const last = lasts.length > 0 ? highest(lasts, LAST) : highest(files, /step=(\d+)/, /epoch=(\d+)/)
  const lastWhy = lasts.length > 0
    ? `Lightning's last checkpoint of ${files.length} .ckpt files`
    : `the highest step of ${files.length} .ckpt files`
  const skipped = versions.length - withCheckpoints.length
  const without = skipped > 0 ? ` with a .ckpt; ${skipped} without one passed over` : ''
  const where = version !== undefined ? `, in the highest of ${withCheckpoints.length} version_N folders${without}` : ''
  const lastCheckpoint = await open(join(dir, folder, last)).catch(() => undefined)
  const best = lastCheckpoint !== undefined ? lightningBest(lastCheckpoint, join(dir, folder)) : undefined
  await lastCheckpoint?.close()
  if (best !== undefined && files.includes(best))
    return { path: join(dir, folder, best), description: `${join(folder, best)} (the best_model_path that ${last} names${where})` }
  return { path: join(dir, folder, last), description: `${join(folder, last)} (${lastWhy}${where})` }
}

/** The checkpoint a folder of checkpoints stands for, or undefined when it is not such a folder. */
export async function pickRunCheckpoint(dir: string, names: readonly string[],
                                        open: (path: string) => Promise<Checkpoint>): Promise<RunChoice | undefined> {
  return (await pickHuggingFace(dir, names)) ?? (await pickLightning(dir, names, open))
}
