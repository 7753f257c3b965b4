import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { cacheKey, cachePrefix, restoreFingerprints, saveFingerprints, type CacheService } from '../../src/github/fingerprint-cache.ts'

function recording(restoredKey?: string, fail = false) {
  const calls: string[] = []
  const service: CacheService = {
    async restore(_dir, key, keys) { calls.push(`restore ${key} ${keys.join(',')}`); if (fail) throw new Error('down'); return restoredKey },
    async save(dir, key) { calls.push(`save ${key} ${readdirSync(dir).sort().join(',')}`); if (fail) throw new Error('down') },
  }
  return { service, calls }
}

test('Action cache: restore by manifest prefix; save under a key of the entries used, leaving the others out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-action-cache-'))
  try {
    for (const name of ['a.json', 'b.json', 'stale.json']) writeFileSync(join(dir, name), '{}')
    const { service, calls } = recording()
    const warnings: string[] = []
    assert.equal(await restoreFingerprints(service, dir, 'ckpt-audit.yml', w => warnings.push(w)), undefined)
    const used = new Set(['b.json', 'a.json'])
    await saveFingerprints(service, dir, 'ckpt-audit.yml', used, undefined, w => warnings.push(w))
    const key = cacheKey('ckpt-audit.yml', used)
    assert.ok(key.startsWith(cachePrefix('ckpt-audit.yml')))
    assert.notEqual(cachePrefix('ckpt-audit.yml'), cachePrefix('other.yml'))
    assert.deepEqual(calls, [`restore ${cachePrefix('ckpt-audit.yml')} ${cachePrefix('ckpt-audit.yml')}`, `save ${key} a.json,b.json`])
    // the same entries again: the restored key is the key, nothing to save (caches are immutable)
    const again = recording(key)
    await saveFingerprints(again.service, dir, 'ckpt-audit.yml', used, key, w => warnings.push(w))
    assert.deepEqual(again.calls, [])
    assert.deepEqual(warnings, [])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('Action cache: a failing service is a warning, never a failed run', async () => {
  const { service } = recording(undefined, true)
  const warnings: string[] = []
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-action-cache-'))
  assert.equal(await restoreFingerprints(service, dir, 'm.yml', w => warnings.push(w)), undefined)
  await saveFingerprints(service, dir, 'm.yml', new Set(['x.json']), undefined, w => warnings.push(w))
  rmSync(dir, { recursive: true, force: true })
  assert.deepEqual(warnings, ['Fingerprint cache not restored: down', 'Fingerprint cache not saved: down'])
})
