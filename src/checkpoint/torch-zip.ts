/**
 * torch.save's zip format (torch >= 1.6): `<prefix>/data.pkl` holds the object, storages are
 * `<prefix>/data/<key>`, and `<prefix>` is the first entry's folder (the file stem, or
 * `archive` when saved through a buffer). Reference: torch/serialization.py `_load`,
 * caffe2/serialize/inline_container.cc, docs/security.md §5.1.
 */
import type { ByteSource } from './byte-source.ts'
import { looksLikePickle, PROBE_BYTES } from './pickle/probe.ts'
import type { Checkpoint, StorageLocation } from './checkpoint.ts'
import { dtypeInfo } from './dtypes.ts'
import { CheckpointError, n } from './errors.ts'
import { unpickle, type GlobalUse } from './pickle/unpickle.ts'
import { unscannable } from './pickle/unscannable.ts'
import { StorageRef, type PyValue } from './pickle/values.ts'
import { parseStoragePid } from './storage-pid.ts'
import { scanEmbedded } from './embedded.ts'
import { collectTensors } from './tensor-walk.ts'
import { openZip, type ZipArchive, type ZipEntry } from './zip-archive.ts'

/** data.pkl and other pickles are read whole, under this cap (docs/security.md §7.5). */
export const PICKLE_CAP = 256 * 1024 * 1024

export async function readTorchZip(source: ByteSource, globals: GlobalUse[], depth = 0): Promise<Checkpoint> {
  const zip = await openZip(source)
  const first = zip.entries[0]
  if (first === undefined) throw new CheckpointError('not-a-checkpoint', `${source.path}: the zip archive is empty`)
  const slash = first.name.indexOf('/')
  const prefix = first.name.slice(0, Math.max(slash, 0))
  const dataPkl = slash > 0 ? zip.find(`${prefix}/data.pkl`) : undefined
  if (dataPkl === undefined) {
    // not torch's layout, but a pickle inside still reaches whoever unpickles it: scan every member first
    const notices: string[] = []
    for (const entry of zip.entries) await scanSidePickle(zip, entry, /\.(pkl|pickle)$/.test(entry.name), false, globals, notices)
    if (slash <= 0) throw new CheckpointError('not-a-checkpoint', `${source.path}: zip entries are not in a top folder, so this is not a torch.save archive (first entry: ${first.name})`)
    const names = zip.entries.slice(0, 5).map(e => e.name).join(', ')
    throw new CheckpointError('not-a-checkpoint', `${source.path}: a zip without ${prefix}/data.pkl is not a torch checkpoint (entries: ${names}${zip.entries.length > 5 ? ', …' : ''})`)
  }
  const notices: string[] = []
  const byteorder = zip.find(`${prefix}/byteorder`)
  const littleEndian = byteorder === undefined ? true : new TextDecoder().decode(await zip.read(byteorder, 16)).trim() !== 'big'
  const torchScript = zip.find(`${prefix}/constants.pkl`) !== undefined
  if (torchScript) notices.push('TorchScript archive (constants.pkl): only the pickles are read, never the code')
  const duplicates = zip.entries.filter(e => e.name === dataPkl.name)
  if (duplicates.length > 1) notices.push(`${dataPkl.name} appears ${duplicates.length} times; torch loads the last copy, every copy was scanned`)

  // every copy of data.pkl and every other member that parses as a pickle (by name, or by a
  // bounded parse of its first bytes) is scanned for globals; storages under data/ are weights
  for (const entry of zip.entries) {
    if (entry === dataPkl || entry.name.startsWith(`${prefix}/data/`)) continue
    const byName = entry.name === dataPkl.name || /\.(pkl|pickle)$/.test(entry.name)
    await scanSidePickle(zip, entry, byName, torchScript, globals, notices)
  }

  const storages = new Map<string, StorageRef>()
  const persistentLoad = (pid: PyValue, offset: number): PyValue => storageFromPid(pid, offset, zip, prefix, storages, source.path)
  const bytes = await zip.read(dataPkl, PICKLE_CAP)
  const embedded: Uint8Array[] = []
  const result = unpickle(bytes, globals, { where: `${source.path}: ${dataPkl.name}`, persistentLoad, embedded, torchScript })
  await scanEmbedded(embedded, source.path, depth, globals, notices)
  if (result.end < bytes.length) notices.push(`${dataPkl.name} has ${n(bytes.length - result.end)} bytes after its STOP opcode`)

  const locate = async (storage: StorageRef): Promise<StorageLocation> => {
    const entry = zip.find(`${prefix}/data/${storage.key}`)!
    if (entry.method !== 0) throw new CheckpointError('corrupt', `${source.path}: storage ${entry.name} is compressed; torch writes storages uncompressed`)
    return { source, start: await zip.dataStart(entry), length: entry.uncompressedSize, littleEndian }
  }
  return {
    path: source.path, format: 'torch-zip', sizeBytes: source.size,
    roots: [{ file: undefined, value: result.value }],
    tensors: collectTensors(result.value), globals, notices, locate,
    close: () => source.close(),
  }
}

/** `('storage', storage_type, key, location, numel)` → a storage whose record exists and is large enough. */
function storageFromPid(pid: PyValue, offset: number, zip: ZipArchive, prefix: string,
                        storages: Map<string, StorageRef>, path: string): StorageRef {
  const { key, dtype, numel, location } = parseStoragePid(pid, offset, path)
  const known = storages.get(key)
  if (known !== undefined) return known
  const entry = zip.find(`${prefix}/data/${key}`)
  if (entry === undefined) throw new CheckpointError('corrupt', `${path}: data.pkl refers to storage ${key}, but ${prefix}/data/${key} is missing`)
  const needed = numel * dtypeInfo(dtype)!.itemSize
  if (entry.uncompressedSize < needed)
    throw new CheckpointError('corrupt', `${path}: storage ${prefix}/data/${key} has ${n(entry.uncompressedSize)} bytes but data.pkl needs ${n(numel)} × ${dtypeInfo(dtype)!.itemSize} = ${n(needed)}`)
  const storage = new StorageRef(key, dtype, numel, location)
  storages.set(key, storage)
  return storage
}

/**
 * Members other than data.pkl can hide payloads: those named like pickles, and any other whose
 * first bytes parse as a pickle (any protocol; probe.ts), are scanned; only their globals are
 * kept. A candidate is read whole up to PICKLE_CAP, like data.pkl; beyond it the file fails
 * closed (`too-large`), so no pickle is ever left unscanned behind a notice. A pickle that
 * breaks midway fails closed (unscannable.ts); its globals up to the damage are kept.
 */
async function scanSidePickle(zip: ZipArchive, entry: ZipEntry, byName: boolean, torchScript: boolean,
                              globals: GlobalUse[], notices: string[]): Promise<void> {
  if (!byName) {
    const head = await zip.head(entry, PROBE_BYTES)
    if (!looksLikePickle(head, 0, entry.uncompressedSize)) return
  }
  if (entry.uncompressedSize > PICKLE_CAP)
    throw new CheckpointError('too-large', `${zip.path}: member ${entry.name} looks like a pickle and is ${n(entry.uncompressedSize)} bytes, over the ${n(PICKLE_CAP)} that are scanned`)
  const bytes = await zip.read(entry, PICKLE_CAP)
  const where = `${zip.path}: ${entry.name}`
  try {
    unpickle(bytes, globals, { where, persistentLoad: () => null, torchScript })
  } catch (error) {
    globals.push(unscannable(where, error))
    notices.push(`${entry.name}: ${(error as Error).message}`)
  }
}
