import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AwsClient, AwsV4Signer } from 'aws4fetch'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import S3rver from 's3rver'
import { inspectPath } from '../../src/cli.ts'
import { CheckpointError } from '../../src/checkpoint/errors.ts'
import { openRemote } from '../../src/checkpoint/remote/open-remote.ts'
import { sha256Checkpoint } from '../../src/checkpoint/sha256.ts'
import { fixture } from '../support/fixtures.ts'
import { freePort, SERVER_LIFETIME_S, startNginx, type Nginx } from '../support/servers.ts'

const FAST = { backoffMs: 1, retries: 1, timeoutMs: 5000 }
const CHECKPOINT = fixture('torch113/grpo.epoch1.pt')

async function inspected(path: string): Promise<object> {
  const { path: _path, ...rest } = await inspectPath(path, true)
  return rest
}

describe('s3:// through s3rver with SigV4', () => {
  let s3: S3rver
  let verifier: Server
  const verified: boolean[] = []
  let dir: string
  let env: NodeJS.ProcessEnv
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ckpt-s3-'))
    const port = await freePort()
    // s3rver checks SigV4 signatures against these credentials (its documented defaults)
    s3 = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir, configureBuckets: [{ name: 'ckpts', configs: [] }] })
    await s3.run()
    setTimeout(() => void s3.close(), SERVER_LIFETIME_S * 1000).unref()
    // s3rver checks the access key id but not V4 signatures ("incomplete support"): this proxy
    // recomputes each request's SigV4 signature from what arrived and refuses a mismatch
    verifier = createServer((req, res) => {
      void verify(req, `127.0.0.1:${verifierPort}`).then(ok => {
        verified.push(ok)
        if (!ok) { res.writeHead(403).end('SignatureDoesNotMatch'); return }
        const forward = httpRequest({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        req.pipe(forward)
      })
    })
    const verifierPort = await freePort()
    await new Promise<void>(done => verifier.listen(verifierPort, '127.0.0.1', done))
    setTimeout(() => verifier.close(), SERVER_LIFETIME_S * 1000).unref()
    env = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: `http://127.0.0.1:${verifierPort}` }
    const client = new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', service: 's3', region: 'us-east-1' })
    const put = await client.fetch(`http://127.0.0.1:${port}/ckpts/runs/grpo.pt`, { method: 'PUT', body: readFileSync(CHECKPOINT) })
    assert.equal(put.status, 200)
  })
  after(async () => {
    verifier.closeAllConnections()
    await new Promise(done => verifier.close(done))
    await s3.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('signed range reads give the local result', async () => {
    const source = await openRemote('s3://ckpts/runs/grpo.pt', env, FAST)
    assert.equal(source.size, readFileSync(CHECKPOINT).length)
    assert.deepEqual(Buffer.from(await source.read(10, 50)), readFileSync(CHECKPOINT).subarray(10, 60))
  })

  test('every request carried a valid SigV4 signature covering its Range', () => {
    assert.ok(verified.length > 0 && verified.every(Boolean))
  })

  test('a wrong secret is refused by the server (the signatures are really checked)', async () => {
    const error = await openRemote('s3://ckpts/runs/grpo.pt', { ...env, AWS_SECRET_ACCESS_KEY: 'wrong' }, FAST).then(() => undefined, e => e)
    assert.ok(error instanceof CheckpointError)
    assert.match(error.message, /access denied \(HTTP 403\)/)
    assert.doesNotMatch(error.message, /wrong|S3RVER/, 'no secret in messages')
  })
})

/** Recomputes the SigV4 signature of a received request (the signed headers it lists, its own X-Amz-Date). */
async function verify(req: IncomingMessage, host: string): Promise<boolean> {
  const authorization = req.headers.authorization
  const signed = /SignedHeaders=([^,]+)/.exec(authorization ?? '')?.[1]?.split(';') ?? []
  if (!signed.includes('range')) return false
  const headers = Object.fromEntries(signed.filter(h => h !== 'host').map(h => [h, String(req.headers[h])]))
  const signer = new AwsV4Signer({ method: req.method!, url: `http://${host}${req.url}`, headers, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', service: 's3', region: 'us-east-1', allHeaders: true, datetime: String(req.headers['x-amz-date']) })
  const expected = (await signer.sign()).headers.get('authorization')
  return expected === authorization
}

describe('Git LFS pointers through the batch API', () => {
  let nginx: Nginx
  let root: string
  let batch: Server
  let checkout: string
  let batchOrigin: string
  const seen: Array<{ authorization?: string, accept?: string, body: any }> = []
  const bytes = readFileSync(CHECKPOINT)
  const oid = createHash('sha256').update(bytes).digest('hex')

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'ckpt-lfs-objects-'))
    copyFileSync(CHECKPOINT, join(root, oid))
    nginx = await startNginx(root)
    // the batch endpoint: answers like git-lfs's docs/api/batch.md, hrefs pointing at nginx
    batch = createServer((req, res) => {
      let body = ''
      req.on('data', chunk => { body += chunk })
      req.on('end', () => {
        const parsed = JSON.parse(body)
        seen.push({ authorization: req.headers.authorization, accept: req.headers.accept, body: parsed })
        const objects = parsed.objects.map((o: { oid: string, size: number }) => o.oid === oid
          ? { oid: o.oid, size: o.size, authenticated: true, actions: { download: { href: `${nginx.origin}/${o.oid}`, header: { 'X-Lfs-Ticket': 'ticket-1' }, expires_in: 3600 } } }
          : { oid: o.oid, size: o.size, error: { code: 404, message: 'Object does not exist' } })
        res.writeHead(200, { 'content-type': 'application/vnd.git-lfs+json' }).end(JSON.stringify({ transfer: 'basic', objects, hash_algo: 'sha256' }))
      })
    })
    const port = await freePort()
    await new Promise<void>(done => batch.listen(port, '127.0.0.1', done))
    setTimeout(() => batch.close(), SERVER_LIFETIME_S * 1000).unref()
    checkout = mkdtempSync(join(tmpdir(), 'ckpt-lfs-checkout-'))
    mkdirSync(join(checkout, 'models'))
    batchOrigin = `http://127.0.0.1:${port}`
    writeFileSync(join(checkout, '.lfsconfig'), `[lfs]\n\turl = ${batchOrigin}/org/repo.git/info/lfs\n`)
    writeFileSync(join(checkout, 'models', 'grpo.pt'), `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${bytes.length}\n`)
    writeFileSync(join(checkout, 'models', 'gone.pt'), `version https://git-lfs.github.com/spec/v1\noid sha256:${'0'.repeat(64)}\nsize 10\n`)
  })
  after(async () => {
    batch.closeAllConnections()
    await new Promise(done => batch.close(done))
    await nginx.stop()
    rmSync(root, { recursive: true, force: true })
    rmSync(checkout, { recursive: true, force: true })
  })

  test('a pointer is read through the batch API, with the listed headers on the href', async () => {
    process.env.CKPT_AUDIT_LFS = 'batch'
    process.env.CKPT_AUDIT_LFS_AUTHORIZATION = 'Bearer lfs-token'
    // the endpoint comes from the checkout's .lfsconfig: only a host named here gets the credential
    process.env.CKPT_AUDIT_LFS_HOST = new URL(batchOrigin).host
    try {
      const before = nginx.log().length
      assert.deepEqual(await inspected(join(checkout, 'models', 'grpo.pt')), { ...(await inspected(CHECKPOINT)), size_bytes: (await inspected(join(checkout, 'models', 'grpo.pt')) as { size_bytes: number }).size_bytes })
      assert.equal(seen.at(-1)!.authorization, 'Bearer lfs-token')
      assert.equal(seen.at(-1)!.accept, 'application/vnd.git-lfs+json')
      assert.deepEqual(seen.at(-1)!.body.objects, [{ oid, size: bytes.length }])
      // nginx never sees the batch credential
      assert.ok(nginx.log().slice(before).every(line => line.includes('"-"')))
      const gone = await inspectPath(join(checkout, 'models', 'gone.pt'))
      assert.equal(gone.error?.reason, 'not-found')
      assert.match(gone.error!.message, /Object does not exist/)
    } finally {
      delete process.env.CKPT_AUDIT_LFS
      delete process.env.CKPT_AUDIT_LFS_AUTHORIZATION
      delete process.env.CKPT_AUDIT_LFS_HOST
    }
  })

  test('a sha256 pin of a pointer or of a plain https object is checked by hashing the served object', async () => {
    process.env.CKPT_AUDIT_LFS = 'batch'
    try {
      // not the pointer's oid: the pointer comes with the pull request, the served bytes are what was audited
      assert.deepEqual(await sha256Checkpoint(join(checkout, 'models', 'grpo.pt')), { sha256: oid, from: 'reading the whole object' })
    } finally {
      delete process.env.CKPT_AUDIT_LFS
    }
    assert.deepEqual(await sha256Checkpoint(`${nginx.origin}/${oid}`), { sha256: oid, from: 'reading the whole object' })
    // without the batch reading, the pointer file itself is what is hashed
    assert.notEqual(await sha256Checkpoint(join(checkout, 'models', 'grpo.pt')), oid)
  })

  test('without opting in, a pointer stays the lfs-pointer finding and no server is asked', async () => {
    const count = seen.length
    const result = await inspectPath(join(checkout, 'models', 'grpo.pt'))
    assert.equal(result.error?.reason, 'lfs-pointer')
    assert.equal(seen.length, count)
  })
})
