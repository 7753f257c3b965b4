import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BlockCache, missingRuns } from '../../src/checkpoint/remote/block-cache.ts'

test('the block cache keeps at most its limit, evicting the least recently used', () => {
  const cache = new BlockCache(4, 2)
  cache.set(0, new Uint8Array([0]))
  cache.set(1, new Uint8Array([1]))
  assert.ok(cache.get(0) !== undefined) // 0 is now the most recent
  cache.set(2, new Uint8Array([2]))
  assert.equal(cache.size, 2)
  assert.equal(cache.get(1), undefined)
  assert.deepEqual([...cache.get(0)!, ...cache.get(2)!], [0, 2])
})

test('missing blocks coalesce into runs of consecutive indexes', () => {
  const have = new Set([2, 3, 7])
  assert.deepEqual(missingRuns(0, 9, i => have.has(i)), [[0, 1], [4, 6], [8, 9]])
  assert.deepEqual(missingRuns(2, 3, i => have.has(i)), [])
})
