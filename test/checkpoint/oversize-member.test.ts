import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import JSZip from 'jszip'
import { inspectPath } from '../../src/cli.ts'

const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-oversize-'))
after(() => rmSync(work, { recursive: true, force: true }))

const MiB = 1024 * 1024
const ascii = (text: string) => [...new TextEncoder().encode(text)]
const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]

/** `posix.system('touch …')` (GLOBAL, MARK, BINUNICODE, TUPLE, REDUCE), POP, then a `length`-byte string and STOP. */
function payloadThenString(length: number): Uint8Array {
  const shell = ascii('touch /tmp/ckpt-audit-canary')
  const head = [0x80, 0x02, ...ascii('cposix\nsystem\n'), 0x28, 0x58, ...u32(shell.length), ...shell, 0x74, 0x52, 0x30, 0x58, ...u32(length)]
  const out = new Uint8Array(head.length + length + 1)
  out.set(head)
  out.fill(0x61, head.length, head.length + length)
  out[out.length - 1] = 0x2e
  return out
}

async function torchZip(members: Record<string, Uint8Array>, compression: 'STORE' | 'DEFLATE'): Promise<string> {
  const zip = new JSZip()
  zip.file('archive/data.pkl', Uint8Array.from([0x80, 0x02, 0x7d, 0x2e]))
  for (const [name, bytes] of Object.entries(members)) zip.file(name, bytes)
  const path = join(work, `${compression}-${Object.keys(members).length}.pt`)
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression }))
  return path
}

for (const compression of ['STORE', 'DEFLATE'] as const) {
  test(`a 17 MiB zip member (${compression}) whose payload is followed by a large string is scanned`, async () => {
    const member = payloadThenString(17 * MiB)
    const path = await torchZip({ 'archive/extra/blob': member }, compression)
    const result = await inspectPath(path)
    assert.ok(result.unsafe_globals.includes('posix.system'), JSON.stringify(result))
  })
}
