/**
 * One HTTP request of a remote source: redirects followed by hand (so the Range and the
 * credential rules hold on every hop), a timeout, and retries with backoff on 5xx and network
 * errors. Nothing here knows about byte ranges beyond passing headers through.
 */
import { CheckpointError } from '../errors.ts'
import { isLoopbackHost, redact } from './address.ts'
import { hostKey } from './policy.ts'

/** Where an object lives and what each request to it carries. */
export interface Target {
  /** What messages show: the address as written, never a signed or tokenised URL. */
  readonly display: string
  readonly url: string
  /** Sent on every request to every host (the headers an LFS batch response lists for its href). */
  readonly headers?: Readonly<Record<string, string>>
  /** Secret headers, sent only while a request goes to this exact host (`host:port`). */
  readonly credential?: { readonly host: string, readonly headers: Readonly<Record<string, string>> }
  /**
   * The host whose first answer may vouch for the object's sha256 (X-Linked-Etag): the Hub
   * endpoint of an `hf://` address only. Any other host, or a later hop, could name any digest.
   */
  readonly digestHost?: string
  /** Signs each request to the first URL's host (S3 SigV4: the signature covers the Range header). */
  readonly sign?: (url: string, headers: Record<string, string>) => Promise<Record<string, string>>
}

export interface Transport {
  readonly timeoutMs: number
  readonly retries: number
  readonly backoffMs: number
  /** Hosts a request may reach (initial and redirect targets); undefined: any. */
  readonly allowHosts: ReadonlySet<string> | undefined
  readonly fetch: typeof fetch
  /** The time this address may spend waiting on its server, shared by all its requests and retries. */
  readonly deadline?: Budget
}

/**
 * Busy time of one address: the wall time during which at least one of its requests is in
 * flight, against an allowance. A stalling server costs the allowance in all, not retries ×
 * timeout per request; time the audit spends elsewhere while the source is open is not counted;
 * the source adds to the allowance as bytes arrive, so a long honest read is not cut.
 */
export class Budget {
  readonly ms: number
  allowance: number
  #spent = 0
  #inFlight = 0
  #since = 0

  constructor(ms: number) {
    this.ms = ms
    this.allowance = ms
  }

  enter(): void {
    if (this.#inFlight++ === 0) this.#since = Date.now()
  }

  leave(): void {
    if (--this.#inFlight === 0) this.#spent += Date.now() - this.#since
  }

  get remaining(): number {
    return this.allowance - this.#spent - (this.#inFlight > 0 ? Date.now() - this.#since : 0)
  }
}

export interface Answer {
  readonly response: Response
  /** The URL that answered, after redirects: later reads go there directly. */
  readonly url: string
  /** Headers of the redirect responses on the way (the Hub puts X-Linked-Size/-Etag on its 302). */
  readonly hops: readonly Headers[]
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 5

/** Marks a failure worth retrying (5xx, network, timeout); its message is our own wording. */
export class Transient extends Error {}

/** Sends a GET to `url` (a URL of `target`, perhaps an earlier redirect's end), retrying transient failures. */
export async function request(target: Target, url: string, extra: Record<string, string>, transport: Transport,
                              accept: (answer: Answer) => Promise<void> | void = () => {}): Promise<Answer> {
  transport.deadline?.enter()
  try {
    return await attempts(target, url, extra, transport, accept)
  } finally {
    transport.deadline?.leave()
  }
}

async function attempts(target: Target, url: string, extra: Record<string, string>, transport: Transport,
                        accept: (answer: Answer) => Promise<void> | void): Promise<Answer> {
  let last: unknown
  for (let attempt = 0; attempt <= transport.retries; attempt++) {
    if (attempt > 0) await sleep(Math.min(transport.backoffMs * 2 ** (attempt - 1), remaining(transport)))
    if (remaining(transport) <= 0) throw pastDeadline(target, transport)
    try {
      const answer = await follow(target, url, extra, transport)
      if (answer.response.status >= 500) {
        await answer.response.body?.cancel()
        throw new Transient(`HTTP ${answer.response.status}`)
      }
      // the caller reads the body inside the retry loop: a connection cut mid-body is retried too
      await accept(answer)
      return answer
    } catch (error) {
      if (error instanceof CheckpointError) throw error
      last = error
    }
  }
  if (remaining(transport) <= 0) throw pastDeadline(target, transport)
  const why = last instanceof Transient ? last.message : networkMessage(last)
  throw new CheckpointError('network', `${target.display}: ${why} after ${transport.retries + 1} attempts`)
}

async function follow(target: Target, url: string, extra: Record<string, string>, transport: Transport): Promise<Answer> {
  const hops: Headers[] = []
  const signedHost = new URL(target.url).host
  let current = new URL(url)
  for (let hop = 0; ; hop++) {
    checkHost(target, current, transport)
    let headers: Record<string, string> = { ...target.headers, ...extra }
    if (target.credential !== undefined && current.host === target.credential.host) Object.assign(headers, target.credential.headers)
    if (target.sign !== undefined && current.host === signedHost) headers = await target.sign(current.href, headers)
    let response: Response
    const timeout = Math.max(1, Math.min(transport.timeoutMs, remaining(transport)))
    try {
      response = await transport.fetch(current.href, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeout) })
    } catch (error) {
      throw new Transient((error as Error).name === 'TimeoutError' ? `no answer within ${timeout} ms` : networkMessage(error))
    }
    if (!REDIRECTS.has(response.status)) return { response, url: current.href, hops }
    await response.body?.cancel()
    if (hop >= MAX_REDIRECTS) throw new CheckpointError('network', `${target.display}: more than ${MAX_REDIRECTS} redirects`)
    const location = response.headers.get('location')
    if (location === null) throw new CheckpointError('network', `${target.display}: a redirect (HTTP ${response.status}) without a Location`)
    const next = new URL(location, current)
    // a downgrade would expose the request (and its Range, perhaps a signed URL) to the network
    if (next.protocol !== 'https:' && !(next.protocol === 'http:' && isLoopbackHost(next.hostname)))
      throw new CheckpointError('refused', `${target.display}: refused a redirect from ${redact(current)} to ${redact(next)} (only https, or http on loopback)`)
    hops.push(response.headers)
    current = next
  }
}

function checkHost(target: Target, url: URL, transport: Transport): void {
  if (transport.allowHosts !== undefined && !transport.allowHosts.has(hostKey(url.hostname)))
    throw new CheckpointError('refused', `${target.display}: host ${url.hostname} is not in the allowed remote hosts (remote-hosts)`)
}

/**
 * Our own words for a failed request. Never the error's text: undici's TypeErrors quote header
 * values (a token), a SyntaxError quotes the body; only a system error code (ECONNREFUSED…) is kept.
 */
export function networkMessage(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  const code = [cause, error].map(e => (e as { code?: unknown } | undefined)?.code).find(c => typeof c === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(c))
  if (code !== undefined) return `the connection failed (${code as string})`
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time'
  if (error instanceof TypeError) return 'the request could not be sent'
  return 'the connection failed'
}

/** Milliseconds left before the address's deadline (Infinity without one). */
function remaining(transport: Transport): number {
  return transport.deadline === undefined ? Infinity : transport.deadline.remaining
}

function pastDeadline(target: Target, transport: Transport): CheckpointError {
  return new CheckpointError('network', `${target.display}: gave up at the overall deadline of ${transport.deadline!.ms / 1000} s for this address (CKPT_AUDIT_REMOTE_DEADLINE_S)`)
}

function sleep(ms: number): Promise<void> {
  return new Promise(done => setTimeout(done, ms))
}

/** Reads a response body, refusing more than `limit` bytes (a server may send more than asked). */
export async function readBody(response: Response, limit: number): Promise<Uint8Array> {
  const out = new Uint8Array(limit)
  let filled = 0
  const reader = response.body!.getReader()
  for (;;) {
    let chunk
    try {
      chunk = await reader.read()
    } catch (error) {
      throw new Transient(networkMessage(error))
    }
    if (chunk.done) break
    if (filled + chunk.value.length > limit) {
      await reader.cancel()
      throw new Transient(`the server sent more than the ${limit} bytes asked for`)
    }
    out.set(chunk.value, filled)
    filled += chunk.value.length
  }
  return out.subarray(0, filled)
}
