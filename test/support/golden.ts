import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/** Compares with a committed golden file; UPDATE_GOLDEN=1 rewrites it (review the diff). */
export async function assertGolden(actual: string, file: URL): Promise<void> {
  if (process.env.UPDATE_GOLDEN === '1') return writeFile(file, actual)
  const expected = await readFile(file, 'utf8').catch(() => '')
  assert.equal(actual, expected, `${fileURLToPath(file)} differs: rerun with UPDATE_GOLDEN=1 and review the diff`)
}
