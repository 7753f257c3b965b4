/** Opens a remote address or a Git LFS pointer file as a RemoteSource, under the remote policy. */
import { CheckpointError } from '../errors.ts'
import { displayAddress, isLoopbackHost, parseAddress } from './address.ts'
import { hfTarget } from './hf.ts'
import { DEFAULT_HTTP_OPTIONS, openHttpSource, type HttpSourceOptions, type RemoteSource } from './http-source.ts'
import { findCheckout, lfsAuthorization, lfsEndpoint, resolveLfs, type LfsPointer } from './lfs.ts'
import { remotePolicy } from './policy.ts'
import { s3Target } from './s3.ts'
import type { Target } from './http-request.ts'

/** Totals over every remote source opened in this process, for progress lines. */
export const remoteTotals = { requests: 0, bytes: 0 }

function options(env: NodeJS.ProcessEnv, overrides: Partial<HttpSourceOptions>): HttpSourceOptions {
  const policy = remotePolicy(env)
  return {
    ...DEFAULT_HTTP_OPTIONS,
    allowHosts: policy.hosts,
    ...deadlineOf(env),
    allowUnpinned: (env.CKPT_AUDIT_REMOTE_UNPINNED ?? '').trim().toLowerCase() === 'allow',
    onBytes: bytes => { remoteTotals.bytes += bytes },
    ...overrides,
  }
}

/** CKPT_AUDIT_REMOTE_DEADLINE_S: seconds an address may take in all (default 120). */
function deadlineOf(env: NodeJS.ProcessEnv): { deadlineMs?: number } {
  const seconds = Number(env.CKPT_AUDIT_REMOTE_DEADLINE_S)
  return env.CKPT_AUDIT_REMOTE_DEADLINE_S !== undefined && Number.isFinite(seconds) && seconds > 0 ? { deadlineMs: seconds * 1000 } : {}
}

function checkAllowed(display: string, env: NodeJS.ProcessEnv): void {
  if (!remotePolicy(env).allow) throw new CheckpointError('refused', `${display}: remote checkpoints are disabled (remote: deny)`)
}

export async function openRemote(written: string, env: NodeJS.ProcessEnv = process.env,
                                 overrides: Partial<HttpSourceOptions> = {}): Promise<RemoteSource> {
  const display = displayAddress(written)
  checkAllowed(display, env)
  const address = parseAddress(written)
  if ('problem' in address) throw new CheckpointError('not-found', address.problem)
  let target: Target
  if (address.kind === 'https') target = { display, url: address.url.href }
  else if (address.kind === 'hf') target = { ...hfTarget(address, env), display }
  else target = { ...s3Target(address, env), display }
  checkEndpoint(display, target.url)
  return track(written, counted(await openHttpSource(target, options(env, overrides))))
}

/** Reads the object a Git LFS pointer file stands for, through its repository's batch API. */
export async function openLfs(file: string, pointer: LfsPointer, env: NodeJS.ProcessEnv = process.env,
                              overrides: Partial<HttpSourceOptions> = {}): Promise<RemoteSource> {
  checkAllowed(file, env)
  const checkout = findCheckout(file)
  const endpoint = checkout === undefined ? undefined : lfsEndpoint(checkout)
  if (endpoint === undefined)
    throw new CheckpointError('lfs-pointer', `${file}: a Git LFS pointer, and no LFS endpoint was found (.lfsconfig lfs.url or the origin remote). Run \`git lfs pull\`, or set \`lfs: true\` on actions/checkout`)
  const opts = options(env, overrides)
  const auth = lfsAuthorization(env, endpoint)
  if (auth.withheld !== undefined) notice(`${file}: ${auth.withheld}`)
  const target = await resolveLfs(file, pointer, endpoint, auth.authorization, opts)
  const source = await openHttpSource(target, opts)
  if (source.size !== pointer.size) throw new CheckpointError('changed', `${file}: the LFS object has ${source.size} bytes, the pointer says ${pointer.size}`)
  // no digest from the pointer: its oid, the .lfsconfig and a pin all come from the pull request,
  // and the server may serve other bytes; a pin is checked by hashing what is served
  return track(`lfs:${file}`, counted(source))
}

/** HF_ENDPOINT and AWS_ENDPOINT_URL come from the environment: the same https rule holds. */
function checkEndpoint(display: string, url: string): void {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)))
    throw new CheckpointError('refused', `${display}: ${parsed.protocol}//${parsed.host} is not https (plain http only on loopback)`)
}

/** The sources open now, by address (`lfs:FILE` for a pointer): a digest reads the same pinned version. */
const live = new Map<string, RemoteSource>()
/** What identified each address's version when it was first opened in this process. */
const versions = new Map<string, string>()

/** The open source of `key` (an address, or `lfs:` + a pointer file), if the audit holds one. */
export function liveSource(key: string): RemoteSource | undefined {
  return live.get(key)
}

/**
 * Records the version an address was opened at; a second open of another version fails as
 * `changed` (a replacement between the audit's read and the pin's digest would otherwise pass).
 */
function track(key: string, source: RemoteSource): RemoteSource {
  const version = versionOf(source)
  const before = versions.get(key)
  if (before !== undefined && before !== version)
    throw new CheckpointError('changed', `${source.path}: the file changed during the audit (a second request found another version)`)
  versions.set(key, version)
  const tracked: RemoteSource = {
    ...source,
    close: async () => {
      if (live.get(key) === tracked) live.delete(key)
      await source.close()
    },
  }
  live.set(key, tracked)
  return tracked
}

/** Size and validators; for an object read whole in one answer, its bytes' hash. */
function versionOf(source: RemoteSource): string {
  return JSON.stringify([source.size, source.pin.etag ?? null, source.pin.lastModified ?? null, source.wholeSha256 ?? null])
}

const noticed = new Set<string>()

/** A notice on stderr, once per text: it never changes a verdict, but a user must learn of it. */
function notice(text: string): void {
  if (noticed.has(text)) return
  noticed.add(text)
  process.stderr.write(`ckpt-audit: notice: ${text}\n`)
}

function counted(source: RemoteSource): RemoteSource {
  remoteTotals.requests += source.stats.requests
  return source
}
