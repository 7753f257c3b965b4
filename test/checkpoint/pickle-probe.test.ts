import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { expectedOf, fixture } from '../support/fixtures.ts'

const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-probe-'))
after(() => rmSync(work, { recursive: true, force: true }))

const encode = (text: string) => new TextEncoder().encode(text)

// files that start with a byte that is also a pickle opcode, but are not pickles
const notPickles: Array<[string, Uint8Array]> = [
  ['style.pt', encode('.header { color: red }\n')], // '.' is STOP, on an empty stack
  ['notes.pkl', encode('(draft) notes about the run\n')], // MARK, then ')' EMPTY_TUPLE, then 'd' DICT of an odd item count
  ['README.bin', encode('Notes: this is not a pickle\n')], // NONE, then OBJ without a MARK
  ['config.pt', encode('}{"lr": 0.1}\n')],
]

for (const [name, bytes] of notPickles) {
  test(`${name} starting with ${JSON.stringify(String.fromCharCode(bytes[0]!))} is not called a pickle`, async () => {
    const path = join(work, name)
    writeFileSync(path, bytes)
    const result = await inspectPath(path)
    assert.equal(result.error?.reason, 'not-a-checkpoint', JSON.stringify(result.error))
  })
}

test('a protocol 0 pickle with an unusual first opcode and name is read', async () => {
  const path = join(work, 'hparams.data')
  writeFileSync(path, encode("(dp0\nS'lr'\np1\nF0.001\nsS'kl_beta'\np2\nF0.15\ns."))
  const result = await inspectPath(path)
  assert.equal(result.error, null)
  assert.equal(result.format, 'pickle')
  assert.equal(result.hparams.kl_beta?.value, 0.15)
})

test('a pickle of a single LONG (protocol 0) is read, whatever its size', async () => {
  const path = join(work, 'long.data')
  writeFileSync(path, encode(`L${'7'.repeat(200)}L\n.`))
  const result = await inspectPath(path)
  assert.equal(result.error, null)
  assert.equal(result.format, 'pickle')
})

test('bytes after a plain pickle: the notice says whether they were pickles', async () => {
  const path = join(work, 'trailing.pkl')
  writeFileSync(path, Uint8Array.from([0x80, 0x02, 0x7d, 0x2e, ...encode('Notes: not a pickle')]))
  assert.match((await inspectPath(path)).notices.join('\n'), /follow the first pickle's STOP opcode: they do not parse as a pickle/)
  writeFileSync(path, Uint8Array.from([0x80, 0x02, 0x7d, 0x2e, ...encode('N.N.')]))
  assert.match((await inspectPath(path)).notices.join('\n'), /2 further pickle\(s\) scanned/)
})

test('more stacked pickles than are scanned: the file fails closed', async () => {
  const path = join(work, 'stacked.pkl')
  writeFileSync(path, encode('N.'.repeat(1002)))
  assert.equal((await inspectPath(path)).error?.reason, 'too-large')
})

test('a legacy torch.save file at pickle protocol 1 (no PROTO opcode; written by torch 1.13) is read as legacy', async () => {
  const expected = expectedOf<Record<string, { kl_beta: number, lr: number, epoch: number, tensors: Record<string, unknown>, first_bytes: string }>>('legacy-protocols')['legacy_protocol1.pt']!
  assert.match(expected.first_bytes, /^L119547037146038801333356L\n/, 'the magic number is a text LONG')
  const result = await inspectPath(fixture('legacy-protocols/legacy_protocol1.pt'))
  assert.equal(result.error, null)
  assert.equal(result.format, 'torch-legacy')
  assert.equal(result.hparams.kl_beta?.value, expected.kl_beta)
  assert.equal(result.hparams.lr?.value, expected.lr)
  assert.equal(result.hparams.epoch?.value, expected.epoch)
  assert.equal(result.tensors.count, Object.keys(expected.tensors).length)
})
