/**
 * torch.save's zip format (torch >= 1.6): `<prefix>/data.pkl` holds the object, storages are
 * `<prefix>/data/<key>`, and `<prefix>` is the first entry's folder (the file stem, or
 * `archive` when saved through a buffer). Reference: torch/serialization.py `_load`,
 * caffe2/serialize/inline_container.cc, PICKLE-SAFETY.md §5.1.
 */
import { readRange, type ByteSource } from './byte-source.ts'
import type { Checkpoint, StorageLocation } from './checkpoint.ts'
import { dtypeInfo } from './dtypes.ts'
import { CheckpointError, n } from './errors.ts'
import { unpickle, type GlobalUse } from './pickle/unpickle.ts'
import { StorageRef, type PyValue } from './pickle/values.ts'
import { parseStoragePid } from './storage-pid.ts'
import { scanEmbedded } from './embedded.ts'
import { collectTensors } from './tensor-walk.ts'
import { openZip, type ZipArchive, type ZipEntry } from './zip-archive.ts'

/** data.pkl and other pickles are read whole, under this cap (PICKLE-SAFETY §7.5). */
export const PICKLE_CAP = 256 * 1024 * 1024
/** Other pickle-looking members are scanned for globals under this cap. */
const SIDE_PICKLE_CAP = 16 * 1024 * 1024

export async function readTorchZip(source: ByteSource, globals: GlobalUse[], depth = 0): Promise<Checkpoint> {
  const zip = await openZip(source)
  const first = zip.entries[0]
  if (first === undefined) throw new CheckpointError('not-a-checkpoint', `${source.path}: the zip archive is empty`)
  const slash = first.name.indexOf('/')
  if (slash <= 0) throw new CheckpointError('not-a-checkpoint', `${source.path}: zip entries are not in a top folder, so this is not a torch.save archive (first entry: ${first.name})`)
  const prefix = first.name.slice(0, slash)
  const dataPkl = zip.find(`${prefix}/data.pkl`)
  if (dataPkl === undefined) {
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

  // every copy of data.pkl and every other pickle-looking member (by name, or by a PROTO opcode
  // at its start) is scanned for globals; storages under data/ are weights, not pickles
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
 * first bytes are a PROTO opcode (`80 00`–`80 05`), are scanned; only their globals are kept.
 */
async function scanSidePickle(zip: ZipArchive, entry: ZipEntry, byName: boolean, torchScript: boolean,
                              globals: GlobalUse[], notices: string[]): Promise<void> {
  try {
    if (!byName && entry.method === 0) {
      if (entry.uncompressedSize < 2) return
      const head = await readRange(zip.source, await zip.dataStart(entry), 2, `${zip.path}: ${entry.name}`)
      if (head[0] !== 0x80 || head[1]! > 5) return
    }
    const bytes = await zip.read(entry, SIDE_PICKLE_CAP)
    if (!byName && (bytes[0] !== 0x80 || bytes[1]! > 5)) return // a deflated member: judged once inflated
    unpickle(bytes, globals, { where: `${zip.path}: ${entry.name}`, persistentLoad: () => null, torchScript })
  } catch (error) {
    notices.push(`${entry.name}: ${(error as Error).message}`)
  }
}
