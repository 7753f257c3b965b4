import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ManifestError } from '../../src/manifest/errors.ts'
import { loadManifest } from '../../src/manifest/parse.ts'

async function load(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-addr-'))
  try {
    writeFileSync(join(dir, 'm.yml'), text)
    return await loadManifest(join(dir, 'm.yml'), dir, 'm.yml')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function problems(text: string): Promise<string[]> {
  const error = await load(text).then(() => undefined, (e: unknown) => e)
  assert.ok(error instanceof ManifestError, `expected a ManifestError, got ${String(error)}`)
  return error.problems.map(p => `${p.location.line}:${p.location.column}: ${p.message}`)
}

test('a remote root: entries join it, twins and parents are not looked for on disk', async () => {
  const manifest = await load('version: 1\nroot: hf://org/repo@v1\nexperiments:\n  a:\n    checkpoint: runs/a.safetensors\n    twins: [s3://bucket-1/a.pt]\n    parent: https://example.com/p.pt\n')
  const [a] = manifest.experiments
  assert.equal(a!.checkpoint.resolved, 'hf://org/repo@v1/runs/a.safetensors')
  assert.equal(a!.checkpoint.display, 'runs/a.safetensors')
  assert.equal(a!.twins[0]!.resolved, 's3://bucket-1/a.pt')
  assert.equal(a!.parent?.path?.resolved, 'https://example.com/p.pt')
})

test('addresses are checked: .. under a remote root, a bad root, plain http, all at line:column', async () => {
  assert.deepEqual(await problems('version: 1\nroot: hf://org/repo\nexperiments:\n  a:\n    checkpoint: ../x.pt\n'),
    ["5:17: experiments.a.checkpoint: '../x.pt': '..' is not allowed under a remote root"])
  assert.match((await problems('version: 1\nroot: hf://org\nexperiments:\n  a: {checkpoint: x.pt}\n'))[0]!, /^2:7: root: .*expected hf:/)
  assert.match((await problems('version: 1\nexperiments:\n  a:\n    twins: [http://10.0.0.1/a.pt]\n    checkpoint: a.pt\n'))[0]!, /^4:13: twin .*only https/)
})
