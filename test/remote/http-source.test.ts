import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { copyFileSync, mkdtempSync, rmSync, truncateSync, utimesSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer as createNetServer } from 'node:net'
import { inspectPath } from '../../src/cli.ts'
import { CheckpointError } from '../../src/checkpoint/errors.ts'
import { openRemote } from '../../src/checkpoint/remote/open-remote.ts'
import { fixture } from '../support/fixtures.ts'
import { startNginx, startProxy, type Nginx } from '../support/servers.ts'

const FAST = { backoffMs: 1, retries: 3, timeoutMs: 5000 }
let root: string
let nginx: Nginx

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'ckpt-remote-'))
  copyFileSync(fixture('torch113/grpo.epoch1.pt'), join(root, 'grpo.pt'))
  copyFileSync(fixture('modern/weights.safetensors'), join(root, 'weights.safetensors'))
  // 3 MiB of zeros: several blocks, for reads that cross blocks and for the no-Range cap
  writeFileSync(join(root, 'big.bin'), new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251))
  nginx = await startNginx(root, { hubToken: 'hf_secret_token', linkedEtag: 'a'.repeat(64), linkedSize: 3 * 1024 * 1024 })
})
after(async () => {
  await nginx.stop()
  rmSync(root, { recursive: true, force: true })
})

/** inspect's JSON without the path: what must be equal between a local file and its remote copy. */
async function inspected(path: string): Promise<object> {
  const { path: _path, ...rest } = await inspectPath(path, true)
  return rest
}

async function rejection(promise: Promise<unknown>): Promise<CheckpointError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  assert.ok(error instanceof CheckpointError, `expected a CheckpointError, got ${String(error)}`)
  return error
}

describe('HTTP range source against nginx', () => {
  test('inspect over http gives the local result, in a few small requests', async () => {
    const before = nginx.log().length
    for (const name of ['grpo.pt', 'weights.safetensors']) {
      assert.deepEqual(await inspected(`${nginx.origin}/${name}`), await inspected(join(root, name)))
    }
    const lines = nginx.log().slice(before)
    assert.ok(lines.length > 0 && lines.every(line => / 206 /.test(line)), lines.join('\n'))
  })

  test('reads crossing blocks return exactly the bytes of the file, and adjacent blocks are one request', async () => {
    const bytes = readFileSync(join(root, 'big.bin'))
    const source = await openRemote(`${nginx.origin}/big.bin`, {}, { ...FAST, blockSize: 4096 })
    assert.equal(source.size, bytes.length)
    const got = await source.read(4000, 20_000)
    assert.deepEqual(Buffer.from(got), bytes.subarray(4000, 24_000))
    // block 0 came with the open; blocks 1..5 are one coalesced request
    assert.equal(source.stats.requests, 2)
    assert.deepEqual(Buffer.from(await source.read(5000, 100)), bytes.subarray(5000, 5100))
    assert.equal(source.stats.requests, 2, 'cached blocks are not fetched again')
    const big = await source.read(100, 2 * 1024 * 1024 + 5)
    assert.deepEqual(Buffer.from(big), bytes.subarray(100, 100 + 2 * 1024 * 1024 + 5))
  })

  test('a server that ignores Range is "no range support", never a full download', async () => {
    // 1 GiB, sparse: what nginx managed to send before the connection was dropped is in its log
    const huge = join(root, 'huge.bin')
    writeFileSync(huge, '')
    truncateSync(huge, 1024 ** 3)
    const before = nginx.log().length
    const error = await rejection(openRemote(`${nginx.origin}/norange/huge.bin`, {}, FAST))
    assert.equal(error.reason, 'no-range-support')
    assert.match(error.message, /no range support/)
    await new Promise(done => setTimeout(done, 200)) // nginx logs a request when its connection ends
    const sent = nginx.log().slice(before).filter(line => line.includes('huge.bin')).map(line => Number(line.split(' ')[2]))
    assert.equal(sent.length, 1)
    assert.ok(sent[0]! < 64 * 1024 * 1024, `nginx sent ${sent[0]} bytes of 1 GiB`)
    // the same file WITH range support opens: the check is about the server, not the file
    assert.equal((await openRemote(`${nginx.origin}/big.bin`, {}, FAST)).size, 3 * 1024 * 1024)
    assert.ok(nginx.log().slice(before).some(line => / 200 /.test(line)))
  })

  test('a file that changes mid-read is "changed", never a verdict', async () => {
    // a safetensors file whose header spans two 64 KiB blocks: inspect needs a second request
    const file = join(root, 'moving.safetensors')
    writeFileSync(file, bigHeaderSafetensors())
    // sanity: through the same proxy, untouched, the file inspects fine (the test can fail for the right reason only)
    const calm = await startProxy(nginx.origin)
    assert.equal((await inspectPath(`${calm.origin}/moving.safetensors`)).error, null)
    await calm.stop()
    const proxy = await startProxy(nginx.origin, {
      // after the first range: a new version of the object (nginx's ETag is mtime + size)
      before: n => { if (n === 2) utimesSync(file, new Date(), new Date(Date.now() + 60_000)) },
    })
    try {
      const result = await inspectPath(`${proxy.origin}/moving.safetensors`)
      assert.equal(result.error?.reason, 'changed')
      assert.match(result.error!.message, /the file changed while it was read/)
      assert.deepEqual(result.hparams, {})
    } finally {
      await proxy.stop()
    }
  })

  test('a server that ignores If-Match still cannot mix versions: the new ETag on a 206 is "changed"', async () => {
    const file = join(root, 'moving2.safetensors')
    writeFileSync(file, bigHeaderSafetensors())
    const proxy = await startProxy(nginx.origin, {
      strip: ['if-match'],
      before: n => { if (n === 2) utimesSync(file, new Date(), new Date(Date.now() + 120_000)) },
    })
    try {
      const result = await inspectPath(`${proxy.origin}/moving2.safetensors`)
      assert.equal(result.error?.reason, 'changed')
    } finally {
      await proxy.stop()
    }
  })

  test('requests in flight per source stay within the concurrency bound', async () => {
    const proxy = await startProxy(nginx.origin, { delayMs: 20 })
    try {
      const source = await openRemote(`${proxy.origin}/big.bin`, {}, { ...FAST, blockSize: 4096, concurrency: 2 })
      // ten separate (non-adjacent) reads at once: ten requests, two at a time
      await Promise.all(Array.from({ length: 10 }, (_, i) => source.read(100_000 * (i + 1), 10)))
      assert.equal(proxy.requests, 11)
      assert.equal(proxy.maxInFlight, 2)
    } finally {
      await proxy.stop()
    }
  })

  test('a server that never answers times out, is retried, then is a network error', async () => {
    const silent = createNetServer(socket => { socket.on('error', () => {}) })
    await new Promise<void>(done => silent.listen(0, '127.0.0.1', done))
    const port = (silent.address() as { port: number }).port
    try {
      const error = await rejection(openRemote(`http://127.0.0.1:${port}/a.pt`, {}, { ...FAST, retries: 1, timeoutMs: 200 }))
      assert.equal(error.reason, 'network')
      assert.match(error.message, /no answer within 200 ms after 2 attempts/)
    } finally {
      silent.close()
    }
  })

  test('5xx answers are retried with backoff; too many are a network error', async () => {
    const flaky = await startProxy(nginx.origin, { fail: new Map([[1, 503], [3, 502]]) })
    const source = await openRemote(`${flaky.origin}/big.bin`, {}, { ...FAST, blockSize: 4096 })
    assert.equal((await source.read(10_000, 10)).length, 10)
    assert.equal(flaky.requests, 4)
    await flaky.stop()
    const down = await startProxy(nginx.origin, { fail: new Map([1, 2, 3, 4, 5].map(n => [n, 500])) })
    const error = await rejection(openRemote(`${down.origin}/big.bin`, {}, FAST))
    assert.equal(error.reason, 'network')
    assert.match(error.message, /HTTP 500 after 4 attempts/)
    await down.stop()
  })

  test('a missing file is not-found', async () => {
    assert.equal((await rejection(openRemote(`${nginx.origin}/nope.pt`, {}, FAST))).reason, 'not-found')
  })
})

describe('hf:// through a hub that redirects to a CDN', () => {
  const env = (token?: string) => ({ HF_ENDPOINT: `${nginx.origin}/hub`, ...(token ? { HF_TOKEN: token } : {}) })

  test('the token goes to the hub only, the Range survives the 302, the digest is the X-Linked-Etag', async () => {
    const before = nginx.log().length
    const source = await openRemote('hf://owner/repo@v1.0/big.bin', env('hf_secret_token'), FAST)
    assert.equal(source.size, readFileSync(join(root, 'big.bin')).length)
    assert.deepEqual(source.digest, { sha256: 'a'.repeat(64), from: "the Hub's X-Linked-Etag" })
    await source.read(source.size - 100, 100)
    const lines = nginx.log().slice(before)
    const hub = lines.filter(line => line.includes('/hub/'))
    const cdn = lines.filter(line => !line.includes('/hub/'))
    assert.ok(hub.length >= 1 && hub.every(line => line.includes('"Bearer hf_secret_token"') && / 302 /.test(line)), hub.join('\n'))
    assert.ok(cdn.length >= 2 && cdn.every(line => line.includes('"-" "bytes=') && / 206 /.test(line)), cdn.join('\n'))
    assert.equal(hub.length, 1, 'later reads go to the CDN URL directly')
  })

  test('a CDN serving another size than the Hub\'s X-Linked-Size is "changed"', async () => {
    const liar = await startNginx(root, { linkedSize: 3 * 1024 * 1024 + 1 })
    try {
      const error = await rejection(openRemote('hf://owner/repo/big.bin', { HF_ENDPOINT: `${liar.origin}/hub` }, FAST))
      assert.equal(error.reason, 'changed')
      assert.match(error.message, /names a 3145729-byte file/)
    } finally {
      await liar.stop()
    }
  })

  test('without the token the hub refuses', async () => {
    const error = await rejection(openRemote('hf://owner/repo/grpo.pt', env(), FAST))
    assert.match(error.message, /HTTP 401/)
    // a wrong token is refused too, and never shows in the message
    const wrong = await rejection(openRemote('hf://owner/repo/grpo.pt', env('hf_wrong_token'), FAST))
    assert.match(wrong.message, /^hf:\/\/owner\/repo\/grpo\.pt: access denied \(HTTP 401\)/)
    assert.doesNotMatch(wrong.message, /hf_wrong_token/)
  })

  test('the revision is one URL-encoded segment', async () => {
    const before = nginx.log().length
    // nginx decodes %2F before matching its hub location, so it answers 404: only the request line matters here
    await openRemote('hf://datasets/owner/repo@refs%2Fpr%2F1/grpo.pt', env('hf_secret_token'), FAST).catch(() => {})
    assert.ok(nginx.log().slice(before).some(line => line.includes('GET /hub/datasets/owner/repo/resolve/refs%2Fpr%2F1/grpo.pt')))
  })
})

/** A valid safetensors file with a ~100 KiB `__metadata__` header and one float32 tensor. */
function bigHeaderSafetensors(): Uint8Array {
  const header = JSON.stringify({ __metadata__: { kl_beta: '0.1', notes: 'x'.repeat(100_000) }, w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } })
  const length = Buffer.alloc(8)
  length.writeBigUInt64LE(BigInt(header.length))
  return Buffer.concat([length, Buffer.from(header), Buffer.alloc(16)])
}
