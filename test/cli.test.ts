import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { main } from '../src/cli.ts'
import { fixture } from './support/fixtures.ts'

async function cli(...argv: string[]): Promise<{ code: number, out: string, err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, t => { out += t }, t => { err += t })
  return { code, out, err }
}

test('inspect --json prints exactly the DESIGN §6 shape', async () => {
  const { code, out } = await cli('inspect', fixture('torch113/grpo.epoch1.pt'), '--json')
  assert.equal(code, 0)
  const doc = JSON.parse(out)
  assert.deepEqual(Object.keys(doc), ['path', 'format', 'size_bytes', 'hparams', 'metadata', 'tensors', 'globals', 'unsafe_globals', 'notices', 'error'])
  assert.deepEqual(doc.hparams.kl_beta, { value: 0.1, source: 'args.KL_BETA' })
  assert.deepEqual(doc.hparams.epoch, { value: 0, source: 'epoch' })
  assert.equal(doc.metadata['args.DATA_FILE'], 'rl_data_k64_v3.json')
  assert.deepEqual(Object.keys(doc.tensors), ['count', 'elements', 'bytes', 'dtypes'])
  assert.ok(doc.globals.includes('argparse.Namespace'))
  assert.deepEqual(doc.unsafe_globals, [])
  assert.equal(doc.error, null)
})

test('inspect human output names the hyperparameters and their sources', async () => {
  const { code, out } = await cli('inspect', fixture('torch113/grpo.epoch1.pt'))
  assert.equal(code, 0)
  assert.match(out, /kl_beta\s+0\.1\s+args\.KL_BETA/)
  assert.match(out, /Tensors: 12 \(338 elements/)
})

test('inspect of an unreadable file: JSON alone on stdout, exit 1', async () => {
  const { code, out } = await cli('inspect', '--json', fixture('broken/lfs-pointer.pt'))
  assert.equal(code, 1)
  const doc = JSON.parse(out)
  assert.equal(doc.error.reason, 'lfs-pointer')
  assert.equal(doc.format, null)
})

test('inspect of a hostile file: exit 1 and the unsafe global named', async () => {
  const { code, out } = await cli('inspect', fixture('hostile/process--posix-system.pkl'))
  assert.equal(code, 1)
  assert.match(out, /UNSAFE globals .*posix\.system/)
})

test('usage errors exit 2', async () => {
  assert.equal((await cli()).code, 2)
  assert.equal((await cli('frobnicate')).code, 2)
  assert.equal((await cli('inspect')).code, 2)
  assert.equal((await cli('inspect', 'a', '--bogus')).code, 2)
})

test('the bundled dist/cli.js runs on this Node and prints the same JSON', () => {
  const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
  const run = spawnSync(process.execPath, [cliPath, 'inspect', '--json', fixture('modern/lightning.ckpt')], { encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
  assert.equal(JSON.parse(run.stdout).hparams.kl_beta.value, 0.1)
})
