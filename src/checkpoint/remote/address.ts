/**
 * Remote checkpoint addresses: `https://…` (`http://` on loopback only), `hf://…` and `s3://…`.
 * Pure parsing: nothing here touches the network.
 */

export type RemoteAddress =
  | { readonly kind: 'https', readonly written: string, readonly url: URL }
  | { readonly kind: 'hf', readonly written: string, readonly dataset: boolean, readonly repo: string, readonly revision: string, readonly path: string }
  | { readonly kind: 's3', readonly written: string, readonly bucket: string, readonly key: string }

const SCHEMES = ['https://', 'http://', 'hf://', 's3://'] as const

/** True when `written` is meant as a remote address (so it is not a path under the workspace). */
export function isRemoteAddress(written: string): boolean {
  const lower = written.toLowerCase()
  return SCHEMES.some(scheme => lower.startsWith(scheme))
}

/** Loopback hosts: the only ones plain http may reach (a test server, a local proxy). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

export function parseAddress(written: string): RemoteAddress | { readonly problem: string } {
  const parsed = parseAny(written)
  // problems quote the address: shown redacted, like everywhere else
  return 'problem' in parsed ? { problem: parsed.problem.replaceAll(written, displayAddress(written)) } : parsed
}

function parseAny(written: string): RemoteAddress | { readonly problem: string } {
  const lower = written.toLowerCase()
  if (lower.startsWith('hf://')) return parseHf(written)
  if (lower.startsWith('s3://')) return parseS3(written)
  return parseHttp(written)
}

/**
 * The first path segment that names `.` or `..` once percent-decoded, or that holds a backslash
 * (raw or `%5c`): URL normalisation, or the server, would climb with it. Checked on the address
 * as written, before `new URL` resolves (and so hides) any of them.
 */
export function climbingSegment(path: string): string | undefined {
  return path.split('/').find(segment => {
    const decoded = safeDecode(segment) ?? segment
    return segment.includes('\\') || decoded.includes('\\') || decoded === '.' || decoded === '..'
  })
}

function climbs(written: string, path: string): { problem: string } | undefined {
  const segment = climbingSegment(path)
  return segment === undefined ? undefined : { problem: `'${written}': the path segment '${segment}' is '.' or '..' once decoded, or holds a backslash; not allowed in a remote address` }
}

function parseHttp(written: string): RemoteAddress | { problem: string } {
  // the path as written: after scheme://authority, before any query or fragment
  const climbing = climbs(written, written.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/i, '').split(/[?#]/)[0]!)
  if (climbing !== undefined) return climbing
  let url: URL
  try {
    url = new URL(written)
  } catch {
    return { problem: `'${written}' is not a valid URL` }
  }
  if (url.username !== '' || url.password !== '')
    return { problem: `'${redact(url)}' carries credentials in the URL; use a token variable instead` }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return { problem: `'${written}' uses plain http; only https is allowed (http only for loopback hosts)` }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `'${written}': unsupported scheme ${url.protocol}` }
  if (url.pathname === '/' || url.pathname === '') return { problem: `'${written}' names no file` }
  return { kind: 'https', written, url }
}

/** `hf://[datasets/]OWNER/REPO[@REV]/PATH`: the revision is one segment (URL-encode a `/` in it). */
function parseHf(written: string): RemoteAddress | { problem: string } {
  const expected = `expected hf://[datasets/]OWNER/REPO[@REVISION]/PATH`
  let rest = written.slice('hf://'.length)
  const dataset = rest.startsWith('datasets/')
  if (dataset) rest = rest.slice('datasets/'.length)
  const parts = rest.split('/')
  if (parts.length < 3 || parts.some(part => part === '')) return { problem: `'${written}': ${expected}` }
  const [owner, repoAndRev, ...path] = parts as [string, string, ...string[]]
  const at = repoAndRev.indexOf('@')
  const repo = at < 0 ? repoAndRev : repoAndRev.slice(0, at)
  const revision = at < 0 ? 'main' : safeDecode(repoAndRev.slice(at + 1))
  if (!NAME.test(owner) || !NAME.test(repo) || revision === undefined || revision === '')
    return { problem: `'${written}': ${expected}` }
  const climbing = climbs(written, path.join('/')) ?? climbs(written, revision)
  if (climbing !== undefined) return climbing
  return { kind: 'hf', written, dataset, repo: `${owner}/${repo}`, revision, path: path.join('/') }
}

/** Hub owner and repository names: letters, digits, `-`, `_`, `.`. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

function parseS3(written: string): RemoteAddress | { problem: string } {
  const rest = written.slice('s3://'.length)
  const slash = rest.indexOf('/')
  const bucket = slash < 0 ? rest : rest.slice(0, slash)
  const key = slash < 0 ? '' : rest.slice(slash + 1)
  // S3 bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) return { problem: `'${written}': '${bucket}' is not a valid S3 bucket name` }
  if (key === '' || key.endsWith('/')) return { problem: `'${written}' names no object (expected s3://BUCKET/KEY)` }
  // each key segment is sent percent-encoded (s3.ts), so the key is taken literally; a dot segment would still be resolved
  const climbing = climbs(written, key)
  if (climbing !== undefined) return climbing
  return { kind: 's3', written, bucket, key }
}

/** Joins a remote root and a relative path the manifest wrote; `..` may not climb out of the root. */
export function joinAddress(root: string, written: string): string | { problem: string } {
  const parts = written.split('/')
  if (parts.some(part => part === '..')) return { problem: `'${written}': '..' is not allowed under a remote root` }
  const segment = climbingSegment(parts.filter(part => part !== '.').join('/'))
  if (segment !== undefined) return { problem: `'${written}': the path segment '${segment}' is '.' or '..' once decoded, or holds a backslash; not allowed under a remote root` }
  return `${root.replace(/\/+$/, '')}/${parts.filter(part => part !== '' && part !== '.').join('/')}`
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/**
 * An address as the report shows it: userinfo and query values replaced by `***` (a pre-signed
 * URL carries its signature in the query). The key names stay, so the reader sees what was there.
 */
export function displayAddress(written: string): string {
  const withoutUser = written.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@')
  const query = withoutUser.indexOf('?')
  if (query < 0) return withoutUser
  const hash = withoutUser.indexOf('#', query)
  const end = hash < 0 ? withoutUser.length : hash
  const params = withoutUser.slice(query + 1, end).replace(/(^|&)([^=&]*)=[^&]*/g, '$1$2=***')
  return `${withoutUser.slice(0, query + 1)}${params}${withoutUser.slice(end)}`
}

/** A URL for messages: never with its user, password or query (signed URLs carry secrets there). */
export function redact(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`
}
