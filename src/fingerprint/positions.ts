/**
 * Where a tensor is sampled. Positions are element indices in row-major order, drawn by a PRNG
 * seeded from a secret salt (sample-salt.ts), the tensor's leaf name and its shape, never from its
 * dtype or file: an fp16 export and its fp32 original, or a parent and its child, sample the same
 * elements, so their samples can be compared value by value. The leaf name (`weight` of
 * `model.encoder.weight`) rather than the full name, because alignment removes wrapper prefixes
 * (`model.`, `module.`) before pairing tensors. The salt keeps the positions unknown to whoever
 * wrote the files, so no file can be made to agree with another exactly where the samples look.
 */
import { createHash } from 'node:crypto'
import type { SampleSalt } from './sample-salt.ts'

/** Values sampled per tensor (all of them when a tensor has fewer). */
export const SAMPLE_SIZE = 4096

/** The last segment of a dotted name: what survives prefix alignment. */
export function leafName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1)
}

/** mulberry32: a small, fast 32-bit PRNG; quality is ample for spreading sample positions. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
}

function seedOf(name: string, shape: readonly number[], salt: SampleSalt): [number, number] {
  const digest = createHash('sha256').update(salt.bytes).update(`\0${leafName(name)}\0${shape.join('x')}`).digest()
  return [digest.readUInt32LE(0), digest.readUInt32LE(4)]
}

/**
 * `k` distinct element indices in [0, numel), ascending (all indices when numel ≤ k). Two
 * generators make 53-bit uniform draws, so tensors past 2^32 elements are sampled evenly too.
 */
export function samplePositions(name: string, shape: readonly number[], numel: number, salt: SampleSalt, k = SAMPLE_SIZE): Float64Array {
  if (numel <= k) return Float64Array.from({ length: numel }, (_, i) => i)
  // a fleet's checkpoints share their tensor names and shapes: draw each set of positions once
  const key = `${salt.id}\0${leafName(name)}\0${shape.join('x')}\0${numel}\0${k}`
  const known = recent.get(key)
  if (known !== undefined) return known
  const drawn = draw(name, shape, numel, salt, k)
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!)
  recent.set(key, drawn)
  return drawn
}

/** Position sets kept (32 KiB each at k = 4,096): the tensors of a few large checkpoints. */
const RECENT_LIMIT = 512
const recent = new Map<string, Float64Array>()

function draw(name: string, shape: readonly number[], numel: number, salt: SampleSalt, k: number): Float64Array {
  const [s0, s1] = seedOf(name, shape, salt)
  const [hi, lo] = [mulberry32(s0), mulberry32(s1)]
  const chosen = new Set<number>()
  while (chosen.size < k) {
    const unit = ((hi() >>> 5) * 67108864 + (lo() >>> 6)) / 9007199254740992 // 53 random bits in [0, 1)
    chosen.add(Math.floor(unit * numel))
  }
  return Float64Array.from(chosen).sort()
}
