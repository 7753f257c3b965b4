/**
 * Pickle-stream files: torch's legacy format (before 1.6, or `_use_new_zipfile_serialization=False`)
 * and plain pickles of hyperparameters.
 *
 * Legacy layout (torch/serialization.py `_legacy_save`, docs/security.md §5.2): five pickles
 * (magic number, protocol 1001, sys_info, the object, the storage keys), then for each key in
 * that order an int64 element count followed by the raw elements. There is no index: a storage
 * is found by walking the counts before it.
 */
import { append } from './append.ts'
import { readRange, type ByteSource } from './byte-source.ts'
import type { Checkpoint, StorageLocation } from './checkpoint.ts'
import { dtypeInfo } from './dtypes.ts'
import { CheckpointError, n } from './errors.ts'
import { NeedMoreBytes } from './pickle/machine.ts'
import { looksLikePickle } from './pickle/probe.ts'
import { unpickle, type GlobalUse } from './pickle/unpickle.ts'
import { asCheckpointError, UNSCANNABLE, unscannable } from './pickle/unscannable.ts'
import { PyDict, StorageRef, repr, type PyValue } from './pickle/values.ts'
import { parseStoragePid } from './storage-pid.ts'
import { collectTensors } from './tensor-walk.ts'
import { PICKLE_CAP } from './torch-zip.ts'
import { scanEmbedded } from './embedded.ts'

/** `80 02 8a 0a` + the 10-byte LONG1 0x1950A86A20F9469CFC6C: the legacy magic number at protocol 2. */
export const LEGACY_MAGIC = Uint8Array.from([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e])
const MAGIC_VALUE = 0x1950a86a20f9469cfc6cn

/**
 * Reads pickles back to back from the start of the file. The stream's length is unknown until
 * parsed, so the window grows from 1 MiB until every pickle fits (bounded by PICKLE_CAP).
 */
async function readPickles(source: ByteSource, count: number, globals: GlobalUse[],
                           persistentLoad: ((pid: PyValue, offset: number) => PyValue) | undefined,
                           embedded: Uint8Array[] = [], firstWindow = 1 << 20): Promise<{ values: PyValue[], end: number }> {
  for (let window = Math.min(source.size, firstWindow); ; window = Math.min(source.size, window * 4)) {
    const bytes = await readRange(source, 0, window, `${source.path}: pickle stream`, PICKLE_CAP)
    const complete = window === source.size
    const seen: GlobalUse[] = []
    const found: Uint8Array[] = [] // per attempt: a window too short is read again
    const values: PyValue[] = []
    let at = 0
    try {
      for (let i = 0; i < count && (i === 0 || at < bytes.length || !complete); i++) {
        const result = unpickle(bytes, seen, { where: source.path, persistentLoad, complete, start: at, embedded: found })
        values.push(result.value)
        at = result.end
      }
      append(globals, seen)
      append(embedded, found)
      return { values, end: at }
    } catch (error) {
      if (!(error instanceof NeedMoreBytes)) {
        append(globals, seen) // a payload followed by a broken tail is still reported
        throw error
      }
      if (window >= PICKLE_CAP) throw new CheckpointError('too-large', `${source.path}: the pickle stream is longer than ${n(PICKLE_CAP)} bytes`)
    }
  }
}

/**
 * The first pickle is the magic number: at protocol 2 and above `LEGACY_MAGIC` byte for byte;
 * at protocol 0 or 1 (`torch.save(..., pickle_protocol=1)`) a text LONG, so the head is parsed.
 */
export function isLegacyTorch(head: Uint8Array, size = head.length): boolean {
  if (head.length >= LEGACY_MAGIC.length && LEGACY_MAGIC.every((b, i) => head[i] === b)) return true
  if (head[0] !== 0x4c && head[0] !== 0x49) return false // text LONG or INT: the only other ways to write it
  try {
    return unpickle(head.subarray(0, 64), [], { where: 'legacy magic', complete: size <= 64 }).value === MAGIC_VALUE
  } catch {
    return false
  }
}

export async function readLegacyTorch(source: ByteSource, globals: GlobalUse[], depth = 0): Promise<Checkpoint> {
  const storages = new Map<string, StorageRef>()
  const persistentLoad = (pid: PyValue, offset: number): PyValue => {
    const { key, dtype, numel, location } = parseStoragePid(pid, offset, source.path)
    const known = storages.get(key) ?? new StorageRef(key, dtype, numel, location)
    storages.set(key, known)
    return known
  }
  const embedded: Uint8Array[] = []
  const { values, end } = await readPickles(source, 5, globals, persistentLoad, embedded)
  const notices: string[] = []
  await scanEmbedded(embedded, source.path, depth, globals, notices)
  const [magic, protocol, sysInfo, object, keys] = values
  if (magic !== MAGIC_VALUE) throw new CheckpointError('corrupt', `${source.path}: legacy magic number is ${repr(magic ?? null)}, not 0x1950a86a20f9469cfc6c`)
  if (protocol !== 1001) throw new CheckpointError('corrupt', `${source.path}: legacy protocol version is ${repr(protocol ?? null)}, not 1001`)
  const littleEndian = !(sysInfo instanceof PyDict) || sysInfo.entries.get('little_endian') !== false
  if (!Array.isArray(keys) || keys.some(k => typeof k !== 'string'))
    throw new CheckpointError('corrupt', `${source.path}: the legacy storage key list is ${repr(keys ?? null)}`)

  /** Walks the count headers once, checking every length against the file. */
  const buildTable = async (): Promise<Map<string, StorageLocation>> => {
    const out = new Map<string, StorageLocation>()
    let at = end
    for (const key of keys as string[]) {
      const storage = storages.get(key)
      if (storage === undefined) throw new CheckpointError('corrupt', `${source.path}: storage key ${key} is listed but no tensor uses it`)
      const header = await readRange(source, at, 8, `${source.path}: count of storage ${key}`)
      const count = new DataView(header.buffer, header.byteOffset, 8).getBigInt64(0, littleEndian)
      const length = Number(count) * dtypeInfo(storage.dtype)!.itemSize
      if (count < 0n || !Number.isSafeInteger(length) || at + 8 + length > source.size)
        throw new CheckpointError('truncated', `${source.path}: storage ${key} overflows the file: ${n(at + 8)} + ${n(count)} × ${dtypeInfo(storage.dtype)!.itemSize} > ${n(source.size)}`)
      if (Number(count) < storage.numel)
        throw new CheckpointError('corrupt', `${source.path}: storage ${key} holds ${n(count)} elements but the object needs ${n(storage.numel)}`)
      out.set(key, { source, start: at + 8, length, littleEndian })
      at += 8 + length
    }
    return out
  }
  const table = await buildTable() // one 8-byte read per storage: finds truncation at open time
  return {
    path: source.path, format: 'torch-legacy', sizeBytes: source.size,
    roots: [{ file: undefined, value: object ?? null }],
    tensors: collectTensors(object ?? null), globals, notices,
    async locate(storage) {
      const location = table.get(storage.key)
      if (location === undefined) throw new CheckpointError('corrupt', `${source.path}: storage ${storage.key} is not in the key list`)
      return location
    },
    close: () => source.close(),
  }
}

/** A plain pickle file. Pickles stacked after the first are scanned for globals too (a classic hiding place). */
export async function readPlainPickle(source: ByteSource, globals: GlobalUse[], depth = 0): Promise<Checkpoint> {
  const embedded: Uint8Array[] = []
  // a plain pickle is all pickle: read it whole at once rather than re-parsing growing windows
  const { values, end } = await readPickles(source, 1, globals, undefined, embedded, PICKLE_CAP)
  const notices: string[] = []
  await scanEmbedded(embedded, source.path, depth, globals, notices)
  if (end < source.size) {
    const stacked = await scanTrailing(source, end, globals)
    notices.push(`${n(source.size - end)} bytes follow the first pickle's STOP opcode: ${stacked === 0 ? 'they do not parse as a pickle' : `${stacked} further pickle(s) scanned`}`)
  }
  return {
    path: source.path, format: 'pickle', sizeBytes: source.size,
    roots: [{ file: undefined, value: values[0] ?? null }],
    tensors: collectTensors(values[0] ?? null), globals, notices,
    locate: async () => { throw new CheckpointError('corrupt', `${source.path}: a plain pickle has no tensor storages`) },
    close: () => source.close(),
  }
}

/** Stacked pickles scanned at most; a file with more fails closed (each costs a machine start). */
const MAX_STACKED = 1000

/**
 * Scans pickles that follow the first one, keeping only their globals; returns how many were
 * found. Trailing bytes beyond PICKLE_CAP would be unscanned, so they fail the file closed, as
 * does a stacked pickle that opens like one (probe.ts) but breaks. Bytes that do not open like a
 * pickle are a notice.
 */
async function scanTrailing(source: ByteSource, start: number, globals: GlobalUse[]): Promise<number> {
  if (source.size - start > PICKLE_CAP)
    throw new CheckpointError('too-large', `${source.path}: ${n(source.size - start)} bytes follow the first pickle, over the ${n(PICKLE_CAP)} that are scanned`)
  const bytes = await readRange(source, start, source.size - start, `${source.path}: trailing bytes`, PICKLE_CAP)
  let at = 0
  let found = 0
  for (let i = 0; looksLikePickle(bytes, at); i++) { // any protocol: protocol 0/1 pickles have no PROTO opcode
    if (i === MAX_STACKED) throw new CheckpointError('too-large', `${source.path}: more than ${n(MAX_STACKED)} stacked pickles`)
    found++
    try {
      at = unpickle(bytes, globals, { where: `${source.path} (stacked pickle ${i + 2})`, persistentLoad: () => null, start: at }).end
    } catch (error) {
      // it opens like a pickle: bytes past the damage may still run in CPython, so the file fails
      // closed like a broken first pickle (docs/security.md §7.5); its globals up to the damage are kept
      const failure = asCheckpointError(error)
      globals.push(unscannable(`${source.path} (stacked pickle ${i + 2})`, failure))
      throw new CheckpointError(failure.reason, `${source.path}: stacked pickle ${i + 2} is ${UNSCANNABLE}: ${failure.message}`)
    }
  }
  return found
}
