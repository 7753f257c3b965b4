/**
 * The adversarial review of issue J: credentials only to trusted hosts, no secret in any output,
 * digests trusted only where they are vouched for, and no verdict on an object that cannot be
 * pinned. One scripted loopback server (it stops by itself after SERVER_LIFETIME_S).
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { main } from '../../src/cli.ts'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { CheckpointError } from '../../src/checkpoint/errors.ts'
import { openLfs, openRemote } from '../../src/checkpoint/remote/open-remote.ts'
import { sha256Checkpoint } from '../../src/checkpoint/sha256.ts'
import { fixture } from '../support/fixtures.ts'
import { SERVER_LIFETIME_S } from '../support/servers.ts'

const FAST = { backoffMs: 1, retries: 1, timeoutMs: 5000 }
/** Blocks smaller than the file, so an open is followed by more range requests. */
const SMALL = { ...FAST, blockSize: 1024 }
const A = readFileSync(fixture('torch113/grpo.epoch1.pt'))
const B = readFileSync(fixture('torch113/hparam_types.pt'))
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

interface Seen { readonly url: string, readonly headers: IncomingMessage['headers'] }
const seen: Seen[] = []
const counters = new Map<string, number>()
let server: Server
let origin: string

function send(req: IncomingMessage, res: ServerResponse, data: Uint8Array, headers: Record<string, string> = {}): void {
  const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
  if (match === null) { res.writeHead(200, { 'content-length': String(data.length), ...headers }).end(data); return }
  const start = Number(match[1])
  const end = Math.min(Number(match[2]), data.length - 1)
  res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${data.length}`, 'content-length': String(end - start + 1), ...headers })
  res.end(data.subarray(start, end + 1))
}

/** Modes by first path segment; `n` counts the requests to one path. */
function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ url: req.url!, headers: req.headers })
  const [, mode] = req.url!.split('?')[0]!.split('/')
  const n = (counters.get(req.url!) ?? 0) + 1
  counters.set(req.url!, n)
  switch (mode) {
    case 'stall': return // never answers
    case 'wrongrange': {
      // the first answer is right; later ones start a byte late
      const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')!
      const start = Number(match[1]) === 0 ? 0 : Number(match[1]) + 1
      const end = Math.min(Number(match[2]), A.length - 1)
      res.writeHead(206, { 'content-range': `bytes ${start}-${end}/${A.length}`, 'content-length': String(end - start + 1), etag: '"w"' }).end(A.subarray(start, end + 1))
      return
    }
    case 'strong': return send(req, res, A, { etag: '"s1"' })
    case 'noval': return send(req, res, n === 1 ? B : A)
    case 'weak': return send(req, res, A, { etag: 'W/"1"' })
    case 'lmonly': return send(req, res, A, { 'last-modified': 'Tue, 01 Sep 2026 00:00:00 GMT' })
    case 'dropetag': return send(req, res, A, n === 1 ? { etag: '"v1"' } : {})
    case 'full200': res.writeHead(200, { 'content-length': String(A.length), etag: '"f"' }).end(A); return
    case 'linked': res.writeHead(302, { location: '/strong/x.pt', 'x-linked-etag': `"${sha(B)}"`, 'x-linked-size': String(A.length) }).end(); return
    case 'hub': {
      // the Hub's resolve endpoint: /hub/OWNER/REPO/resolve/REV/PATH; `two/` goes through a second hop
      if (req.url!.includes('/two/')) { res.writeHead(302, { location: '/linked/x.pt' }).end(); return }
      res.writeHead(302, { location: '/strong/x.pt', 'x-linked-etag': `"${sha(A)}"`, 'x-linked-size': String(A.length) }).end(); return
    }
    case 'swap': {
      // a new open (no If-Match) gets the next version; a conditional read of an old version fails
      const version = counters.get('swap-version') ?? 0
      const next = req.headers['if-match'] === undefined ? version + 1 : version
      counters.set('swap-version', next)
      const etag = `"g${next}"`
      if (req.headers['if-match'] !== undefined && req.headers['if-match'] !== etag) { res.writeHead(412).end(); return }
      return send(req, res, next === 1 ? A : B, { etag })
    }
    case 'lfs': {
      const parsed = JSON.parse(body) as { objects: Array<{ oid: string, size: number }> }
      const objects = parsed.objects.map(o => ({ oid: o.oid, size: o.size, actions: { download: { href: `${origin}/strong/lfs-object` } } }))
      res.writeHead(200, { 'content-type': 'application/vnd.git-lfs+json' }).end(JSON.stringify({ transfer: 'basic', objects }))
      return
    }
  }
  res.writeHead(404).end()
}

before(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', chunk => { body += chunk })
    req.on('end', () => handle(req, res, body))
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  setTimeout(() => server.close(), SERVER_LIFETIME_S * 1000).unref()
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
after(async () => {
  server.closeAllConnections()
  await new Promise(done => server.close(done))
})

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  assert.ok(error instanceof CheckpointError, `expected a CheckpointError, got ${String(error)}`)
  return `${error.reason}: ${error.message}`
}

describe('1. LFS credentials go to trusted hosts only', () => {
  let checkout: string
  let pointer: string
  before(() => {
    checkout = mkdtempSync(join(tmpdir(), 'ckpt-review-lfs-'))
    mkdirSync(join(checkout, 'models'))
    writeFileSync(join(checkout, '.lfsconfig'), `[lfs]\n\turl = ${origin}/lfs/org/repo.git/info/lfs\n`)
    pointer = join(checkout, 'models', 'a.pt')
    writeFileSync(pointer, `version https://git-lfs.github.com/spec/v1\noid sha256:${sha(A)}\nsize ${A.length}\n`)
  })
  after(() => rmSync(checkout, { recursive: true, force: true }))
  const batchAuthorization = () => seen.filter(s => s.url.startsWith('/lfs/')).at(-1)?.headers.authorization

  test('a host named only by the .lfsconfig gets no CKPT_AUDIT_LFS_AUTHORIZATION', async () => {
    await openLfs(pointer, { oid: sha(A), size: A.length }, { CKPT_AUDIT_LFS_AUTHORIZATION: 'Bearer lfs-secret' }, FAST)
    assert.equal(batchAuthorization(), undefined)
  })

  test('CKPT_AUDIT_LFS_HOST names the host the credential may go to', async () => {
    const host = new URL(origin).host
    await openLfs(pointer, { oid: sha(A), size: A.length }, { CKPT_AUDIT_LFS_AUTHORIZATION: 'Bearer lfs-secret', CKPT_AUDIT_LFS_HOST: host }, FAST)
    assert.equal(batchAuthorization(), 'Bearer lfs-secret')
  })

  test('the GitHub server host gets the credential', async () => {
    await openLfs(pointer, { oid: sha(A), size: A.length }, { CKPT_AUDIT_LFS_AUTHORIZATION: 'Bearer gh', GITHUB_SERVER_URL: origin }, FAST)
    assert.equal(batchAuthorization(), 'Bearer gh')
  })
})

describe('2. no credential value in any output', () => {
  test('an HF_TOKEN with a newline is refused by name; stdout, JSON and Markdown never show it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-review-token-'))
    const manifest = join(dir, 'm.yml')
    writeFileSync(manifest, 'version: 1\nexperiments:\n  a:\n    checkpoint: hf://o/r/x.pt\n')
    const saved = { ...process.env }
    process.env.HF_TOKEN = 'hf_SECRET\nX'
    process.env.HF_ENDPOINT = `${origin}/hub`
    try {
      let stdout = ''
      await main(['check', manifest, '--json', join(dir, 'r.json'), '--markdown', join(dir, 'r.md')], t => { stdout += t }, t => { stdout += t })
      for (const text of [stdout, readFileSync(join(dir, 'r.json'), 'utf8'), readFileSync(join(dir, 'r.md'), 'utf8')]) {
        assert.doesNotMatch(text, /hf_SECRET/)
        assert.match(text, /HF\\?_TOKEN/)
      }
    } finally {
      process.env = saved
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the text of a request error is never copied into a message', async () => {
    const fetch = (() => { throw new TypeError('Headers.append: "Bearer hf_SECRET" is an invalid header value') }) as typeof globalThis.fetch
    const why = await reason(openRemote(`${origin}/strong/x.pt`, {}, { ...FAST, fetch }))
    assert.doesNotMatch(why, /hf_SECRET|Headers\.append/)
    assert.match(why, /^network: /)
  })
})

describe('3. X-Linked-Etag only from the Hub endpoint, for hf:// addresses', () => {
  test('an https address redirecting with X-Linked-Etag gets no server digest', async () => {
    const source = await openRemote(`${origin}/linked/x.pt`, {}, FAST)
    assert.equal(source.digest, undefined)
  })

  test('an hf:// address: the first answer of HF_ENDPOINT is trusted', async () => {
    const source = await openRemote('hf://o/r/x.pt', { HF_ENDPOINT: `${origin}/hub` }, FAST)
    assert.deepEqual(source.digest, { sha256: sha(A), from: "the Hub's X-Linked-Etag" })
  })

  test('an hf:// address: a later hop is not', async () => {
    const source = await openRemote('hf://o/r/two/x.pt', { HF_ENDPOINT: `${origin}/hub` }, FAST)
    assert.equal(source.digest, undefined)
  })
})

describe('4. an LFS pin is checked on the served bytes', () => {
  test('a pointer whose oid is not the served object does not verify its pin', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'ckpt-review-lfs4-'))
    writeFileSync(join(checkout, '.lfsconfig'), `[lfs]\n\turl = ${origin}/lfs/org/repo.git/info/lfs\n`)
    const pointer = join(checkout, 'a.pt')
    // the pull request's pointer names B's oid with A's size; the server serves A
    writeFileSync(pointer, `version https://git-lfs.github.com/spec/v1\noid sha256:${sha(B)}\nsize ${A.length}\n`)
    process.env.CKPT_AUDIT_LFS = 'batch'
    try {
      const digest = await sha256Checkpoint(pointer)
      assert.equal(typeof digest === 'string' ? digest : digest.sha256, sha(A))
    } finally {
      delete process.env.CKPT_AUDIT_LFS
      rmSync(checkout, { recursive: true, force: true })
    }
  })
})

describe('5. no verdict on an object without a validator', () => {
  test('no ETag and no Last-Modified: refused, unless CKPT_AUDIT_REMOTE_UNPINNED=allow', async () => {
    assert.match(await reason(openRemote(`${origin}/noval/x.pt`, {}, SMALL)), /^refused: .*no validator, so the file cannot be pinned/)
    const source = await openRemote(`${origin}/noval/y.pt`, { CKPT_AUDIT_REMOTE_UNPINNED: 'allow' }, SMALL)
    assert.equal(source.size, B.length)
  })

  test('a weak ETag alone is no validator', async () => {
    assert.match(await reason(openRemote(`${origin}/weak/x.pt`, {}, SMALL)), /^refused: .*cannot be pinned/)
  })

  test('a file within one block is read whole: nothing to pin', async () => {
    const source = await openRemote(`${origin}/noval/z.pt`, {}, FAST)
    assert.equal(source.size, B.length)
    assert.deepEqual(Buffer.from(await source.read(0, B.length)), B)
  })

  test('Last-Modified with the lengths is enough', async () => {
    const source = await openRemote(`${origin}/lmonly/x.pt`, {}, SMALL)
    assert.deepEqual(Buffer.from(await source.read(2000, 100)), A.subarray(2000, 2100))
  })

  test('an ETag that disappears on a later response is a change', async () => {
    const source = await openRemote(`${origin}/dropetag/x.pt`, {}, SMALL)
    assert.match(await reason(source.read(2000, 100)), /^changed: /)
  })
})

describe('6. the digest is of the version the audit read', () => {
  test('while the audit holds the source, the digest is of the bytes it read (no second open)', async () => {
    const url = `${origin}/swap/x.pt`
    const checkpoint = await openCheckpoint(url)
    assert.ok(checkpoint)
    const opens = seen.filter(s => s.url === '/swap/x.pt').length
    // the server now has B (a new open gets it); the pin of B must not verify
    const digest = await sha256Checkpoint(url)
    assert.equal(typeof digest === 'string' ? digest : digest.sha256, sha(A))
    assert.equal(seen.filter(s => s.url === '/swap/x.pt').length, opens)
  })

  test('a second open that finds another version is a change, not a pass', async () => {
    const url = `${origin}/swap/y.pt`
    const source = await openRemote(url, {}, FAST)
    await source.close()
    assert.match(await reason(sha256Checkpoint(url)), /^changed: /)
  })
})

describe('8. a 200 answer within one block is the whole object', () => {
  test('read whole and pinned by its length and validator', async () => {
    const source = await openRemote(`${origin}/full200/x.pt`, {}, FAST)
    assert.equal(source.size, A.length)
    assert.deepEqual(Buffer.from(await source.read(100, 50)), A.subarray(100, 150))
  })
})

describe('7. no `..` by any spelling in a remote address', () => {
  test('encoded dots, backslashes, a revision or an s3 key that climbs: refused before any request', async () => {
    const { parseAddress, joinAddress } = await import('../../src/checkpoint/remote/address.ts')
    for (const written of [
      'https://example.com/a/%2e%2e/b.pt', 'https://example.com/a/.%2E/b.pt', 'https://example.com/a/%2E/b.pt',
      'https://example.com/a\\..\\b.pt', 'https://example.com/a/%5c../b.pt', 'hf://o/r@../a.pt', 'hf://o/r@refs%2F..%2Fx/a.pt',
      'hf://o/r/%2e%2e/a.pt', 's3://bucket/../x', 's3://bucket/a/%2e%2e/x', 's3://bucket/a\\b',
    ]) assert.ok('problem' in parseAddress(written), written)
    for (const relative of ['%2e%2e/x.pt', '.%2E/x.pt', 'a\\..\\x.pt'])
      assert.equal(typeof joinAddress('https://example.com/root', relative), 'object', relative)
    assert.ok(!('problem' in parseAddress('https://example.com/a/b.pt')))
    assert.ok(!('problem' in parseAddress('hf://o/r@refs%2Fpr%2F1/a.pt')))
    assert.ok(!('problem' in parseAddress('s3://bucket/a/.hidden/x.pt')))
  })
})

describe('9. remote-hosts entries', () => {
  test('IPv6 without brackets matches; a port or a scheme is an input error, not a silent mismatch', async () => {
    const { remotePolicy, remoteHostProblems } = await import('../../src/checkpoint/remote/policy.ts')
    const { remoteEnvironment } = await import('../../src/github/remote-env.ts')
    assert.deepEqual([...remotePolicy({ CKPT_AUDIT_REMOTE_HOSTS: '::1, [::2], Example.com' }).hosts!], ['::1', '::2', 'example.com'])
    assert.deepEqual(remoteHostProblems(['example.com:8443', 'https://example.com', '[::1]:80', 'a/b', '::1', '127.0.0.1']).length, 4)
    assert.throws(() => remoteEnvironment({ remote: 'allow', remoteHosts: ['example.com:8443'], token: '' }, {}), /remote-hosts.*example\.com:8443.*port/)
    assert.match(await reason(openRemote(`${origin}/strong/x.pt`, { CKPT_AUDIT_REMOTE_HOSTS: `${new URL(origin).host}` }, FAST)), /^refused: .*remote-hosts/)
    // an IPv6 loopback entry without brackets lets [::1] through (no server there: a network error, not refused)
    assert.doesNotMatch(await reason(openRemote('http://[::1]:9/x.pt', { CKPT_AUDIT_REMOTE_HOSTS: '::1' }, { ...FAST, retries: 0 })), /^refused/)
  })
})

describe('10. an overall deadline per address', () => {
  test('a stalling server costs the deadline, not retries x timeout', async () => {
    const started = Date.now()
    const why = await reason(openRemote(`${origin}/stall/x.pt`, {}, { backoffMs: 1, retries: 3, timeoutMs: 5000, deadlineMs: 400 }))
    assert.match(why, /^network: .*deadline/)
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`)
  })

  test('CKPT_AUDIT_REMOTE_DEADLINE_S sets it', async () => {
    const started = Date.now()
    assert.match(await reason(openRemote(`${origin}/stall/y.pt`, { CKPT_AUDIT_REMOTE_DEADLINE_S: '0.3' }, { backoffMs: 1, retries: 3, timeoutMs: 5000 })), /deadline/)
    assert.ok(Date.now() - started < 3000)
  })
})

describe('11. displayed addresses and later-read errors', () => {
  test('userinfo and query values are redacted wherever the address is shown', async () => {
    const { displayAddress } = await import('../../src/checkpoint/remote/address.ts')
    assert.equal(displayAddress('https://u:p@example.com/a.pt?X-Amz-Signature=abc&x=1#f'), 'https://***@example.com/a.pt?X-Amz-Signature=***&x=***#f')
    const dir = mkdtempSync(join(tmpdir(), 'ckpt-review-display-'))
    const manifest = join(dir, 'm.yml')
    writeFileSync(manifest, `version: 1\nexperiments:\n  a:\n    checkpoint: "${origin}/stall/q.pt?X-Amz-Signature=SIGSECRET"\n  b:\n    checkpoint: "${origin}/missing/q.pt?token=SIGSECRET"\n`)
    process.env.CKPT_AUDIT_REMOTE_DEADLINE_S = '0.3'
    try {
      let stdout = ''
      await main(['check', manifest, '--json', join(dir, 'r.json'), '--markdown', join(dir, 'r.md')], t => { stdout += t }, t => { stdout += t })
      for (const text of [stdout, readFileSync(join(dir, 'r.json'), 'utf8'), readFileSync(join(dir, 'r.md'), 'utf8')]) {
        assert.doesNotMatch(text, /SIGSECRET/)
        assert.match(text, /X-Amz-Signature=\*\*\*/)
      }
    } finally {
      delete process.env.CKPT_AUDIT_REMOTE_DEADLINE_S
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a wrong Content-Range on a later read of a zip is no-range-support, not a corrupt zip', async () => {
    const { readTorchZip } = await import('../../src/checkpoint/torch-zip.ts')
    const source = await openRemote(`${origin}/wrongrange/x.pt`, {}, SMALL)
    assert.match(await reason(readTorchZip(source, [])), /^no-range-support: /)
  })
})
