/**
 * Mutation-based fuzzing over the real fixtures: bit flips, truncations, splices, inserted bytes
 * and length-field edits, as fast-check arbitraries so every failure shrinks and replays from its seed.
 * Used by test/fuzz.test.ts (bounded, in CI) and fuzz/run.ts (long runs).
 */
import { writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import fc from 'fast-check'
import { main } from '../src/cli.ts'

export const CORPUS = [
  'torch113/grpo.epoch1.pt', 'torch113/legacy.pt', 'torch113/hparam_types.pt', 'torch113/plain_p2.pkl', 'torch113/plain_p4.pkl',
  'torch113/views.pt', 'modern/torch2_state.pt', 'modern/lightning.ckpt', 'modern/weights.safetensors', 'modern/numpy2.pt',
  'modern/torch2_legacy.pt', 'hostile/process--posix-system.pkl', 'malformed/ok--minimal-torch-zip.pt',
]

/** Values that break length fields: negative as int32, huge as u32/u64, off by one. */
const NASTY = [0xffffffff, 0x7fffffff, 0x80000000, 0xfffffffe, 1 << 30, 0, 1, 0x10000]

export type Mutation =
  | { kind: 'flip', at: number, bit: number }
  | { kind: 'truncate', at: number }
  | { kind: 'splice', at: number, from: number, length: number }
  | { kind: 'insert', at: number, bytes: number[] }
  | { kind: 'length', at: number, value: number, wide: boolean }

export const mutationArb: fc.Arbitrary<Mutation[]> = fc.array(fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('length' as const), at: fc.nat(), value: fc.constantFrom(...NASTY), wide: fc.boolean() }),
), { minLength: 1, maxLength: 4 })

export function mutate(original: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = Uint8Array.from(original)
  for (const m of mutations) {
    if (bytes.length === 0) break
    const at = m.at % bytes.length
    switch (m.kind) {
      case 'flip': bytes[at]! ^= 1 << m.bit; break
      case 'truncate': bytes = bytes.slice(0, at); break
      case 'splice': { const from = m.from % bytes.length; bytes.copyWithin(at, from, from + m.length); break }
      case 'insert': bytes = Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]); break
      case 'length': {
        const view = new DataView(bytes.buffer)
        if (m.wide && at + 8 <= bytes.length) view.setBigUint64(at, BigInt(m.value) * (m.value === 0xffffffff ? 0x100000001n : 1n), true)
        else if (at + 4 <= bytes.length) view.setUint32(at, m.value, true)
      }
    }
  }
  return bytes
}

export interface CaseOutcome { inspectCode: number, diffCode: number | undefined, ms: number }

/** Runs inspect (and diff against the original, for zip and safetensors bases) on one mutant; throws on any invariant break. */
export async function runCase(dir: string, originalPath: string, mutant: Uint8Array, index: number): Promise<CaseOutcome> {
  const path = join(dir, `case-${index}${extname(originalPath)}`)
  writeFileSync(path, mutant)
  const started = performance.now()
  let out = ''
  const inspectCode = await main(['inspect', '--json', path], t => { out += t }, () => {})
  if (inspectCode !== 0 && inspectCode !== 1) throw new Error(`inspect exit ${inspectCode}`)
  const doc = JSON.parse(out) as { error: unknown, tensors: unknown }
  if (typeof doc.tensors !== 'object') throw new Error('inspect JSON lacks tensors')
  let diffCode: number | undefined
  if (/\.(pt|ckpt|safetensors)$/.test(path)) {
    out = ''
    diffCode = await main(['diff', '--json', originalPath, path], t => { out += t }, () => {})
    if (diffCode !== 0 && diffCode !== 1) throw new Error(`diff exit ${diffCode}`)
    JSON.parse(out)
  }
  return { inspectCode, diffCode, ms: performance.now() - started }
}
