/**
 * safetensors (https://github.com/huggingface/safetensors#format): an 8-byte little-endian
 * header length N, N bytes of JSON `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {str: str}}`,
 * then the data. Validation follows the Rust reference: 0 < N <= 100 MB, the header starts
 * with `{`, tensors tile the data without gaps or overlaps, sizes match dtype × shape.
 */
import { readRange, type ByteSource } from './byte-source.ts'
import type { Checkpoint, NamedTensor } from './checkpoint.ts'
import { dtypeInfo, safetensorsDtype } from './dtypes.ts'
import { CheckpointError, n } from './errors.ts'
import { PyDict, StorageRef, TensorRef } from './pickle/values.ts'

export const MAX_SAFETENSORS_HEADER = 100_000_000

/** First bytes look like a safetensors header: a plausible length followed by `{`. */
export function looksLikeSafetensors(head: Uint8Array, size: number): boolean {
  if (head.length < 9 || head[8] !== 0x7b) return false
  const length = new DataView(head.buffer, head.byteOffset, 8).getBigUint64(0, true)
  // any plausible length: a bad one gets its own message from the reader (too-large, truncated)
  return length > 0n && length < 1n << 53n && size > 8
}

export async function readSafetensors(source: ByteSource): Promise<Checkpoint> {
  const prefix = await readRange(source, 0, 8, `${source.path}: safetensors header length`)
  const declared = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true)
  if (declared === 0n || declared > BigInt(MAX_SAFETENSORS_HEADER))
    throw new CheckpointError('too-large', `${source.path}: safetensors header length is ${n(declared)} bytes; it must be between 1 and ${n(MAX_SAFETENSORS_HEADER)}`)
  const headerLength = Number(declared)
  if (8 + headerLength > source.size)
    throw new CheckpointError('truncated', `${source.path}: safetensors header overflows the file: 8 + ${n(headerLength)} > ${n(source.size)}`)
  const raw = await readRange(source, 8, headerLength, `${source.path}: safetensors header`)
  let header: unknown
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw))
  } catch (error) {
    throw new CheckpointError('corrupt', `${source.path}: safetensors header is not UTF-8 JSON: ${(error as Error).message}`)
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header))
    throw new CheckpointError('corrupt', `${source.path}: safetensors header is not a JSON object`)

  const dataStart = 8 + headerLength
  const metadata = new PyDict()
  const tensors: NamedTensor[] = []
  const spans: Array<{ name: string, begin: number, end: number }> = []
  for (const [name, spec] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new CheckpointError('corrupt', `${source.path}: __metadata__ is not an object`)
      for (const [key, value] of Object.entries(spec)) {
        if (typeof value !== 'string') throw new CheckpointError('corrupt', `${source.path}: __metadata__.${key} is not a string`)
        metadata.entries.set(key, value)
      }
      continue
    }
    const { dtype: dtypeName, shape, data_offsets: offsets } = (spec ?? {}) as { dtype?: unknown, shape?: unknown, data_offsets?: unknown }
    const dtype = typeof dtypeName === 'string' ? safetensorsDtype(dtypeName) : undefined
    if (dtype === undefined) throw new CheckpointError('corrupt', `${source.path}: tensor ${name} has unknown dtype ${JSON.stringify(dtypeName)}`)
    if (!Array.isArray(shape) || !shape.every(d => Number.isSafeInteger(d) && d >= 0))
      throw new CheckpointError('corrupt', `${source.path}: tensor ${name} has an invalid shape ${JSON.stringify(shape)}`)
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(o => Number.isSafeInteger(o) && o >= 0) || offsets[0] > offsets[1])
      throw new CheckpointError('corrupt', `${source.path}: tensor ${name} has invalid data_offsets ${JSON.stringify(offsets)}`)
    const numel = (shape as number[]).reduce((a, b) => a * b, 1)
    const bytes = numel * dtypeInfo(dtype)!.itemSize
    const [begin, end] = offsets as [number, number]
    if (!Number.isSafeInteger(bytes) || end - begin !== bytes)
      throw new CheckpointError('corrupt', `${source.path}: tensor ${name} spans ${n(end - begin)} bytes but ${dtypeName} × [${(shape as number[]).join(', ')}] needs ${n(bytes)}`)
    spans.push({ name, begin, end })
    const storage = new StorageRef(name, dtype, numel, 'cpu')
    const stride = (shape as number[]).map((_, i) => (shape as number[]).slice(i + 1).reduce((a, b) => a * b, 1))
    tensors.push({ name, tensor: new TensorRef(storage, dtype, 0, shape as number[], stride, false) })
  }
  // tensors must tile [0, data length) exactly, as the Rust reference requires
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end)
  let cursor = 0
  for (const span of spans) {
    if (span.begin !== cursor)
      throw new CheckpointError('corrupt', `${source.path}: tensor ${span.name} starts at ${n(span.begin)} but the previous tensor ends at ${n(cursor)}`)
    cursor = span.end
  }
  if (dataStart + cursor > source.size)
    throw new CheckpointError('truncated', `${source.path}: tensor data overflows the file: ${n(dataStart)} + ${n(cursor)} > ${n(source.size)}`)
  if (dataStart + cursor < source.size)
    throw new CheckpointError('corrupt', `${source.path}: ${n(source.size - dataStart - cursor)} bytes follow the last tensor`)

  const byName = new Map(spans.map(s => [s.name, s]))
  const root = new PyDict()
  if (metadata.entries.size > 0) root.entries.set('__metadata__', metadata)
  return {
    path: source.path, format: 'safetensors', sizeBytes: source.size,
    roots: [{ file: undefined, value: root }], tensors, globals: [], notices: [],
    async locate(storage) {
      const span = byName.get(storage.key)!
      return { source, start: dataStart + span.begin, length: span.end - span.begin, littleEndian: true }
    },
    close: () => source.close(),
  }
}
