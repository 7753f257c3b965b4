/**
 * One streaming pass over a checkpoint's weight tensors: each tensor's bytes are read once, in
 * bounded chunks, hashed, and the sampled elements decoded on the way. Optimizer state is not read
 * (it is never compared). Decoding goes through the same `decodeInto` as the exact statistics, so a
 * complete sample holds exactly the values the exact method sees.
 */
import type { Checkpoint, NamedTensor } from '../checkpoint/checkpoint.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import { acquireChunk, releaseChunk } from '../weights/chunk-pool.ts'
import { weightTensors } from '../weights/align.ts'
import { decodeInto, float32View, isDecodable, isFloatingDtype } from '../weights/element-reader.ts'
import { tensorReader } from '../weights/tensor-diff.ts'
import { samplePositions } from './positions.ts'
import { sampleSalt, type SampleSalt } from './sample-salt.ts'
import { tensorHash } from './tensor-hash.ts'
import { isRemoteAddress } from '../checkpoint/remote/address.ts'
import type { FingerprintJob, WorkerFingerprint } from '../workers/jobs.ts'
import { workerPool } from '../workers/pool.ts'
import type { Fingerprint, TensorFingerprint } from './types.ts'

const one = new Float64Array(1)

/** Decodes element `index` of a chunk (raw bytes of `size`-byte elements) to float64. */
function decodeAt(chunk: Uint8Array, index: number, size: number, dtype: string, littleEndian: boolean): number {
  decodeInto(chunk.subarray(index * size, index * size + size), dtype, littleEndian, one)
  return one[0]!
}

/**
 * Elements per chunk: 2 MiB of float32. On the fleet bench (bench/fleet.py, 2 cores) this beat
 * both smaller chunks (256 KiB to 1 MiB: more reads) and larger ones (4 to 8 MiB: the hash and the
 * scan that follow each read no longer find the bytes in the core's cache): 3.6 s against 4.5 s.
 */
const FINGERPRINT_CHUNK = 1 << 19

let scratch: Float64Array | undefined
/** [NaN count, sum of |x|, sum of x] over the finite x of the last scanned chunk (a typed array keeps the loops monomorphic). */
const scanned = new Float64Array(3)

/**
 * Sums of |x| and of x, four independent partial sums each and no branch: when the sum of |x| is
 * finite the chunk holds no NaN and no infinity, and that is the answer (the common case).
 * Otherwise the careful loop counts NaNs and leaves infinities out.
 */
function scanFloat32(values: Float32Array, count: number): void {
  // separate declarations: a destructured `let [..] = [..]` made this loop three times slower (measured)
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, s0 = 0, s1 = 0, s2 = 0, s3 = 0 // eslint-disable-line one-var
  const whole = count - (count % 4)
  for (let i = 0; i < whole; i += 4) {
    const x0 = values[i]!
    const x1 = values[i + 1]!
    const x2 = values[i + 2]!
    const x3 = values[i + 3]!
    a0 += Math.abs(x0)
    a1 += Math.abs(x1)
    a2 += Math.abs(x2)
    a3 += Math.abs(x3)
    s0 += x0
    s1 += x1
    s2 += x2
    s3 += x3
  }
  // any second loop lives in a function of its own: one here slowed the loop above 3× (as in stats-kernel.ts)
  tailSums(values, whole, count)
  const abs = a0 + a1 + a2 + a3 + tail[0]!
  if (abs - abs === 0) {
    scanned[0] = 0
    scanned[1] = abs
    scanned[2] = s0 + s1 + s2 + s3 + tail[1]!
    return
  }
  scanCarefully(values, count)
}

/** [sum of |x|, sum of x] of the last 0 to 3 elements, for scanFloat32. */
const tail = new Float64Array(2)

function tailSums(values: Float32Array, from: number, count: number): void {
  let abs = 0, sum = 0 // eslint-disable-line one-var
  for (let i = from; i < count; i++) {
    abs += Math.abs(values[i]!)
    sum += values[i]!
  }
  tail[0] = abs
  tail[1] = sum
}

/** NaNs counted, infinities left out of the sums: for the rare chunk that holds either. */
function scanCarefully(values: Float32Array, count: number): void {
  let nans = 0, abs = 0, sum = 0 // eslint-disable-line one-var
  for (let k = 0; k < count; k++) {
    const v = values[k]!
    if (v !== v) nans++
    else if (v - v === 0) { // finite: ±Infinity − itself is NaN
      abs += Math.abs(v)
      sum += v
    }
  }
  scanned[0] = nans
  scanned[1] = abs
  scanned[2] = sum
}

/** The careful loop over decoded values (fp16, bf16, fp64, float8): a copy on purpose, one array type per loop (see stats-kernel.ts). */
function scanFloat64(values: Float64Array, count: number): void {
  let nans = 0, abs = 0, sum = 0 // eslint-disable-line one-var
  for (let k = 0; k < count; k++) {
    const v = values[k]!
    if (v !== v) nans++
    else if (v - v === 0) {
      abs += Math.abs(v)
      sum += v
    }
  }
  scanned[0] = nans
  scanned[1] = abs
  scanned[2] = sum
}

/**
 * NaNs and the sum of finite |x| of a floating-point chunk (integers hold no NaN); returns the
 * chunk's values, float32 read in place and other dtypes decoded, for the samples to be taken from.
 */
function scanChunk(chunk: Uint8Array, dtype: string, littleEndian: boolean, count: number): Float32Array | Float64Array {
  if (dtype === 'float32') {
    const view = float32View(chunk, littleEndian)
    scanFloat32(view, count)
    return view
  }
  const values = (scratch ??= new Float64Array(FINGERPRINT_CHUNK))
  decodeInto(chunk, dtype, littleEndian, values)
  scanFloat64(values, count)
  return values
}

/** Warm-up, as in stats-kernel.ts: the code after a hot loop deoptimizes on its first exit otherwise. */
for (let i = 0; i < 32; i++) {
  scanFloat32(Float32Array.of(1, -2, 3, 4, 5), 5)
  scanFloat32(Float32Array.of(1, NaN, Infinity, 4, 5), 5)
  scanFloat64(Float64Array.of(1, NaN, Infinity, 4, 5), 5)
}

async function fingerprintTensor(checkpoint: Checkpoint, named: NamedTensor, salt: SampleSalt): Promise<TensorFingerprint> {
  const { tensor } = named
  const size = dtypeInfo(tensor.dtype)?.itemSize ?? 0
  const numel = tensor.numel
  const reader = await tensorReader({ checkpoint, tensor })
  const hash = tensorHash(salt)
  const decodable = isDecodable(tensor.dtype)
  const positions = decodable ? samplePositions(named.name, tensor.shape, numel, salt) : new Float64Array(0)
  const samples = new Float64Array(positions.length)
  const floating = isFloatingDtype(tensor.dtype)
  // two buffers: the next chunk is read while this one is hashed and scanned
  const buffers = [0, 1].map(() => acquireChunk(Math.min(numel, FINGERPRINT_CHUNK) * size))
  const readChunk = (start: number) =>
    reader.readInto(start, Math.min(FINGERPRINT_CHUNK, numel - start), buffers[(start / FINGERPRINT_CHUNK) % 2]!)
  let [next, nans, absSum, signedSum] = [0, 0, 0, 0]
  let pending = numel > 0 ? readChunk(0) : undefined
  try {
    for (let start = 0; start < numel; start += FINGERPRINT_CHUNK) {
      const count = Math.min(FINGERPRINT_CHUNK, numel - start)
      const bytes = await pending!
      pending = start + FINGERPRINT_CHUNK < numel ? readChunk(start + FINGERPRINT_CHUNK) : undefined
      pending?.catch(() => {}) // awaited on the next turn; a failure there is reported then
      hash.update(bytes)
      if (floating) {
        const values = scanChunk(bytes, tensor.dtype, reader.littleEndian, count)
        nans += scanned[0]!
        absSum += scanned[1]!
        signedSum += scanned[2]!
        for (; next < positions.length && positions[next]! < start + count; next++) samples[next] = values[positions[next]! - start]!
      }
      for (; next < positions.length && positions[next]! < start + count; next++)
        samples[next] = decodeAt(bytes, positions[next]! - start, size, tensor.dtype, reader.littleEndian)
    }
  } finally {
    await pending?.catch(() => {}) // never hand a buffer back while a read still fills it
    buffers.forEach(releaseChunk)
  }
  return {
    name: named.name, dtype: tensor.dtype, shape: [...tensor.shape], numel, littleEndian: reader.littleEndian,
    hash: hash.digest(), nans, absSum, sum: signedSum, samples,
  }
}

/** Tensors whose dtype the reader knows (others are listed as not compared by the diff, never read). */
const readable = (t: NamedTensor): boolean => dtypeInfo(t.tensor.dtype) !== undefined

/** The fingerprint of a checkpoint's weights, computed on this thread. */
export async function fingerprintInProcess(checkpoint: Checkpoint, salt: SampleSalt): Promise<Fingerprint> {
  const tensors = new Map<string, TensorFingerprint>()
  let bytesRead = 0
  for (const named of weightTensors(checkpoint.tensors).filter(readable)) {
    tensors.set(named.name, await fingerprintTensor(checkpoint, named, salt))
    bytesRead += named.tensor.numel * dtypeInfo(named.tensor.dtype)!.itemSize
  }
  return { tensors, bytesRead, saltId: salt.id }
}

/** Whether a fingerprint describes this checkpoint's weight tensors (names, dtypes, shapes): else it is stale or foreign. */
export function describes(fingerprint: Fingerprint, checkpoint: Checkpoint): boolean {
  const named = weightTensors(checkpoint.tensors)
  return named.every(({ name, tensor }) => {
    const t = fingerprint.tensors.get(name)
    return t === undefined || (t.dtype === tensor.dtype && t.numel === tensor.numel && t.shape.join(',') === tensor.shape.join(','))
  }) && [...fingerprint.tensors.keys()].every(name => named.some(t => t.name === name))
}

/**
 * The fingerprint of a checkpoint's weights, sampled with `salt` (default: this process's,
 * sample-salt.ts): on a worker thread for a local file when the pool is on (files fingerprinted
 * together then use every core), else here. A worker reopens the file by path; should what it
 * found not be this checkpoint's tensors (the file was replaced meanwhile), the work is done here.
 */
export async function fingerprintCheckpoint(checkpoint: Checkpoint, salt?: SampleSalt): Promise<Fingerprint> {
  const positionsSalt = salt ?? await sampleSalt()
  const pool = isRemoteAddress(checkpoint.path) ? undefined : workerPool()
  if (pool === undefined) return fingerprintInProcess(checkpoint, positionsSalt)
  const job: FingerprintJob = { kind: 'fingerprint', path: checkpoint.path, salt: positionsSalt.bytes, saltSource: positionsSalt.source }
  const reply = await pool.run(job) as WorkerFingerprint
  const fingerprint = { tensors: new Map(reply.tensors.map(t => [t.name, t])), bytesRead: reply.bytesRead, saltId: reply.saltId }
  return describes(fingerprint, checkpoint) ? fingerprint : fingerprintInProcess(checkpoint, positionsSalt)
}
