/**
 * Hugging Face and Lightning run directories: hyperparameters spread over several files
 * (training_args.bin, trainer_state.json, config.json, adapter_config.json, hparams.yaml) and
 * weights in one safetensors/bin file or a sharded index.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { append } from './append.ts'
import type { Checkpoint, MetadataRoot, NamedTensor } from './checkpoint.ts'
import { CheckpointError, n } from './errors.ts'
import { fromJson } from './json-value.ts'
import type { GlobalUse } from './pickle/unpickle.ts'
import { unscannable } from './pickle/unscannable.ts'
import { PyDict, type StorageRef } from './pickle/values.ts'
import { pickRunCheckpoint, WEIGHT_FILES, WEIGHT_INDEXES, type RunChoice } from './run-folder.ts'

const PICKLED_FILES = ['training_args.bin']
/** Other pickle members (optimizer.pt, scheduler.pt, rng_state.pth, …): scanned for unsafe globals, never read for values. */
const PICKLE_SUFFIXES = ['.bin', '.pt', '.pth', '.pkl', '.ckpt']
/** At most this many side pickles are scanned; the rest are named in a notice. */
const MAX_SCANNED = 64
const TEXT_FILES = ['trainer_state.json', 'config.json', 'adapter_config.json', 'hparams.yaml']
/** JSON/YAML side files are small; a bigger one is not what we think it is. */
const TEXT_CAP = 16 * 1024 * 1024
/** Side files that fail for these reasons are no pickle at all: a notice, not a fail-closed error. */
const NOT_A_PICKLE: readonly string[] = ['lfs-pointer', 'empty', 'not-found']

export async function readRunDirectory(path: string, open: (path: string) => Promise<Checkpoint>): Promise<Checkpoint> {
  const names = new Set(await readdir(path))
  if (![...WEIGHT_INDEXES, ...WEIGHT_FILES].some(f => names.has(f))) {
    const choice = await pickRunCheckpoint(path, [...names], open)
    if (choice !== undefined) return readChosen(path, names, choice, open)
  }
  const parts: Checkpoint[] = []
  const roots: MetadataRoot[] = []
  const globals: GlobalUse[] = []
  const notices: string[] = []
  const tensors: NamedTensor[] = []
  const owner = new Map<StorageRef, Checkpoint>()
  const closeAll = async (): Promise<void> => { await Promise.all(parts.map(p => p.close())) }

  try {
    const include = (file: string, part: Checkpoint, withTensors: boolean): void => {
      parts.push(part)
      for (const root of part.roots) roots.push({ file, value: root.value })
      append(globals, part.globals.map(g => ({ ...g, where: `${file}: ${g.where}` })))
      append(notices, part.notices.map(m => `${file}: ${m}`))
      if (withTensors) for (const t of part.tensors) {
        tensors.push(t)
        owner.set(t.tensor.storage, part)
      }
    }
    for (const file of PICKLED_FILES) if (names.has(file)) include(file, await open(join(path, file)), false)
    for (const file of TEXT_FILES) if (names.has(file)) roots.push({ file, value: await readText(join(path, file), file) })

    const index = WEIGHT_INDEXES.find(f => names.has(f))
    const weightFiles = index !== undefined ? await shardsOf(path, index) : WEIGHT_FILES.filter(f => names.has(f))
    for (const file of weightFiles) include(file, await open(join(path, file)), true)
    // every pickle below the folder, sub-folders too (a Trainer's checkpoint-N/optimizer.pt is loaded on resume)
    const everything = await readdir(path, { recursive: true })
    await scanSidePickles(path, everything.filter(f => !PICKLED_FILES.includes(f) && !weightFiles.includes(f)), open, globals, notices)

    if (roots.length === 0 && tensors.length === 0)
      throw new CheckpointError('not-a-checkpoint', `${path}: a directory without training_args.bin, trainer_state.json, config.json, hparams.yaml or model weights`)
  } catch (error) {
    await closeAll()
    throw error
  }
  const size = (await Promise.all([...names].map(f => stat(join(path, f)).then(s => (s.isFile() ? s.size : 0), () => 0)))).reduce((a, b) => a + b, 0)
  return {
    path, format: 'run-dir', sizeBytes: size, roots, tensors, globals, notices,
    locate: storage => owner.get(storage)!.locate(storage),
    close: closeAll,
  }
}

/**
 * A folder of checkpoints without weights of its own (a Lightning `version_N/` beside its
 * hparams.yaml, an HF output folder of `checkpoint-N/`): the chosen checkpoint, plus the folder's
 * own JSON/YAML files as metadata. Every other pickle in the folder (the checkpoints not chosen,
 * their optimizer.pt, …) is safety-scanned too: a hostile file beside the chosen one is as
 * dangerous to whoever loads the folder.
 */
async function readChosen(path: string, names: ReadonlySet<string>, choice: RunChoice,
                          open: (path: string) => Promise<Checkpoint>): Promise<Checkpoint> {
  const chosen = await open(choice.path)
  try {
    const roots = [...chosen.roots]
    for (const file of TEXT_FILES) if (names.has(file)) roots.push({ file, value: await readText(join(path, file), file) })
    // the chosen folder's own side pickles are named `optimizer.pt: …`: say which checkpoint-N they are in
    const within = relative(path, choice.path)
    const globals = chosen.globals.map(g => (isAbsolute(g.where.split(': ')[0]!) ? g : { ...g, where: join(within, g.where) }))
    const notices = [`read ${choice.description}`, ...chosen.notices]
    await scanSidePickles(path, await otherPickles(path, choice.path), open, globals, notices)
    return { ...chosen, roots, globals, notices, selection: choice.description }
  } catch (error) {
    await chosen.close()
    throw error
  }
}

/** Pickle files anywhere under `root` (relative paths), except the chosen checkpoint (a file or a directory, scanned when read). */
async function otherPickles(root: string, chosen: string): Promise<string[]> {
  const chosenRelative = relative(root, chosen)
  const all = await readdir(root, { recursive: true })
  return all.filter(f => PICKLE_SUFFIXES.some(s => f.endsWith(s)) && f !== chosenRelative && !f.startsWith(chosenRelative + sep))
}

/**
 * Scans the other pickle members of the directory: only their globals count (a `posix.system` in
 * rng_state.pth is as dangerous as one in the weights). torch.load would unpickle any file named
 * like this, so one that cannot be read fails closed (unscannable.ts), unless it provably is no
 * pickle: a Git LFS pointer, an empty file, or a folder (its pickles are scanned one by one).
 */
async function scanSidePickles(dir: string, files: readonly string[], open: (path: string) => Promise<Checkpoint>,
                               globals: GlobalUse[], notices: string[]): Promise<void> {
  const pickles = files.filter(f => PICKLE_SUFFIXES.some(s => f.endsWith(s))).sort()
  for (const file of pickles.slice(0, MAX_SCANNED)) {
    try {
      const part = await open(join(dir, file))
      append(globals, part.globals.map(g => ({ ...g, where: `${file}: ${g.where}` })))
      await part.close()
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error
      // openCheckpoint records GlobalUse values here; the error type only promises their common fields
      append(globals, error.globals.map(g => ({ ...(g as GlobalUse), where: file })))
      if (!NOT_A_PICKLE.includes(error.reason) && !(await isFolder(join(dir, file)))) globals.push(unscannable(`${file}: ${error.message}`, error))
      notices.push(`${file}: not scanned (${error.reason}): ${error.message}`)
    }
  }
  if (pickles.length > MAX_SCANNED) notices.push(`${pickles.length - MAX_SCANNED} more pickle files not scanned (the limit is ${MAX_SCANNED})`)
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(s => s.isDirectory(), () => false)
}

async function readText(path: string, file: string): Promise<PyDict> {
  const info = await stat(path)
  if (info.size > TEXT_CAP) throw new CheckpointError('too-large', `${path}: ${n(info.size)} bytes; the limit for ${file} is ${n(TEXT_CAP)}`)
  const text = await readFile(path, 'utf8')
  try {
    const value = fromJson(file.endsWith('.yaml') ? parseYaml(text, { maxAliasCount: 1000 }) : JSON.parse(text))
    return value instanceof PyDict ? value : new PyDict()
  } catch (error) {
    throw new CheckpointError('corrupt', `${path}: ${file} does not parse: ${(error as Error).message}`)
  }
}

/** The shard files a `*.index.json` names, in order, each once. */
async function shardsOf(dir: string, index: string): Promise<string[]> {
  const value = await readText(join(dir, index), index)
  const map = value.entries.get('weight_map')
  if (!(map instanceof PyDict)) throw new CheckpointError('corrupt', `${join(dir, index)}: no weight_map object`)
  const files = [...new Set([...map.entries.values()].map(String))]
  for (const file of files) {
    if (file.includes('/') || file.includes('\\') || file.startsWith('.'))
      throw new CheckpointError('corrupt', `${join(dir, index)}: shard name ${JSON.stringify(file)} leaves the directory`)
  }
  return files
}
