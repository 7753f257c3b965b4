/**
 * A ByteSource over HTTP Range requests: one range per request (CDNs answer multi-range requests
 * with the whole file), aligned blocks in a bounded LRU, adjacent missing blocks coalesced into
 * one request, bounded concurrency. The object is pinned by the first response's ETag (or
 * Last-Modified): every later request is conditional on it, so a change mid-audit is an error,
 * never a mix of two versions.
 */
import { createHash } from 'node:crypto'
import type { ByteSource } from '../byte-source.ts'
import { CheckpointError, n } from '../errors.ts'
import { BlockCache, missingRuns } from './block-cache.ts'
import { Budget, readBody, request, Transient, type Answer, type Target, type Transport } from './http-request.ts'
import { limiter } from './limiter.ts'
import { parseContentRange, pinOf, sha256Of, type Pin } from './http-headers.ts'

export interface HttpSourceOptions extends Transport {
  /** Bytes of one aligned cache block (and of the first request). */
  readonly blockSize: number
  /** Bytes of blocks kept: bounds memory whatever the file size. */
  readonly cacheBytes: number
  /** Requests in flight at once, per source. */
  readonly concurrency: number
  /** Reads at least this large (streamed weights) bypass the cache, split into requests of this size. */
  readonly directBytes: number
  /** Called with the byte count of every response body received (progress). */
  readonly onBytes?: (bytes: number) => void
  /** Time an address may spend waiting on its server (all requests and retries), plus 1 s per MiB received. */
  readonly deadlineMs?: number
  /** Read objects the server gives no validator for (CKPT_AUDIT_REMOTE_UNPINNED=allow): a verdict may then mix versions. */
  readonly allowUnpinned?: boolean
}

export const DEFAULT_HTTP_OPTIONS: HttpSourceOptions = {
  blockSize: 64 * 1024,
  cacheBytes: 32 * 1024 * 1024,
  concurrency: 4,
  directBytes: 4 * 1024 * 1024,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 250,
  deadlineMs: 120_000,
  allowHosts: undefined,
  fetch: (...args) => fetch(...args),
}

/** Where a digest of the whole object came from: the report says which. */
export interface ServerDigest {
  readonly sha256: string
  readonly from: string
}

export interface RemoteSource extends ByteSource {
  /** The validators of the version read (empty for an object read whole in its first answer). */
  readonly pin: Pin
  /** The whole object came in the first answer. */
  readonly whole: boolean
  /** Its sha256 then (what identifies the version of an object with no validator). */
  readonly wholeSha256: string | undefined
  /** A sha256 of the whole object the server vouches for (LFS oid, the Hub's X-Linked-Etag), if any. */
  digest: ServerDigest | undefined
  readonly stats: { requests: number, bytes: number }
}

/** Opens `target` with one request (its first block), which also gives the size and the pin. */
export async function openHttpSource(target: Target, given: HttpSourceOptions = DEFAULT_HTTP_OPTIONS): Promise<RemoteSource> {
  const deadlineMs = given.deadlineMs ?? DEFAULT_HTTP_OPTIONS.deadlineMs!
  const deadline = new Budget(deadlineMs)
  const options: HttpSourceOptions = {
    ...given,
    deadline,
    // an honest long read (a digest of a large object) keeps going: each MiB received buys a second
    onBytes: bytes => {
      deadline.allowance += bytes / 1024
      given.onBytes?.(bytes)
    },
  }
  const stats = { requests: 0, bytes: 0 }
  const cache = new BlockCache(options.blockSize, Math.floor(options.cacheBytes / options.blockSize))
  let first: Uint8Array | undefined
  let size = 0
  let pin: Pin = {}
  const opened = await request(target, target.url, { range: `bytes=0-${options.blockSize - 1}` }, options, async answer => {
    stats.requests++
    const { response } = answer
    if (response.status === 200) {
      // a small object answered whole is as good as a range: it is all there is to read
      first = await wholeSmallBody(target, response, options.blockSize)
      size = first.length
      pin = pinOf(response.headers)
      return
    }
    if (response.status === 416) {
      await response.body?.cancel()
      throw new CheckpointError('empty', `${target.display}: the file is empty (0 bytes)`)
    }
    if (response.status !== 206) await failStatus(target, response)
    const range = parseContentRange(response.headers.get('content-range'))
    if (range === undefined || range.start !== 0) {
      await response.body?.cancel()
      throw new CheckpointError('no-range-support', `${target.display}: no usable Content-Range in the answer`)
    }
    size = range.total
    pin = pinOf(response.headers)
    first = await readBody(response, options.blockSize)
    if (first.length !== range.end - range.start + 1) throw new Transient(`short body: ${first.length} bytes`)
  })
  stats.bytes += first!.length
  options.onBytes?.(first!.length)
  if (size === 0) throw new CheckpointError('empty', `${target.display}: the file is empty (0 bytes)`)
  if (first!.length === options.blockSize || first!.length === size) cache.set(0, first!)
  // read whole in one answer, the object needs no pin: no later request can see another version
  const whole = first!.length === size
  if (!whole && !pinnable(pin) && !options.allowUnpinned)
    throw new CheckpointError('refused', `${target.display}: the server gives no validator, so the file cannot be pinned (no strong ETag, no Last-Modified): its range reads could mix two versions. Set CKPT_AUDIT_REMOTE_UNPINNED=allow to read it anyway`)
  checkLinkedSize(target, opened.hops, size)
  const url = opened.url
  const limit = limiter(options.concurrency)

  /** Fetches [start, end] (inclusive), conditional on the pin; any sign of another version is `changed`. */
  const fetchSpan = (start: number, end: number): Promise<Uint8Array> => limit(async () => {
    let body: Uint8Array | undefined
    await request(target, url, { range: `bytes=${start}-${end}`, ...conditions(pin) }, options, async (answer: Answer) => {
      stats.requests++
      const { response } = answer
      if (response.status === 412 || response.status === 200) {
        // 412: If-Match failed; 200: If-Range failed and the server sent the new whole file
        await response.body?.cancel()
        throw changed(target)
      }
      if (response.status !== 206) await failStatus(target, response)
      const range = parseContentRange(response.headers.get('content-range'))
      const now = pinOf(response.headers)
      // servers that ignore conditions still show the version in their validators and size
      if (range === undefined || range.total !== size || differs(pin, now)) {
        await response.body?.cancel()
        throw changed(target)
      }
      if (range.start !== start || range.end !== end) throw new CheckpointError('no-range-support', `${target.display}: asked for bytes ${start}-${end}, got ${range.start}-${range.end}`)
      body = await readBody(response, end - start + 1)
      if (body.length !== end - start + 1) throw new Transient(`short body: ${n(body.length)} of ${n(end - start + 1)} bytes`)
    })
    stats.bytes += body!.length
    options.onBytes?.(body!.length)
    return body!
  })

  const readDirect = async (offset: number, target: Uint8Array): Promise<void> => {
    const parts: Promise<void>[] = []
    for (let at = 0; at < target.length; at += options.directBytes) {
      const length = Math.min(options.directBytes, target.length - at)
      parts.push(fetchSpan(offset + at, offset + at + length - 1).then(bytes => target.set(bytes, at)))
    }
    await Promise.all(parts)
  }

  const readCached = async (offset: number, target: Uint8Array): Promise<void> => {
    const bs = options.blockSize
    const firstBlock = Math.floor(offset / bs)
    const lastBlock = Math.floor((offset + target.length - 1) / bs)
    const blocks = new Map<number, Uint8Array>()
    for (let i = firstBlock; i <= lastBlock; i++) {
      const block = cache.get(i)
      if (block !== undefined) blocks.set(i, block)
    }
    await Promise.all(missingRuns(firstBlock, lastBlock, i => blocks.has(i)).map(async ([a, b]) => {
      const bytes = await fetchSpan(a * bs, Math.min(size, (b + 1) * bs) - 1)
      for (let i = a; i <= b; i++) {
        const block = bytes.slice((i - a) * bs, (i - a + 1) * bs)
        blocks.set(i, block)
        cache.set(i, block)
      }
    }))
    for (let i = firstBlock; i <= lastBlock; i++) {
      const block = blocks.get(i)!
      const blockStart = i * bs
      const from = Math.max(offset, blockStart)
      const to = Math.min(offset + target.length, blockStart + block.length)
      target.set(block.subarray(from - blockStart, to - blockStart), from - offset)
    }
  }

  const fill = (offset: number, target: Uint8Array): Promise<void> => {
    if (target.length === 0) return Promise.resolve()
    if (offset < 0 || offset + target.length > size) throw new CheckpointError('truncated', `${target.length} bytes at ${n(offset)} overflow the file (${n(size)} bytes)`)
    return target.length >= options.directBytes ? readDirect(offset, target) : readCached(offset, target)
  }

  return {
    path: target.display,
    size,
    pin,
    whole,
    wholeSha256: whole ? createHash('sha256').update(first!).digest('hex') : undefined,
    digest: hubDigest(target, opened.hops),
    stats,
    async read(offset, length) {
      const out = new Uint8Array(length)
      await fill(offset, out)
      return out
    },
    readInto: fill,
    close: async () => {},
  }
}

function strongEtag(pin: Pin): boolean {
  return pin.etag !== undefined && !pin.etag.startsWith('W/')
}

/**
 * A version can be pinned by a strong ETag, or by Last-Modified together with the lengths every
 * answer is checked against (Content-Range total, body length). A weak ETag alone may stay the
 * same across different bytes, so it is no pin.
 */
function pinnable(pin: Pin): boolean {
  return strongEtag(pin) || pin.lastModified !== undefined
}

function conditions(pin: Pin): Record<string, string> {
  // If-Match needs a strong validator; a weak one is still compared on every response
  if (strongEtag(pin)) return { 'if-match': pin.etag! }
  if (pin.lastModified !== undefined) return { 'if-unmodified-since': pin.lastModified }
  return {}
}

/** A validator that differs, or that disappears, is another version (a server that dropped it cannot vouch). */
function differs(pin: Pin, now: Pin): boolean {
  return (pin.etag !== undefined && now.etag !== pin.etag) || (pin.lastModified !== undefined && now.lastModified !== pin.lastModified)
}

/** A 200 answer to the first Range request: accepted when its stated length fits one block. */
async function wholeSmallBody(target: Target, response: Response, blockSize: number): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length') ?? NaN)
  if (!Number.isSafeInteger(length) || length > blockSize || response.headers.has('content-encoding')) {
    // the whole body is coming: stop it now instead of downloading a 10 GB file
    await response.body?.cancel()
    throw new CheckpointError('no-range-support', `${target.display}: the server ignores Range requests (HTTP 200 with the whole file); no range support, so it is not downloaded`)
  }
  const body = await readBody(response, blockSize)
  if (body.length !== length) throw new Transient(`short body: ${body.length} of ${length} bytes`)
  return body
}

function changed(target: Target): CheckpointError {
  return new CheckpointError('changed', `${target.display}: the file changed while it was read`)
}

async function failStatus(target: Target, response: Response): Promise<never> {
  await response.body?.cancel()
  const status = response.status
  if (status === 404 || status === 410) throw new CheckpointError('not-found', `${target.display}: not found (HTTP ${status})`)
  if (status === 401 || status === 403) throw new CheckpointError('not-found', `${target.display}: access denied (HTTP ${status}); check the credentials for this host`)
  throw new CheckpointError('network', `${target.display}: unexpected HTTP ${status}`)
}

/** The Hub's 302 states the LFS object's size (X-Linked-Size): a CDN answering another size serves another file. */
function checkLinkedSize(target: Target, hops: readonly Headers[], size: number): void {
  for (const hop of hops) {
    const linked = hop.get('x-linked-size')
    if (linked !== null && Number(linked) !== size)
      throw new CheckpointError('changed', `${target.display}: the Hub names a ${linked}-byte file, the CDN served ${n(size)} bytes`)
  }
}

/**
 * The Hub's 302 for an LFS file carries its sha256 as X-Linked-Etag: a digest without reading
 * the file. Trusted only on the first answer, from the Hub endpoint itself (an `hf://` target):
 * any other server, or a hop after a redirect, could name the digest a pin expects.
 */
function hubDigest(target: Target, hops: readonly Headers[]): ServerDigest | undefined {
  const first = hops[0]
  if (target.digestHost === undefined || first === undefined || new URL(target.url).host !== target.digestHost) return undefined
  const sha256 = sha256Of(first.get('x-linked-etag'))
  return sha256 === undefined ? undefined : { sha256, from: "the Hub's X-Linked-Etag" }
}
