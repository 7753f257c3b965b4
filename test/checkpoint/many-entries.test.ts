/**
 * A torch.save of a few thousand tensors has as many zip entries; listing them once overflowed
 * the call stack (yauzl's readEntry answered synchronously from the read window, issue 12 review).
 * The archives are built here with stored entries: a real 5,000-tensor file is over 1 MB.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import JSZip from 'jszip'
import { inspectPath } from '../../src/cli.ts'
import { cli } from '../support/cli.ts'

const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-many-entries-'))
after(() => rmSync(work, { recursive: true, force: true }))

/** `archive/data.pkl` (an empty dict at protocol 2), `archive/version` and `count` more stored members named by `name`. */
async function zipWith(count: number, name: (i: number) => string, file: string): Promise<string> {
  const zip = new JSZip()
  zip.file('archive/data.pkl', Uint8Array.from([0x80, 0x02, 0x7d, 0x2e]))
  zip.file('archive/version', '3\n')
  for (let i = 0; i < count; i++) zip.file(name(i), Uint8Array.of(0, 0, 0, 0))
  const path = join(work, file)
  writeFileSync(path, await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }))
  return path
}

test('a torch zip with 5,000 storage entries is read, not a stack overflow', { timeout: 60_000 }, async () => {
  const path = await zipWith(5_000, i => `archive/data/${i}`, 'storages.pt')
  const result = await inspectPath(path)
  assert.equal(result.error, null, JSON.stringify(result.error))
  assert.equal(result.format, 'torch-zip')
})

test('5,000 other members, each probed for a pickle, are read too', { timeout: 60_000 }, async () => {
  const path = await zipWith(5_000, i => `archive/extra/${i}`, 'members.pt')
  const { code, out } = await cli('inspect', path)
  assert.equal(code, 0, out)
  assert.doesNotMatch(out, /Maximum call stack|too deep/)
})
