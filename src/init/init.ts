/**
 * `ckpt-audit init`: finds the checkpoints under a folder, opens each (nothing is executed), and
 * writes a manifest of what they hold. The I/O edge; the proposals are pure (propose.ts, render.ts).
 */
import { existsSync, lstatSync, statSync, unlinkSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { CheckpointError } from '../checkpoint/errors.ts'
import { openCheckpoint } from '../checkpoint/open.ts'
import { aliasTable } from '../hparams/aliases.ts'
import { findKey } from '../hparams/discover.ts'
import { flatten, type Leaf } from '../hparams/flatten.ts'
import { diffCheckpoints, type DiffResult } from '../weights/diff.ts'
import { findCheckpoints } from './find-checkpoints.ts'
import { experimentNames, proposedValues, proposeParent, twinCandidates, weightsAgree, type Progress } from './propose.ts'
import { renderInitManifest, type InitExperiment } from './render.ts'

/** Weight comparisons (twins, parents) read every pair: only while all files together are this small. */
export const WEIGHT_BUDGET_BYTES = 4 * 1024 ** 3

export class InitError extends Error {}

export interface InitOptions {
  readonly folder: string
  readonly output: string
  readonly force: boolean
}

interface Opened {
  readonly relative: string
  readonly checkpoint: Checkpoint
  readonly leaves: Leaf[]
}

const posix = (p: string): string => p.split(sep).join('/')

function progressOf(leaves: readonly Leaf[]): Progress {
  const table = aliasTable()
  const number = (key: string) => {
    const v = findKey(leaves, key, table).found?.value.value
    return typeof v === 'number' ? v : undefined
  }
  const phase = findKey(leaves, 'phase', table).found?.value.value
  return { phase: typeof phase === 'string' ? phase : undefined, epoch: number('epoch'), step: number('global_step') }
}

/** Writes the manifest; returns a one-line summary. Throws InitError for a user's mistake. */
export async function runInit(options: InitOptions): Promise<string> {
  const folder = resolve(options.folder)
  const output = resolve(options.output)
  if (!existsSync(folder)) throw new InitError(`no such folder: ${options.folder}`)
  if (!statSync(folder).isDirectory()) throw new InitError(`${options.folder} is a file, not a folder: init surveys the checkpoints under a folder (ckpt-audit inspect reads one file)`)
  // lstat: a symbolic link at the output path is an existing file, never followed to write elsewhere
  const existing = lstatSync(output, { throwIfNoEntry: false })
  if (existing !== undefined && !options.force) throw new InitError(`${options.output} exists; pass --force to overwrite it`)
  if (existing?.isSymbolicLink() === true) unlinkSync(output)
  const { found, truncated } = await findCheckpoints(folder)
  const base = dirname(output)
  const opened: Opened[] = []
  const skipped: Array<{ path: string, reason: string }> = []
  try {
    for (const f of found) {
      const rel = posix(relative(base, f.path))
      try {
        const checkpoint = await openCheckpoint(f.path)
        opened.push({ relative: rel, checkpoint, leaves: flatten(checkpoint.roots) })
      } catch (error) {
        if (!(error instanceof CheckpointError)) throw error
        skipped.push({ path: rel, reason: `${error.reason}: ${error.message}` })
      }
    }
    const root = commonFolder(opened.map(o => o.relative))
    const experiments = await propose(opened.map(o => ({ ...o, relative: root === '' ? o.relative : o.relative.slice(root.length + 1) })))
    const schema = posix(relative(base, schemaPath()))
    const remarks = [
      ...(truncated ? ['more checkpoints than init lists: only the first ones are here'] : []),
      ...(totalBytes(opened) > WEIGHT_BUDGET_BYTES ? ['twins and parents were not proposed: the files are too large to compare every pair'] : []),
    ]
    await writeFile(output, renderInitManifest({ schema, folder: posix(relative(base, folder)) || '.', root, experiments, skipped, remarks }))
    return `wrote ${options.output}: ${experiments.length} experiment(s)${skipped.length > 0 ? `, ${skipped.length} file(s) skipped` : ''}`
  } finally {
    for (const o of opened) await o.checkpoint.close()
  }
}

/** The package's schema file: beside dist/ in the package, two folders up from src/init/ in a clone. */
function schemaPath(): string {
  const candidates = ['../schema/ckpt-audit.schema.json', '../../schema/ckpt-audit.schema.json'].map(p => fileURLToPath(new URL(p, import.meta.url)))
  return candidates.find(p => existsSync(p)) ?? candidates[0]!
}

/** The deepest folder every path lies in (`results/okvqa/model_cpk`), '' when none: the manifest's root. */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return ''
  const parts = paths.map(p => p.split('/').slice(0, -1))
  const first = parts[0]!
  let n = 0
  while (n < first.length && first[n] !== '..' && parts.every(p => p[n] === first[n])) n++
  return first.slice(0, n).join('/')
}

const totalBytes = (opened: readonly Opened[]): number => opened.reduce((n, o) => n + (o.checkpoint.sizeBytes ?? 0), 0)

async function propose(opened: readonly Opened[]): Promise<InitExperiment[]> {
  const names = experimentNames(opened.map(o => o.relative))
  const compare = totalBytes(opened) <= WEIGHT_BUDGET_BYTES
  const diffs = new Map<string, DiffResult | undefined>()
  const diff = async (i: number, j: number): Promise<DiffResult | undefined> => {
    const key = `${Math.min(i, j)}:${Math.max(i, j)}`
    if (!diffs.has(key)) {
      const [a, b] = [opened[i]!.checkpoint, opened[j]!.checkpoint]
      diffs.set(key, a.tensors.length > 0 && b.tensors.length > 0 ? await diffCheckpoints(a, b).catch(() => undefined) : undefined)
    }
    return diffs.get(key)
  }
  // twins: a later file of the same stem whose weights agree joins the first one's entry
  const twinOf = new Map<number, number>()
  if (compare)
    for (let i = 0; i < opened.length; i++)
      for (let j = i + 1; j < opened.length; j++) {
        if (twinOf.has(i) || twinOf.has(j) || !twinCandidates(opened[i]!.relative, opened[j]!.relative)) continue
        const d = await diff(i, j)
        if (d !== undefined && weightsAgree(d)) twinOf.set(j, i)
      }
  const progress = opened.map(o => progressOf(o.leaves))
  const main = opened.map((_, i) => i).filter(i => !twinOf.has(i))
  if (compare) for (const i of main) for (const j of main) if (i < j) await diff(i, j)
  const table = aliasTable()
  return main.map(i => {
    const o = opened[i]!
    const parent = compare ? proposeParent(i, main, progress, (a, b) => diffs.get(`${Math.min(a, b)}:${Math.max(a, b)}`)) : undefined
    const unsafe = [...new Set(o.checkpoint.globals.filter(g => g.verdict === 'unsafe').map(g => g.qualified))]
    return {
      name: names[i]!, checkpoint: o.relative,
      twins: [...twinOf].filter(([, first]) => first === i).map(([j]) => opened[j]!.relative),
      parent: parent !== undefined ? { name: names[parent.parent]!, bytes: parent.bytes, ordered: parent.ordered } : undefined,
      values: proposedValues(o.leaves, table),
      notes: unsafe.length > 0 ? [`unsafe: its pickles name code-running globals (${unsafe.join(', ')}); check will fail on it`] : [],
    }
  })
}
