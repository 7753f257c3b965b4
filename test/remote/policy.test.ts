import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError } from '../../src/checkpoint/errors.ts'
import { isLoopbackHost, joinAddress, parseAddress } from '../../src/checkpoint/remote/address.ts'
import { hfTarget } from '../../src/checkpoint/remote/hf.ts'
import { lfsAuthorization, parseLfsPointer, remoteToLfs } from '../../src/checkpoint/remote/lfs.ts'
import { openRemote } from '../../src/checkpoint/remote/open-remote.ts'
import { remoteEnvironment } from '../../src/github/remote-env.ts'
import { startNginx, type Nginx } from '../support/servers.ts'

let nginx: Nginx
let root: string
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'ckpt-policy-'))
  writeFileSync(join(root, 'a.bin'), new Uint8Array(1000))
  nginx = await startNginx(root)
})
after(async () => {
  await nginx.stop()
  rmSync(root, { recursive: true, force: true })
})

async function refused(promise: Promise<unknown>): Promise<CheckpointError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  assert.ok(error instanceof CheckpointError && error.reason === 'refused', String(error))
  return error
}

test('addresses: https, hf, s3 parse; plain http only on loopback; credentials in URLs refused', () => {
  assert.equal((parseAddress('https://example.com/m/a.pt') as { kind: string }).kind, 'https')
  assert.match((parseAddress('http://example.com/a.pt') as { problem: string }).problem, /only https/)
  assert.equal((parseAddress('http://127.0.0.1:8080/a.pt') as { kind: string }).kind, 'https')
  assert.match((parseAddress('https://user:secret@example.com/a.pt') as { problem: string }).problem, /credentials/)
  assert.doesNotMatch((parseAddress('https://user:secret@example.com/a.pt') as { problem: string }).problem, /secret/)
  assert.deepEqual(parseAddress('hf://datasets/org/data@v2/dir/file.safetensors'),
    { kind: 'hf', written: 'hf://datasets/org/data@v2/dir/file.safetensors', dataset: true, repo: 'org/data', revision: 'v2', path: 'dir/file.safetensors' })
  assert.ok('problem' in parseAddress('hf://org/repo'))
  assert.ok('problem' in parseAddress('hf://org/repo/../x'))
  assert.deepEqual(parseAddress('s3://my-bucket/runs/a.pt'), { kind: 's3', written: 's3://my-bucket/runs/a.pt', bucket: 'my-bucket', key: 'runs/a.pt' })
  assert.ok('problem' in parseAddress('s3://B/a.pt'))
  assert.equal(joinAddress('hf://org/repo@main/', './ckpt/a.pt'), 'hf://org/repo@main/ckpt/a.pt')
  assert.ok(typeof joinAddress('hf://org/repo', '../x') !== 'string')
  assert.ok(isLoopbackHost('[::1]') && isLoopbackHost('127.0.0.2') && !isLoopbackHost('127.evil.com'))
})

test('hf: the revision is encoded, datasets get their prefix, the token is bound to the endpoint host', () => {
  const target = hfTarget(parseAddress('hf://datasets/org/data@refs%2Fpr%2F1/a b.pt') as any, { HF_TOKEN: 'hf_x' })
  assert.equal(target.url, 'https://huggingface.co/datasets/org/data/resolve/refs%2Fpr%2F1/a%20b.pt')
  assert.deepEqual(target.credential, { host: 'huggingface.co', headers: { authorization: 'Bearer hf_x' } })
})

test('lfs: pointer, endpoint from the remote, the Action token only for the GitHub host', () => {
  assert.deepEqual(parseLfsPointer(`version https://git-lfs.github.com/spec/v1\noid sha256:${'ab'.repeat(32)}\nsize 12\n`), { oid: 'ab'.repeat(32), size: 12 })
  assert.equal(remoteToLfs('git@github.com:org/repo.git'), 'https://github.com/org/repo.git/info/lfs')
  assert.equal(remoteToLfs('https://x:tok@github.com/org/repo'), 'https://github.com/org/repo.git/info/lfs')
  assert.match(lfsAuthorization({ GITHUB_TOKEN: 't' }, 'https://github.com/org/repo.git/info/lfs').authorization!, /^Basic /)
  // a .lfsconfig in the pull request pointing elsewhere never receives the workflow token, nor the explicit credential
  assert.equal(lfsAuthorization({ GITHUB_TOKEN: 't' }, 'https://evil.example/info/lfs').authorization, undefined)
  const withheld = lfsAuthorization({ CKPT_AUDIT_LFS_AUTHORIZATION: 'Bearer x' }, 'https://evil.example/info/lfs')
  assert.equal(withheld.authorization, undefined)
  assert.match(withheld.withheld!, /CKPT_AUDIT_LFS_AUTHORIZATION was not sent to the LFS endpoint evil\.example/)
  assert.equal(lfsAuthorization({ CKPT_AUDIT_LFS_AUTHORIZATION: 'Bearer x', CKPT_AUDIT_LFS_HOST: 'lfs.corp.example' }, 'https://lfs.corp.example/info/lfs').authorization, 'Bearer x')
})

test('remote: deny refuses every address before any request', async () => {
  const count = nginx.log().length
  await refused(openRemote(`${nginx.origin}/a.bin`, { CKPT_AUDIT_REMOTE: 'deny' }))
  assert.equal(nginx.log().length, count)
})

test('a host allowlist refuses other hosts, before any request', async () => {
  const count = nginx.log().length
  await refused(openRemote(`${nginx.origin}/a.bin`, { CKPT_AUDIT_REMOTE_HOSTS: 'huggingface.co' }))
  assert.equal(nginx.log().length, count)
  assert.equal((await openRemote(`${nginx.origin}/a.bin`, { CKPT_AUDIT_REMOTE_HOSTS: 'huggingface.co,127.0.0.1' })).size, 1000)
})

test('a redirect to plain http on another host is refused (no downgrade except on loopback)', async () => {
  const error = await refused(openRemote(`${nginx.origin}/downgrade/x.pt`, {}, { retries: 0 }))
  assert.match(error.message, /refused a redirect .* to http:\/\/downgrade\.invalid/)
})

test('the Action maps remote: deny to no remote reads and no LFS batch requests', () => {
  assert.deepEqual(remoteEnvironment({ remote: 'deny', remoteHosts: [], token: '' }, {}), { CKPT_AUDIT_REMOTE: 'deny', CKPT_AUDIT_REMOTE_HOSTS: '', CKPT_AUDIT_LFS: 'off' })
  assert.equal(remoteEnvironment({ remote: 'allow', remoteHosts: ['a.b'], token: 'tok' }, {}).CKPT_AUDIT_LFS, 'batch')
})
