/**
 * One streaming pass over a checkpoint's weight tensors: each tensor's bytes are read once, in
 * bounded chunks, hashed, and the sampled elements decoded on the way. Optimizer state is not read
 * (it is never compared). Decoding goes through the same `decodeInto` as the exact statistics, so a
 * complete sample holds exactly the values the exact method sees.
 */
import { createHash } from 'node:crypto'
import type { Checkpoint, NamedTensor } from '../checkpoint/checkpoint.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import { acquireChunk, releaseChunk } from '../weights/chunk-pool.ts'
import { weightTensors } from '../weights/align.ts'
import { decodeInto, float32View, isDecodable, isFloatingDtype } from '../weights/element-reader.ts'
import { CHUNK_ELEMENTS, tensorReader } from '../weights/tensor-diff.ts'
import { samplePositions } from './positions.ts'
import { sampleSalt, type SampleSalt } from './sample-salt.ts'
import type { Fingerprint, TensorFingerprint } from './types.ts'

const one = new Float64Array(1)

/** Decodes element `index` of a chunk (raw bytes of `size`-byte elements) to float64. */
function decodeAt(chunk: Uint8Array, index: number, size: number, dtype: string, littleEndian: boolean): number {
  decodeInto(chunk.subarray(index * size, index * size + size), dtype, littleEndian, one)
  return one[0]!
}

let scratch: Float64Array | undefined
/** [NaN count, sum of |x| over finite x] of the last scanned chunk (a typed array keeps the loops monomorphic). */
const scanned = new Float64Array(2)

function scanFloat32(values: Float32Array, count: number): void {
  let [nans, sum] = [0, 0]
  for (let i = 0; i < count; i++) {
    const v = values[i]!
    if (v !== v) nans++
    else if (v - v === 0) sum += Math.abs(v) // finite: ±Infinity − itself is NaN
  }
  scanned[0] = nans
  scanned[1] = sum
}

function scanFloat64(values: Float64Array, count: number): void {
  let [nans, sum] = [0, 0]
  for (let i = 0; i < count; i++) {
    const v = values[i]!
    if (v !== v) nans++
    else if (v - v === 0) sum += Math.abs(v)
  }
  scanned[0] = nans
  scanned[1] = sum
}

/** NaNs and the sum of finite |x| of a chunk: float32 read in place, other floating dtypes decoded (integers hold no NaN). */
function scanChunk(chunk: Uint8Array, dtype: string, littleEndian: boolean, count: number): void {
  if (dtype === 'float32') return scanFloat32(float32View(chunk, littleEndian), count)
  const values = (scratch ??= new Float64Array(CHUNK_ELEMENTS))
  decodeInto(chunk, dtype, littleEndian, values)
  scanFloat64(values, count)
}

async function fingerprintTensor(checkpoint: Checkpoint, named: NamedTensor, salt: SampleSalt): Promise<TensorFingerprint> {
  const { tensor } = named
  const size = dtypeInfo(tensor.dtype)?.itemSize ?? 0
  const numel = tensor.numel
  const reader = await tensorReader({ checkpoint, tensor })
  const hash = createHash('sha256')
  const decodable = isDecodable(tensor.dtype)
  const positions = decodable ? samplePositions(named.name, tensor.shape, numel, salt) : new Float64Array(0)
  const samples = new Float64Array(positions.length)
  const buffer = acquireChunk(Math.min(numel, CHUNK_ELEMENTS) * size)
  const floating = isFloatingDtype(tensor.dtype)
  let [next, nans, absSum] = [0, 0, 0]
  try {
    for (let start = 0; start < numel; start += CHUNK_ELEMENTS) {
      const count = Math.min(CHUNK_ELEMENTS, numel - start)
      const bytes = await reader.readInto(start, count, buffer)
      hash.update(bytes)
      if (floating) {
        scanChunk(bytes, tensor.dtype, reader.littleEndian, count)
        nans += scanned[0]!
        absSum += scanned[1]!
      }
      for (; next < positions.length && positions[next]! < start + count; next++)
        samples[next] = decodeAt(bytes, positions[next]! - start, size, tensor.dtype, reader.littleEndian)
    }
  } finally {
    releaseChunk(buffer)
  }
  return {
    name: named.name, dtype: tensor.dtype, shape: [...tensor.shape], numel, littleEndian: reader.littleEndian,
    sha256: hash.digest('hex'), nans, absSum, samples,
  }
}

/** Tensors whose dtype the reader knows (others are listed as not compared by the diff, never read). */
const readable = (t: NamedTensor): boolean => dtypeInfo(t.tensor.dtype) !== undefined

/** The fingerprint of a checkpoint's weights, sampled with `salt` (default: this process's, sample-salt.ts). */
export async function fingerprintCheckpoint(checkpoint: Checkpoint, salt?: SampleSalt): Promise<Fingerprint> {
  const positionsSalt = salt ?? await sampleSalt()
  const tensors = new Map<string, TensorFingerprint>()
  let bytesRead = 0
  for (const named of weightTensors(checkpoint.tensors).filter(readable)) {
    tensors.set(named.name, await fingerprintTensor(checkpoint, named, positionsSalt))
    bytesRead += named.tensor.numel * dtypeInfo(named.tensor.dtype)!.itemSize
  }
  return { tensors, bytesRead, saltId: positionsSalt.id }
}
