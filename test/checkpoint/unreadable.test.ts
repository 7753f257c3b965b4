import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { fixture } from '../support/fixtures.ts'

const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-unreadable-'))
function made(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}
function u64(value: bigint): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, value, true)
  return b
}

const cases: Array<[string, () => string, string, RegExp]> = [
  ['missing file', () => join(dir, 'nope.pt'), 'not-found', /no such file/],
  ['empty file', () => fixture('broken/empty.pt'), 'empty', /empty/],
  ['Git LFS pointer', () => fixture('broken/lfs-pointer.pt'), 'lfs-pointer', /git lfs pull.*lfs: true/],
  ['zip cut in half', () => fixture('broken/truncated.pt'), 'truncated', /truncated/],
  ['legacy file missing its last storage bytes', () => fixture('broken/truncated-legacy.pt'), 'truncated', /overflows the file/],
  ['random bytes', () => fixture('broken/random-bytes.pt'), 'not-a-checkpoint', /first bytes/],
  ['a text file', () => fixture('broken/text-file.pt'), 'not-a-checkpoint', /not a torch/],
  ['pickleparser 0.2.1 hang: negative BINBYTES length', () => made('neg.pkl', Uint8Array.from([0x80, 0x03, 0x42, 0xf9, 0xff, 0xff, 0xff, 0x2e])), 'truncated', /needs .* bytes/],
  ['BINUNICODE8 length beyond the file', () => made('long.pkl', Uint8Array.from([0x80, 0x04, 0x8d, ...u64(1n << 40n), 0x2e])), 'truncated', /needs 1,099,511,627,776 bytes/],
  ['BINBYTES8 length beyond any file', () => made('huge.pkl', Uint8Array.from([0x80, 0x04, 0x8e, ...u64(1n << 62n), 0x2e])), 'corrupt', /beyond any real file/],
  ['safetensors header length larger than the file', () => made('h.safetensors', Uint8Array.from([...u64(5000n), 0x7b, 0x7d])), 'truncated', /header overflows the file: 8 \+ 5,000 > 10/],
  ['safetensors header length of 2 GB', () => made('h2.safetensors', Uint8Array.from([...u64(2n ** 31n), 0x7b, 0x7d])), 'too-large', /header length is 2,147,483,648/],
  ['safetensors offsets that overlap', () => {
    const header = new TextEncoder().encode(JSON.stringify({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, b: { dtype: 'F32', shape: [1], data_offsets: [2, 6] } }))
    return made('overlap.safetensors', Uint8Array.from([...u64(BigInt(header.length)), ...header, 0, 0, 0, 0, 0, 0]))
  }, 'corrupt', /starts at 2 but the previous tensor ends at 4/],
  ['memo slot never set', () => made('memo.pkl', Uint8Array.from([0x80, 0x02, 0x68, 0x07, 0x2e])), 'corrupt', /memo slot 7/],
  ['stack underflow', () => made('under.pkl', Uint8Array.from([0x80, 0x02, 0x2e])), 'corrupt', /stack underflow/],
  ['unknown opcode', () => made('op.pkl', Uint8Array.from([0x80, 0x02, 0xff, 0x2e])), 'corrupt', /unknown opcode 0xff/],
  ['pickle without STOP', () => made('nostop.pkl', Uint8Array.from([0x80, 0x02, 0x7d])), 'truncated', /stream ends/],
]

for (const [what, path, reason, message] of cases) {
  test(`unreadable: ${what} → ${reason}`, async () => {
    const started = Date.now()
    const result = await inspectPath(path())
    assert.ok(Date.now() - started < 5000, 'bounded time')
    assert.equal(result.error?.code, 'unreadable')
    assert.equal(result.error?.reason, reason, result.error?.message)
    assert.match(result.error!.message, message)
  })
}

test('a directory that is not a run directory', async () => {
  const result = await inspectPath(mkdtempSync(join(tmpdir(), 'ckpt-audit-emptydir-')))
  assert.equal(result.error?.reason, 'not-a-checkpoint')
})
