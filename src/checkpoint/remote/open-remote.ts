/** Opens a remote address or a Git LFS pointer file as a RemoteSource, under the remote policy. */
import { CheckpointError } from '../errors.ts'
import { isLoopbackHost, parseAddress } from './address.ts'
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
    onBytes: bytes => { remoteTotals.bytes += bytes },
    ...overrides,
  }
}

function checkAllowed(display: string, env: NodeJS.ProcessEnv): void {
  if (!remotePolicy(env).allow) throw new CheckpointError('refused', `${display}: remote checkpoints are disabled (remote: deny)`)
}

export async function openRemote(written: string, env: NodeJS.ProcessEnv = process.env,
                                 overrides: Partial<HttpSourceOptions> = {}): Promise<RemoteSource> {
  checkAllowed(written, env)
  const address = parseAddress(written)
  if ('problem' in address) throw new CheckpointError('not-found', address.problem)
  let target: Target
  if (address.kind === 'https') target = { display: written, url: address.url.href }
  else if (address.kind === 'hf') target = hfTarget(address, env)
  else target = s3Target(address, env)
  checkEndpoint(written, target.url)
  return counted(await openHttpSource(target, options(env, overrides)))
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
  source.digest = { sha256: pointer.oid, from: 'the Git LFS oid' }
  return counted(source)
}

/** HF_ENDPOINT and AWS_ENDPOINT_URL come from the environment: the same https rule holds. */
function checkEndpoint(display: string, url: string): void {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)))
    throw new CheckpointError('refused', `${display}: ${parsed.protocol}//${parsed.host} is not https (plain http only on loopback)`)
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
