/**
 * The on-disk form of a cached fingerprint: a JSON document with a format name and version, the
 * identity it was made for, the tensors (samples as base64 little-endian float64), and a checksum
 * of everything else: an HMAC-SHA-256 under the cache key (see cache-key.ts) for cache entries, so
 * an entry edited or written elsewhere (committed in a pull request) does not verify; a plain
 * SHA-256 for shard reports, which only guards against corruption (see shard-report.ts). Decoding
 * trusts nothing: a wrong format, version, identity or checksum, or any field of the wrong type,
 * gives undefined, and the caller reads the file again.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { identityText, type SourceIdentity } from './identity.ts'
import type { Fingerprint, TensorFingerprint } from './types.ts'

export const ENTRY_FORMAT = 'ckpt-audit-fingerprint'
/** Bump when the fingerprint's meaning changes (hash input, sample positions, SAMPLE_SIZE, fields). */
export const ENTRY_VERSION = 6

interface StoredTensor {
  name: string
  dtype: string
  shape: number[]
  numel: number
  littleEndian: boolean
  hash: string
  nans: number
  absSum: number
  sum: number
  samples: string
}

/** The key signs cache entries; undefined (shard reports): a plain SHA-256, an integrity check only. */
const checksumOf = (body: string, key: Buffer | undefined): string =>
  (key === undefined ? createHash('sha256') : createHmac('sha256', key)).update(body).digest('hex')

/** Constant-time, so the comparison leaks nothing of the expected MAC. */
function checksumMatches(body: string, checksum: string, key: Buffer | undefined): boolean {
  const [want, got] = [Buffer.from(checksumOf(body, key)), Buffer.from(checksum)]
  return want.length === got.length && timingSafeEqual(want, got)
}

function encodeSamples(samples: Float64Array): string {
  const bytes = Buffer.alloc(samples.length * 8)
  samples.forEach((v, i) => bytes.writeDoubleLE(v, i * 8))
  return bytes.toString('base64')
}

function decodeSamples(text: string): Float64Array | undefined {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length % 8 !== 0) return undefined
  return Float64Array.from({ length: bytes.length / 8 }, (_, i) => bytes.readDoubleLE(i * 8))
}

export function encodeEntry(identity: SourceIdentity, fingerprint: Fingerprint, key: Buffer | undefined): string {
  const tensors: StoredTensor[] = [...fingerprint.tensors.values()].map(t => ({
    name: t.name, dtype: t.dtype, shape: [...t.shape], numel: t.numel, littleEndian: t.littleEndian, hash: t.hash,
    nans: t.nans, absSum: t.absSum, sum: t.sum, samples: encodeSamples(t.samples),
  }))
  const body = JSON.stringify({
    format: ENTRY_FORMAT, version: ENTRY_VERSION, identity: identityText(identity), salt: fingerprint.saltId, tensors,
  })
  return JSON.stringify({ body, checksum: checksumOf(body, key) })
}

const isNat = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0

function decodeTensor(x: unknown): TensorFingerprint | undefined {
  const t = x as Partial<StoredTensor> | null
  if (t === null || typeof t !== 'object' || typeof t.name !== 'string' || typeof t.dtype !== 'string') return undefined
  if (!Array.isArray(t.shape) || !t.shape.every(isNat) || !isNat(t.numel) || typeof t.littleEndian !== 'boolean') return undefined
  if (typeof t.hash !== 'string' || !/^[0-9a-f]{32}$/.test(t.hash) || typeof t.samples !== 'string') return undefined
  if (!isNat(t.nans) || t.nans > t.numel) return undefined
  if (typeof t.absSum !== 'number' || !(t.absSum >= 0) || t.absSum === Infinity) return undefined
  if (typeof t.sum !== 'number' || !Number.isFinite(t.sum) || Math.abs(t.sum) > t.absSum * (1 + 1e-9)) return undefined
  const samples = decodeSamples(t.samples)
  if (samples === undefined || samples.length > t.numel) return undefined
  const { name, dtype, shape, numel, littleEndian, hash, nans, absSum, sum } = t
  return { name, dtype, shape, numel, littleEndian, hash, nans, absSum, sum, samples }
}

/** The fingerprint an entry holds for `identity`, or undefined when the entry is not exactly that. */
export function decodeEntry(text: string, identity: SourceIdentity, key: Buffer | undefined): Fingerprint | undefined {
  let outer: { body?: unknown, checksum?: unknown }
  try { outer = JSON.parse(text) as typeof outer } catch { return undefined }
  if (typeof outer?.body !== 'string' || typeof outer.checksum !== 'string') return undefined
  if (!checksumMatches(outer.body, outer.checksum, key)) return undefined
  let body: { format?: unknown, version?: unknown, identity?: unknown, salt?: unknown, tensors?: unknown }
  try { body = JSON.parse(outer.body) as typeof body } catch { return undefined }
  if (body === null || typeof body !== 'object') return undefined
  if (body.format !== ENTRY_FORMAT || body.version !== ENTRY_VERSION || body.identity !== identityText(identity)) return undefined
  if (!Array.isArray(body.tensors) || typeof body.salt !== 'string' || !/^[0-9a-f]{16}$/.test(body.salt)) return undefined
  const tensors = new Map<string, TensorFingerprint>()
  for (const stored of body.tensors) {
    const t = decodeTensor(stored)
    if (t === undefined || tensors.has(t.name)) return undefined
    tensors.set(t.name, t)
  }
  return { tensors, bytesRead: 0, saltId: body.salt }
}
