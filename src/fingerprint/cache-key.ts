/**
 * The secret that signs fingerprint cache entries (HMAC-SHA-256). It lives outside the workspace,
 * in the user's cache folder ($XDG_CACHE_HOME/ckpt-audit/key, else ~/.cache/ckpt-audit/key), so an
 * entry committed to the repository (a pull request that adds `.ckpt-audit-cache/`) cannot carry
 * a valid signature: only this machine's own runs can write an entry it trusts. The key is 32
 * random bytes, created on first use with mode 0600 (its folder 0700).
 */
import { randomBytes } from 'node:crypto'
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
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
 * The key in `file`, created when missing. It is written whole to a temporary file first and
 * linked into place (link fails when the name exists), so two processes starting together agree
 * on one key (the loser reads the winner's) and a crash never leaves a short key behind. A key file
 * of the wrong length is replaced. Undefined when no key can be had (a read-only home): the cache
 * is then neither read nor written, since nothing in it can be trusted.
 */
export async function loadKey(file: string = defaultKeyFile()): Promise<Buffer | undefined> {
  const existing = await readKey(file)
  if (existing !== undefined) return existing
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 })
    await writeFile(temporary, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 })
    const linked = await link(temporary, file).then(() => true, () => false)
    // not linked: another process made the key meanwhile, or the file there is no key (then ours replaces it)
    if (!linked && await readKey(file) === undefined) await rename(temporary, file)
    return await readKey(file)
  } catch {
    return readKey(file)
  } finally {
    await unlink(temporary).catch(() => {})
  }
}
