/** Which manifest `check` audits, or a plain-worded UsageError saying why there is none. */
import { open, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { sniff } from './checkpoint/detect.ts'
import { PROBE_BYTES } from './checkpoint/pickle/probe.ts'
import { UsageError } from './cli-options.ts'
import { DEFAULT_MANIFESTS, findManifest } from './manifest/paths.ts'

/**
 * The manifest to audit, in plain words when there is none: a missing file or folder, a folder
 * without a manifest (searched like the current one), or a checkpoint given by mistake.
 */
export async function resolveManifest(given: string | undefined): Promise<string> {
  if (given === undefined) {
    const found = findManifest(process.cwd())
    if (found === undefined) throw new UsageError(`no manifest given, and none found here (${DEFAULT_MANIFESTS.join(', ')})`, 'check')
    return found
  }
  const info = await stat(given).catch((error: NodeJS.ErrnoException) => error)
  if (info instanceof Error) {
    const parent = dirname(given)
    const reason = info.code === 'ENOENT' && !(await exists(parent)) ? `the folder ${parent} does not exist` : info.code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${info.code ?? info.message})`
    throw new UsageError(`no manifest at ${given}: ${reason}`, 'check')
  }
  if (info.isDirectory()) {
    const found = findManifest(given)
    if (found === undefined) throw new UsageError(`${given} is a folder without ${DEFAULT_MANIFESTS.join(' or ')}`, 'check')
    return found
  }
  const kind = await checkpointKind(given, info.size)
  if (kind !== undefined) throw new UsageError(`${given} is a checkpoint (${kind}), not a manifest: to see what it holds, run \`ckpt-audit inspect ${given}\``, 'check')
  return given
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}

/** The checkpoint format a file sniffs as, if any: its first bytes, never its name. */
async function checkpointKind(path: string, size: number): Promise<string | undefined> {
  let head: Uint8Array
  try {
    const handle = await open(path)
    try {
      const buffer = new Uint8Array(Math.min(size, PROBE_BYTES))
      await handle.read(buffer, 0, buffer.length, 0)
      head = buffer
    } finally {
      await handle.close()
    }
  } catch {
    return undefined // unreadable: loadManifest says so, at line 1
  }
  const kind = sniff(head, size)
  return kind === 'unknown' || kind === 'lfs-pointer' ? undefined : kind
}
