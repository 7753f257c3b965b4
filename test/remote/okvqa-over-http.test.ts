import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { main } from '../../src/cli.ts'
import { startNginx, type Nginx } from '../support/servers.ts'

const EXAMPLE = fileURLToPath(new URL('../../examples/okvqa/', import.meta.url))
let nginx: Nginx
let work: string

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'ckpt-okvqa-'))
  cpSync(EXAMPLE, work, { recursive: true })
  chmodSync(work, 0o755) // nginx's workers (nobody, when the tests run as root) must traverse it
  nginx = await startNginx(join(work, 'results', 'okvqa'))
})
after(async () => {
  await nginx.stop()
  rmSync(work, { recursive: true, force: true })
})

async function checkJson(manifest: string): Promise<{ code: number, report: any }> {
  let text = ''
  const code = await main(['check', manifest, '--json', '-'], t => { text += t })
  return { code, report: JSON.parse(text) }
}

test('check of the okvqa example with root: http://… gives the local report, weights included', async () => {
  const local = await checkJson(join(work, 'ckpt-audit.yml'))
  const remoteManifest = join(work, 'ckpt-audit.remote.yml')
  writeFileSync(remoteManifest, readFileSync(join(work, 'ckpt-audit.yml'), 'utf8').replace('root: results/okvqa/model_cpk', `root: ${nginx.origin}/model_cpk`))
  const remote = await checkJson(remoteManifest)
  assert.equal(remote.code, local.code)
  assert.equal(local.code, 1)
  // the manifest file name differs; every finding, value, pair and verdict is the same
  const normalise = (report: any) => JSON.parse(JSON.stringify(report).replaceAll('ckpt-audit.remote.yml', 'ckpt-audit.yml'))
  assert.deepEqual(normalise(remote.report), normalise(local.report))
  assert.ok(remote.report.pairs.length > 0, 'weights were compared over HTTP')
  const lines = nginx.log()
  assert.ok(lines.length > 0 && lines.every(line => / 206 /.test(line)), 'only range requests')
})

test('a remote address with a bad syntax is a manifest error at its line and column', async () => {
  const manifest = join(work, 'bad.yml')
  writeFileSync(manifest, 'version: 1\nexperiments:\n  a:\n    checkpoint: http://example.com/a.pt\n  b:\n    checkpoint: hf://only-owner/x\n')
  let text = ''
  const code = await main(['check', manifest], t => { text += t }, t => { text += t })
  assert.equal(code, 2)
  assert.match(text, /bad\.yml:4:17: .*plain http; only https/)
  assert.match(text, /bad\.yml:6:17: .*expected hf:\/\/\[datasets\/\]OWNER\/REPO/)
})

test('diff streams remote tensors: http vs local gives the local-vs-local numbers', async () => {
  const a = 'kl012_frozen/grpo_epoch1.pt'
  const b = 'kl015_unfrozen/grpo_epoch1.pt'
  const local = join(work, 'results', 'okvqa', 'model_cpk')
  const run = async (x: string, y: string) => {
    let text = ''
    const code = await main(['diff', x, y, '--json'], t => { text += t })
    const { a: _a, b: _b, ...rest } = JSON.parse(text)
    return { code, rest }
  }
  const expected = await run(join(local, a), join(local, b))
  assert.ok(expected.rest.mean_abs_diff > 0)
  assert.deepEqual(await run(`${nginx.origin}/model_cpk/${a}`, join(local, b)), expected)
  assert.deepEqual(await run(`${nginx.origin}/model_cpk/${a}`, `${nginx.origin}/model_cpk/${b}`), expected)
})

test('a sha256 pin of a remote object: verified by reading it whole, and the report says so', async () => {
  const file = join(work, 'results', 'okvqa', 'model_cpk', 'rce', 'rce_epoch2.pt')
  const good = createHash('sha256').update(readFileSync(file)).digest('hex')
  const manifest = join(work, 'pin.yml')
  const write = (pin: string) => writeFileSync(manifest, `version: 1\nexperiments:\n  a:\n    checkpoint: ${nginx.origin}/model_cpk/rce/rce_epoch2.pt\n    sha256: "${pin}"\n`)
  write(good)
  const ok = await checkJson(manifest)
  assert.deepEqual(ok.report.findings.map((f: any) => [f.code, f.severity, f.message]),
    [['sha256-verified', 'notice', `${nginx.origin}/model_cpk/rce/rce_epoch2.pt: sha256 pin verified (reading the whole object)`]])
  write('0'.repeat(64))
  const bad = await checkJson(manifest)
  assert.equal(bad.code, 1)
  assert.match(bad.report.findings[0].message, new RegExp(`has sha256 ${good} \\(reading the whole object\\), the manifest pins 0{64}`))
})
