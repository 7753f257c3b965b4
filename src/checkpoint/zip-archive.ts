/**
 * Random access to zip archives through yauzl (https://github.com/thejoshwolfe/yauzl): the
 * central directory is read, entries are listed, and only the entries asked for are read.
 * All reads go through one ByteSource, so a multi-GiB checkpoint costs a few small reads.
 * Why not jszip: docs/adr/0001-zip-reader.md.
 */
import { Readable } from 'node:stream'
import { constants, inflateRawSync } from 'node:zlib'
import yauzl from 'yauzl'
import { readRange, type ByteSource } from './byte-source.ts'
import { CheckpointError, n } from './errors.ts'

/** Archives with more entries than this are refused before the walk (65,535 is the classic maximum). */
export const MAX_ZIP_ENTRIES = 200_000

export interface ZipEntry {
  readonly name: string
  readonly compressedSize: number
  readonly uncompressedSize: number
  /** 0 stored, 8 deflated. */
  readonly method: number
  readonly entry: yauzl.Entry
}

export interface ZipArchive {
  /** The file, for messages. */
  readonly path: string
  readonly source: ByteSource
  readonly entries: readonly ZipEntry[]
  /** Last entry of that name: like torch, a duplicate name loads the last copy. */
  find(name: string): ZipEntry | undefined
  /** Whole content of one entry, under a cap. */
  read(entry: ZipEntry, cap: number): Promise<Uint8Array>
  /** At most the first `length` bytes of an entry, inflating only a bounded prefix of a deflated one. */
  head(entry: ZipEntry, length: number): Promise<Uint8Array>
  /** Where a stored entry's bytes lie in the file, for streaming tensor data. */
  dataStart(entry: ZipEntry): Promise<number>
}

/** Central-directory reads are many and tiny (46 + name + extra bytes per entry): serve them from one window. */
const READ_WINDOW = 256 * 1024

/** yauzl's reader interface over our ByteSource. */
class SourceReader extends (yauzl.RandomAccessReader as unknown as new () => yauzl.RandomAccessReader) {
  readonly source: ByteSource
  #window: { start: number, bytes: Uint8Array } | undefined
  constructor(source: ByteSource) {
    super()
    this.source = source
  }
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    const window = this.#window
    if (window !== undefined && position >= window.start && position + length <= window.start + window.bytes.length) {
      buffer.set(window.bytes.subarray(position - window.start, position - window.start + length), offset)
      callback(null)
      return
    }
    const size = Math.min(this.source.size - position, Math.max(length, READ_WINDOW))
    this.source.read(position, size).then(bytes => {
      if (length <= READ_WINDOW) this.#window = { start: position, bytes }
      buffer.set(bytes.subarray(0, length), offset)
      callback(null)
    }, (error: Error) => callback(error))
  }
  /** The window only serves the central-directory walk; later reads are ranges of their own. */
  dropWindow(): void { this.#window = undefined }
  override _readStreamForRange(start: number, end: number): Readable {
    const source = this.source
    return Readable.from((async function* () {
      for (let at = start; at < end; at += 1 << 20) yield Buffer.from(await source.read(at, Math.min(1 << 20, end - at)))
    })())
  }
  override close(callback: (err: Error | null) => void): void { callback(null) }
}

function zipError(error: unknown, source: ByteSource): CheckpointError {
  // a reason the source already gave (a remote read's changed, no-range-support, network) is not the zip's fault
  if (error instanceof CheckpointError) return error
  const message = error instanceof Error ? error.message : String(error)
  const truncated = /end of central directory record signature not found|truncated|out of bounds|unexpected EOF|beyond/i.test(message)
  return new CheckpointError(truncated ? 'truncated' : 'corrupt', `${source.path}: zip: ${message}`)
}

export async function openZip(source: ByteSource): Promise<ZipArchive> {
  let zipfile: yauzl.ZipFile
  const reader = new SourceReader(source)
  try {
    zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromRandomAccessReader(reader, source.size,
        { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
        (err, zf) => (err ? reject(err) : resolve(zf))))
  } catch (error) {
    throw zipError(error, source)
  }
  if (zipfile.entryCount > MAX_ZIP_ENTRIES)
    throw new CheckpointError('too-large', `${source.path}: zip has ${n(zipfile.entryCount)} entries; the limit is ${n(MAX_ZIP_ENTRIES)}`)

  const entries: ZipEntry[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      zipfile.on('entry', (entry: yauzl.Entry) => {
        if (entry.relativeOffsetOfLocalHeader + 30 > source.size || entry.compressedSize > source.size) {
          reject(new CheckpointError('corrupt', `${source.path}: zip entry ${entry.fileName} points outside the file: ${n(entry.relativeOffsetOfLocalHeader)} + ${n(entry.compressedSize)} > ${n(source.size)}`))
          return
        }
        entries.push({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize,
                       method: entry.compressionMethod, entry })
        // the read window answers yauzl synchronously, so readEntry → 'entry' → readEntry would
        // recurse once per entry (a 1,400-tensor torch.save overflowed the stack): each next
        // entry starts from a fresh stack
        queueMicrotask(() => zipfile.readEntry())
      })
      zipfile.on('end', () => resolve())
      zipfile.on('error', reject)
      zipfile.readEntry()
    })
  } catch (error) {
    throw error instanceof CheckpointError ? error : zipError(error, source)
  }

  reader.dropWindow()
  const byName = new Map<string, ZipEntry>()
  for (const entry of entries) byName.set(entry.name, entry)
  const starts = new Map<ZipEntry, number>()

  const dataStart = async (entry: ZipEntry): Promise<number> => {
    const known = starts.get(entry)
    if (known !== undefined) return known
    let start: number
    try {
      start = (await zipfile.readLocalFileHeaderPromise(entry.entry, { minimal: true })).fileDataStart
    } catch (error) {
      throw zipError(error, source)
    }
    if (start + entry.compressedSize > source.size)
      throw new CheckpointError('truncated', `${source.path}: zip entry ${entry.name} overflows the file: ${n(start)} + ${n(entry.compressedSize)} > ${n(source.size)}`)
    starts.set(entry, start)
    return start
  }

  return {
    path: source.path,
    source,
    entries,
    find: name => byName.get(name),
    dataStart,
    async head(entry, length) {
      const start = await dataStart(entry)
      if (entry.method === 0) return readRange(source, start, Math.min(length, entry.compressedSize), `${entry.name}`)
      if (entry.method !== 8) return new Uint8Array(0)
      // deflate expands at most ~1,032×: `length` compressed bytes bound the output; a sync flush
      // returns what a cut stream yields instead of failing on its missing end
      const raw = await readRange(source, start, Math.min(length, entry.compressedSize), `${entry.name}`)
      try {
        const out = inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH })
        return new Uint8Array(out.buffer, out.byteOffset, Math.min(out.length, length))
      } catch {
        return new Uint8Array(0)
      }
    },
    async read(entry, cap) {
      if (entry.uncompressedSize > cap)
        throw new CheckpointError('too-large', `${source.path}: ${entry.name} is ${n(entry.uncompressedSize)} bytes; the limit is ${n(cap)}`)
      const start = await dataStart(entry)
      const raw = await readRange(source, start, entry.compressedSize, `${entry.name}`)
      if (entry.method === 0) {
        if (entry.compressedSize !== entry.uncompressedSize)
          throw new CheckpointError('corrupt', `${source.path}: stored entry ${entry.name} has compressed size ${n(entry.compressedSize)} ≠ size ${n(entry.uncompressedSize)}`)
        return raw
      }
      if (entry.method !== 8) throw new CheckpointError('corrupt', `${source.path}: ${entry.name} uses unsupported compression method ${entry.method}`)
      try {
        // the output cap stops deflate bombs: the central directory's size is a promise we hold it to
        const out = inflateRawSync(raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) })
        if (out.length !== entry.uncompressedSize)
          throw new CheckpointError('corrupt', `${source.path}: ${entry.name} inflates to ${n(out.length)} bytes, not the ${n(entry.uncompressedSize)} its header says`)
        return new Uint8Array(out.buffer, out.byteOffset, out.length)
      } catch (error) {
        if (error instanceof CheckpointError) throw error
        throw new CheckpointError('corrupt', `${source.path}: ${entry.name} does not inflate within its declared ${n(entry.uncompressedSize)} bytes: ${(error as Error).message}`)
      }
    },
  }
}
