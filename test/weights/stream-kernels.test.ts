/**
 * The streamed statistics across chunk boundaries: a 2 Mi + 3 element float32 pair, read through
 * the reused-buffer path and the fast kernel, must equal a plain float64 loop over the same values
 * (including a chunk with a NaN against a number and one with an infinity, which take the careful
 * kernel). The safetensors files are written here: the format is a JSON header plus raw bytes.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { diffCheckpoints } from '../../src/weights/diff.ts'
import { accumulateFloat32, accumulateFloat32Exact, newAccumulator } from '../../src/weights/stats-kernel.ts'
import { CHUNK_ELEMENTS } from '../../src/weights/tensor-diff.ts'

function safetensors(path: string, values: Float32Array): void {
  const header = Buffer.from(JSON.stringify({ w: { dtype: 'F32', shape: [values.length], data_offsets: [0, values.byteLength] } }))
  const size = Buffer.alloc(8)
  size.writeBigUInt64LE(BigInt(header.length))
  writeFileSync(path, Buffer.concat([size, header, Buffer.from(values.buffer)]))
}

function lcg(seed: number): () => number {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5
}

test('chunked, pooled, fast-path statistics equal a plain float64 loop (NaN and infinity chunks included)', async () => {
  const n = 2 * CHUNK_ELEMENTS + 3
  const random = lcg(42)
  const a = new Float32Array(n).map(() => random())
  const b = a.map((v, i) => (i < CHUNK_ELEMENTS / 2 ? v : v + 1e-3 * random()))
  a[CHUNK_ELEMENTS + 5] = NaN // chunk 1: NaN against a number
  a[2 * CHUNK_ELEMENTS + 1] = Infinity // chunk 2: infinity against infinity is equal
  b[2 * CHUNK_ELEMENTS + 1] = Infinity
  let [sum, max, beyond] = [0, 0, 0]
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue
    if (Number.isNaN(a[i]!) || Number.isNaN(b[i]!)) { beyond++; continue }
    const d = Math.abs(a[i]! - b[i]!)
    sum += d
    max = Math.max(max, d)
    beyond++
  }
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-stream-'))
  safetensors(join(dir, 'a.safetensors'), a)
  safetensors(join(dir, 'b.safetensors'), b)
  const [x, y] = await Promise.all([openCheckpoint(join(dir, 'a.safetensors')), openCheckpoint(join(dir, 'b.safetensors'))])
  const got = (await diffCheckpoints(x, y)).tensors[0]!
  await Promise.all([x.close(), y.close()])
  assert.equal(got.identical, false)
  assert.equal(got.beyond_rounding, beyond)
  assert.equal(got.max_abs_diff, max)
  assert.ok(Math.abs(got.mean_abs_diff - sum / n) <= 1e-12 * (sum / n), `${got.mean_abs_diff} vs ${sum / n}`)
})

test('the fast float32 kernel agrees with the careful one, and refuses chunks holding NaN or infinity', () => {
  const random = lcg(7)
  for (const count of [0, 1, 3, 4, 5, 1001]) {
    const x = new Float32Array(count).map(() => random())
    const y = x.map((v, i) => (i % 3 === 0 ? v : v + random() * 1e-2))
    const [fast, careful] = [newAccumulator(), newAccumulator()]
    assert.equal(accumulateFloat32Exact(x, y, count, fast), true)
    accumulateFloat32(x, y, count, 0, careful)
    assert.equal(fast.beyond, careful.beyond, `beyond, ${count}`)
    assert.equal(fast.max, careful.max, `max, ${count}`)
    assert.ok(Math.abs(fast.sum - careful.sum) <= 1e-12 * Math.max(careful.sum, 1e-300), `sum, ${count}`)
  }
  const nan = Float32Array.of(1, NaN, 3)
  const acc = newAccumulator()
  assert.equal(accumulateFloat32Exact(nan, Float32Array.of(1, 2, 3), 3, acc), false)
  assert.deepEqual(acc, newAccumulator(), 'nothing added when refused')
})

test('float8 tensors are compared through their lookup table: an e4m3 export of float32 values is equal within its rounding', async () => {
  // torch 1.13 (the fixture writer here) has no float8, so the e4m3 bytes are written from the OCP table:
  // 0x38 = 1, 0x3c = 1.5, 0xc0 = -2, 0x7e = 448, 0x00 = 0
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-f8-'))
  const write = (file: string, dtype: string, bytes: Uint8Array) => {
    const header = Buffer.from(JSON.stringify({ w: { dtype, shape: [5], data_offsets: [0, bytes.length] } }))
    const size = Buffer.alloc(8)
    size.writeBigUInt64LE(BigInt(header.length))
    writeFileSync(join(dir, file), Buffer.concat([size, header, bytes]))
  }
  write('f32.safetensors', 'F32', new Uint8Array(Float32Array.of(1, 1.5, -2, 448, 0).buffer))
  write('f8.safetensors', 'F8_E4M3', Uint8Array.of(0x38, 0x3c, 0xc0, 0x7e, 0x00))
  write('f8-moved.safetensors', 'F8_E4M3', Uint8Array.of(0x38, 0x3c, 0xc0, 0x7d, 0x00)) // 0x7d = 416
  const open = (f: string) => openCheckpoint(join(dir, f))
  const [a, b, c] = await Promise.all([open('f32.safetensors'), open('f8.safetensors'), open('f8-moved.safetensors')])
  const same = (await diffCheckpoints(a, b)).tensors[0]!
  assert.deepEqual([same.dtype, same.beyond_rounding, same.mean_abs_diff], ['float32/float8_e4m3fn', 0, 0])
  const moved = (await diffCheckpoints(a, c)).tensors[0]!
  assert.deepEqual([moved.beyond_rounding, moved.max_abs_diff], [1, 32])
  await Promise.all([a.close(), b.close(), c.close()])
})
