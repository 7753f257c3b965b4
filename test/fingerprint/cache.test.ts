import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import type { Checkpoint } from '../../src/checkpoint/checkpoint.ts'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { cachedFingerprinter, entryPath } from '../../src/fingerprint/cache.ts'
import { defaultKeyFile } from '../../src/fingerprint/cache-key.ts'
import { localIdentity } from '../../src/fingerprint/identity.ts'
import type { Fingerprint } from '../../src/fingerprint/types.ts'
import { writeSafetensors } from '../support/safetensors.ts'

const dir = mkdtempSync(join(tmpdir(), 'ckpt-cache-'))
const cacheDir = join(dir, 'cache')
// the signing key lives in the user's cache folder: here, one of this test's own
process.env.XDG_CACHE_HOME = join(dir, 'xdg')
after(() => rmSync(dir, { recursive: true, force: true }))

const values = (seed: number) => Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i + seed))
function write(name: string, seed: number): string {
  const path = join(dir, name)
  writeSafetensors(path, { 'layer.weight': { dtype: 'F32', shape: [100, 100], values: values(seed) } })
  return path
}

/** Fingerprints a file through the cache, closing it after. */
async function through(path: string): Promise<Fingerprint> {
  const checkpoint: Checkpoint = await openCheckpoint(path)
  try { return await cachedFingerprinter(cacheDir)(checkpoint) } finally { await checkpoint.close() }
}
const hashOf = (fp: Fingerprint): string => fp.tensors.get('layer.weight')!.hash
const entryOf = async (path: string): Promise<string> => entryPath(cacheDir, (await localIdentity(path))!)
let clock = 1_700_000_000
const touch = (path: string): void => utimesSync(path, ++clock, ++clock)

test('a second read of an unchanged file is a hit with the same fingerprint; touching it is a miss', async () => {
  const path = write('touch.safetensors', 1)
  touch(path)
  const first = await through(path)
  assert.ok(first.bytesRead > 0)
  const second = await through(path)
  assert.equal(second.bytesRead, 0, 'a hit reads no tensor bytes')
  assert.equal(hashOf(second), hashOf(first))
  assert.deepEqual([...second.tensors.get('layer.weight')!.samples], [...first.tensors.get('layer.weight')!.samples])
  touch(path)
  assert.ok((await through(path)).bytesRead > 0, 'a new mtime is a new identity')
})

test('a file replaced by another of the same size is read again', async () => {
  const path = write('replace.safetensors', 2)
  touch(path)
  const before = await through(path)
  write('replace.safetensors', 3)
  touch(path)
  const after = await through(path)
  assert.ok(after.bytesRead > 0)
  assert.notEqual(hashOf(after), hashOf(before))
})

test('a corrupt entry is ignored, never trusted, and rewritten', async () => {
  const path = write('corrupt.safetensors', 4)
  touch(path)
  const truth = await through(path)
  const entry = await entryOf(path)
  const text = readFileSync(entry, 'utf8')
  // one changed sample byte (valid base64 still): the checksum no longer matches
  const at = text.indexOf('"samples\\":\\"') + 16
  assert.ok(at > 16)
  writeFileSync(entry, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1))
  const again = await through(path)
  assert.ok(again.bytesRead > 0, 'the corrupt entry was not used')
  assert.deepEqual([...again.tensors.get('layer.weight')!.samples], [...truth.tensors.get('layer.weight')!.samples])
  for (const junk of ['', 'null', '{"body":"{}","checksum":"0"}', '[]', '{"body":1}']) {
    writeFileSync(entry, junk)
    assert.ok((await through(path)).bytesRead > 0, `entry ${JSON.stringify(junk)}`)
  }
  assert.equal((await through(path)).bytesRead, 0, 'the entry was rewritten')
})

test('a foreign entry (another file\'s, or a forged one with a valid checksum) is ignored', async () => {
  const [a, b] = [write('foreign-a.safetensors', 5), write('foreign-b.safetensors', 6)]
  touch(a)
  touch(b)
  const truthB = await through(b)
  await through(a)
  copyFileSync(await entryOf(a), await entryOf(b))
  const readB = await through(b)
  assert.ok(readB.bytesRead > 0)
  assert.equal(hashOf(readB), hashOf(truthB))
  // forged: the right identity and a valid checksum, but a shape the file does not have
  const outer = JSON.parse(readFileSync(await entryOf(b), 'utf8')) as { body: string }
  const body = outer.body.replace('"shape":[100,100]', '"shape":[10000]')
  writeFileSync(await entryOf(b), JSON.stringify({ body, checksum: createHash('sha256').update(body).digest('hex') }))
  assert.ok((await through(b)).bytesRead > 0)
})

test('an entry with a valid SHA-256 but not this machine\'s key (committed in a PR) is never trusted', async () => {
  const [a, b] = [write('forge-a.safetensors', 7), write('forge-b.safetensors', 8)]
  touch(a)
  touch(b)
  const truthA = await through(a)
  const truthB = await through(b)
  // forge.py: b's entry takes a's hashes and samples, re-checksummed with an unkeyed SHA-256
  const outerA = JSON.parse(readFileSync(await entryOf(a), 'utf8')) as { body: string }
  const outerB = JSON.parse(readFileSync(await entryOf(b), 'utf8')) as { body: string }
  const tensorsA = (JSON.parse(outerA.body) as { tensors: unknown[] }).tensors
  const body = JSON.stringify({ ...(JSON.parse(outerB.body) as object), tensors: tensorsA })
  writeFileSync(await entryOf(b), JSON.stringify({ body, checksum: createHash('sha256').update(body).digest('hex') }))
  const readB = await through(b)
  assert.ok(readB.bytesRead > 0, 'the forged entry was not used')
  assert.equal(hashOf(readB), hashOf(truthB))
  assert.notEqual(hashOf(readB), hashOf(truthA))
})

test('the key is 32 random bytes of mode 0600 outside the workspace; another key\'s entries do not verify', async () => {
  const path = write('key.safetensors', 9)
  touch(path)
  await through(path)
  const keyFile = defaultKeyFile()
  assert.equal(keyFile, join(dir, 'xdg', 'ckpt-audit', 'key'))
  assert.equal(readFileSync(keyFile).length, 32)
  assert.equal(statSync(keyFile).mode & 0o777, 0o600)
  assert.equal((await through(path)).bytesRead, 0, 'an entry of this key is a hit')
  const checkpoint = await openCheckpoint(path)
  try {
    const other = await cachedFingerprinter(cacheDir, undefined, undefined, join(dir, 'other-key'))(checkpoint)
    assert.ok(other.bytesRead > 0, 'an entry signed by another machine\'s key is read again')
  } finally { await checkpoint.close() }
})

test('a file rewritten in place with its old mtime set back (touch -d) is read again: the ctime moved', async () => {
  const path = write('touchd.safetensors', 10)
  touch(path)
  const before = await through(path)
  const { atime, mtime, ino } = statSync(path)
  const other = join(dir, 'touchd-other.safetensors')
  writeSafetensors(other, { 'layer.weight': { dtype: 'F32', shape: [100, 100], values: values(11) } })
  writeFileSync(path, readFileSync(other))
  utimesSync(path, atime, mtime)
  assert.equal(statSync(path).ino, ino, 'rewritten in place')
  assert.equal(statSync(path).mtimeMs, mtime.getTime())
  const after = await through(path)
  assert.ok(after.bytesRead > 0, 'the stale entry was not used')
  assert.notEqual(hashOf(after), hashOf(before))
})

test('a short key file (a crash mid-write) is replaced; concurrent first uses agree on one key; no key: the cache is bypassed', async () => {
  const { loadKey } = await import('../../src/fingerprint/cache-key.ts')
  const file = join(dir, 'keys', 'short')
  const { mkdirSync } = await import('node:fs')
  mkdirSync(join(dir, 'keys'), { recursive: true })
  writeFileSync(file, 'abc')
  const key = await loadKey(file)
  assert.equal(key?.length, 32)
  assert.deepEqual(readFileSync(file), key)
  const together = await Promise.all(Array.from({ length: 8 }, () => loadKey(join(dir, 'keys', 'race'))))
  assert.ok(together.every(k => k !== undefined && k.equals(together[0]!)))
  writeFileSync(join(dir, 'not-a-folder'), '')
  assert.equal(await loadKey(join(dir, 'not-a-folder', 'key')), undefined)
  const path = write('nokey.safetensors', 12)
  touch(path)
  const checkpoint = await openCheckpoint(path)
  try {
    const noKey = cachedFingerprinter(join(dir, 'nokey-cache'), undefined, undefined, join(dir, 'not-a-folder', 'key'))
    assert.ok((await noKey(checkpoint)).bytesRead > 0)
    assert.ok((await noKey(checkpoint)).bytesRead > 0, 'nothing was cached without a key')
  } finally { await checkpoint.close() }
})
