/**
 * The secret that signs fingerprint cache entries (HMAC-SHA-256). It lives outside the workspace,
 * in the user's cache folder ($XDG_CACHE_HOME/ckpt-audit/key, else ~/.cache/ckpt-audit/key), so an
 * entry committed to the repository (a pull request that adds `.ckpt-audit-cache/`) cannot carry
 * a valid signature: only this machine's own runs can write an entry it trusts. The key is 32
 * random bytes, created on first use with mode 0600.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

export const KEY_BYTES = 32

/** Where the key is kept, from the environment (XDG first, as other tools' caches). */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache')
  return join(base, 'ckpt-audit', 'key')
}

async function readKey(file: string): Promise<Buffer | undefined> {
  const bytes = await readFile(file).catch(() => undefined)
  return bytes !== undefined && bytes.length === KEY_BYTES ? bytes : undefined
}

/**
 * The key in `file`, created when missing. Creation is exclusive ('wx'), so two processes starting
 * together agree on one key: the loser reads the winner's. Undefined when no key can be had (a
 * read-only home): the cache is then neither read nor written, since nothing in it can be trusted.
 */
export async function loadKey(file: string = defaultKeyFile()): Promise<Buffer | undefined> {
  const existing = await readKey(file)
  if (existing !== undefined) return existing
  const fresh = randomBytes(KEY_BYTES)
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 })
    await writeFile(file, fresh, { flag: 'wx', mode: 0o600 })
    return fresh
  } catch {
    return readKey(file)
  }
}
