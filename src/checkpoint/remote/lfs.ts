/**
 * Git LFS pointer files in a checkout → the object through the LFS batch API
 * (https://github.com/git-lfs/git-lfs/blob/main/docs/api/batch.md): one POST to
 * `{endpoint}/objects/batch` asking to download the oid, then ranged GETs on the returned href
 * with exactly the headers the response lists.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { CheckpointError } from '../errors.ts'
import { isLoopbackHost } from './address.ts'
import { checkHeaderValue } from './credentials.ts'
import type { Target, Transport } from './http-request.ts'
import { readBody, request } from './http-request.ts'

export interface LfsPointer {
  readonly oid: string
  readonly size: number
}

/** Reads `oid sha256:…` and `size N` of a pointer file; undefined when it is not one. */
export function parseLfsPointer(text: string): LfsPointer | undefined {
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text)
  const size = /^size (\d+)$/m.exec(text)
  if (oid === null || size === null || !Number.isSafeInteger(Number(size[1]))) return undefined
  return { oid: oid[1]!, size: Number(size[1]) }
}

/** The folder holding `.git` (or `.lfsconfig`) above `file`, if any. */
export function findCheckout(file: string): string | undefined {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.lfsconfig')) || existsSync(join(folder, '.git'))) return folder
    if (dirname(folder) === folder) return undefined
  }
}

/** `lfs.url` of `.lfsconfig`, else `remote.origin.url` + `/info/lfs` (git-lfs's own order). */
export function lfsEndpoint(checkout: string): string | undefined {
  const configured = gitConfigValue(join(checkout, '.lfsconfig'), 'lfs', 'url')
  if (configured !== undefined) return configured.replace(/\/+$/, '')
  const remote = gitConfigValue(join(checkout, '.git', 'config'), 'remote "origin"', 'url')
  return remote === undefined ? undefined : remoteToLfs(remote)
}

/** `git@host:owner/repo(.git)` and `https://host/owner/repo(.git)` → `https://host/owner/repo.git/info/lfs`. */
export function remoteToLfs(remote: string): string | undefined {
  const scp = /^(?:ssh:\/\/)?[^@/]+@([^:/]+)[:/](.+?)$/.exec(remote)
  const base = scp !== null ? `https://${scp[1]}/${scp[2]}` : /^https?:\/\//.test(remote) ? remote : undefined
  if (base === undefined) return undefined
  const url = new URL(base)
  url.username = ''
  url.password = ''
  const path = url.pathname.replace(/\/+$/, '')
  url.pathname = path.endsWith('.git') ? path : `${path}.git`
  return `${url.href}/info/lfs`
}

/** The value of `key` in `[section]` of a git-config file (enough of the format for these two keys). */
function gitConfigValue(file: string, section: string, key: string): string | undefined {
  if (!existsSync(file)) return undefined
  let inside = false
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim()
    const header = /^\[(.+)\]$/.exec(line)
    if (header !== null) inside = header[1]!.trim() === section
    else if (inside) {
      const match = /^([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(line)
      if (match !== null && match[1]!.toLowerCase() === key) return match[2]!.trim().replace(/^"(.*)"$/, '$1')
    }
  }
  return undefined
}

/**
 * Hosts an LFS credential may go to: the GitHub server's (GITHUB_SERVER_URL) and those named in
 * CKPT_AUDIT_LFS_HOST. Never one taken only from `.lfsconfig` or the origin remote: both come
 * with the pull request, which could otherwise send the credential to a host of its choosing.
 */
export function trustedLfsHosts(env: NodeJS.ProcessEnv): Set<string> {
  const hosts = new Set([new URL(env.GITHUB_SERVER_URL || 'https://github.com').host.toLowerCase()])
  for (const host of (env.CKPT_AUDIT_LFS_HOST ?? '').split(/[\s,]+/)) if (host !== '') hosts.add(host.toLowerCase())
  return hosts
}

export interface LfsAuthorization {
  readonly authorization?: string
  /** Why a configured credential was not sent (for a notice). */
  readonly withheld?: string
}

/**
 * The Authorization for the batch endpoint: a whole header value (CKPT_AUDIT_LFS_AUTHORIZATION),
 * else the Action's token as GitHub's basic auth; either only for a trusted host.
 */
export function lfsAuthorization(env: NodeJS.ProcessEnv, endpoint: string): LfsAuthorization {
  const explicit = env.CKPT_AUDIT_LFS_AUTHORIZATION || undefined
  const token = env.GITHUB_TOKEN || undefined
  if (explicit === undefined && token === undefined) return {}
  const host = new URL(endpoint).host.toLowerCase()
  if (!trustedLfsHosts(env).has(host)) {
    const name = explicit !== undefined ? 'CKPT_AUDIT_LFS_AUTHORIZATION' : 'GITHUB_TOKEN'
    return { withheld: `${name} was not sent to the LFS endpoint ${host}: only the GitHub server's host or one named in CKPT_AUDIT_LFS_HOST gets LFS credentials` }
  }
  if (explicit !== undefined) return { authorization: checkHeaderValue('CKPT_AUDIT_LFS_AUTHORIZATION', explicit) }
  // GitHub's LFS server takes the workflow token as basic auth with the x-access-token user
  return { authorization: `Basic ${Buffer.from(`x-access-token:${checkHeaderValue('GITHUB_TOKEN', token!)}`).toString('base64')}` }
}

const LFS_JSON = 'application/vnd.git-lfs+json'

/** Asks the batch API where the object is; returns the download target (href + its listed headers). */
export async function resolveLfs(display: string, pointer: LfsPointer, endpoint: string, authorization: string | undefined,
                                 transport: Transport): Promise<Target> {
  const url = new URL(`${endpoint}/objects/batch`)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    throw new CheckpointError('refused', `${display}: the LFS endpoint ${url.protocol}//${url.host} is not https`)
  const body = JSON.stringify({ operation: 'download', transfers: ['basic'], objects: [{ oid: pointer.oid, size: pointer.size }], hash_algo: 'sha256' })
  const post = async (target: string, headers: Record<string, string>) => transport.fetch(target, { method: 'POST', headers: { ...headers, 'content-type': LFS_JSON }, body, redirect: 'error', signal: AbortSignal.timeout(transport.timeoutMs) })
  const batch: Target = {
    display,
    url: url.href,
    headers: { accept: LFS_JSON },
    ...(authorization !== undefined ? { credential: { host: url.host, headers: { authorization } } } : {}),
  }
  let json: unknown
  await request(batch, url.href, {}, { ...transport, fetch: (target, init) => post(String(target), init?.headers as Record<string, string>) }, async ({ response }) => {
    if (response.status !== 200) {
      await response.body?.cancel()
      throw new CheckpointError(response.status === 404 ? 'not-found' : 'network', `${display}: the LFS batch API answered HTTP ${response.status}`)
    }
    const text = new TextDecoder().decode(await readBody(response, 1 << 20))
    try {
      json = JSON.parse(text)
    } catch {
      // not the parser's text: it quotes the body
      throw new CheckpointError('network', `${display}: the LFS batch API answered with something other than JSON`)
    }
  })
  return downloadTarget(display, json, pointer)
}

/** Picks this object's download action out of a batch response, checking its shape. */
export function downloadTarget(display: string, json: unknown, pointer: LfsPointer): Target {
  const objects = (json as { objects?: unknown })?.objects
  const object = Array.isArray(objects) ? objects.find(o => (o as { oid?: unknown })?.oid === pointer.oid) as Record<string, unknown> | undefined : undefined
  if (object === undefined) throw new CheckpointError('not-found', `${display}: the LFS batch response does not list object ${pointer.oid}`)
  const error = object.error as { code?: number, message?: string } | undefined
  if (error !== undefined) throw new CheckpointError('not-found', `${display}: LFS object ${pointer.oid}: ${error.message ?? 'error'} (${error.code ?? '?'})`)
  const download = (object.actions as { download?: { href?: unknown, header?: unknown } } | undefined)?.download
  if (typeof download?.href !== 'string') throw new CheckpointError('not-found', `${display}: the LFS server gave no download action for ${pointer.oid}`)
  const header = download.header !== null && typeof download.header === 'object' ? download.header as Record<string, unknown> : {}
  const headers = Object.fromEntries(Object.entries(header).filter(([, v]) => typeof v === 'string')) as Record<string, string>
  const href = new URL(download.href)
  if (href.protocol !== 'https:' && !(href.protocol === 'http:' && isLoopbackHost(href.hostname)))
    throw new CheckpointError('refused', `${display}: the LFS download href is not https`)
  // the listed headers are meant for the href's host alone: a redirect elsewhere loses them
  return { display, url: href.href, credential: { host: href.host, headers } }
}
