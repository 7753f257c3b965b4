import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { checkManifest } from '../../src/check.ts'
import { main } from '../../src/cli.ts'
import { execFileSync } from 'node:child_process'
import { commitOf } from '../../src/shard/commit.ts'
import { loadShards, shardFingerprinter } from '../../src/shard/merge.ts'
import { parseShard, shareOf } from '../../src/shard/partition.ts'
import { fixture } from '../support/fixtures.ts'

// the Action's commit would pin the files (no times compared): these tests are of the command line
delete process.env.GITHUB_SHA
const ws = mkdtempSync(join(tmpdir(), 'ckpt-shards-'))
after(() => rmSync(ws, { recursive: true, force: true }))
cpSync(fixture('cases'), join(ws, 'c'), { recursive: true })
cpSync('examples/okvqa', join(ws, 'okvqa'), { recursive: true })

/** The weight-case corpus as one fleet: roots with differing records, children, twins, run folders. */
const children: Record<string, string> = {
  fleet_0: 'fleet_parent', fleet_1: 'fleet_parent', fleet_2: 'fleet_parent', fleet_3: 'fleet_parent', fleet_4: 'fleet_parent',
  fleet_5: 'fleet_parent', lineage_child: 'lineage_declared', encoder_child: 'encoder_parent', drop_child: 'drop_parent',
  disjoint_child: 'disjoint_parent', tiny_child: 'tiny_p1', dup_0: 'dup_base',
}
const files = ['fleet_parent.pt', ...Object.keys(children).map(c => `${c}.pt`), 'lineage_declared.pt', 'lineage_other.pt',
  'encoder_parent.pt', 'drop_parent.pt', 'disjoint_parent.pt', 'disjoint_root.pt', 'tiny_p1.pt', 'tiny_p2.pt', 'dup_base.pt',
  'dup_1.pt', 'hf.bin', 'small_fp32.pt', 'nan_fp32.pt', 'nan_same.pt', 'arch_a.pt', 'arch_b.pt', 'hf_run', 'lightning_run',
  'quantized.pt', 'no_tensors.pt', 'backbone_child.ckpt', 'backbone_only.pt']
const corpus = ['version: 1', 'root: c', 'checks: {fail_on: [kl_beta], weights: always}', 'experiments:',
  ...files.flatMap((file, i) => {
    const name = file.replace(/\.\w+$/, '')
    const parent = children[name]
    return [`  ${name}:`, `    checkpoint: ${file}`, `    hparams: {kl_beta: ${i / 100}}`,
      ...(parent !== undefined ? [`    parent: ${parent}`] : []),
      ...(name === 'encoder_child' ? ['    frozen: ["encoder.layer1.*"]'] : []),
      ...(name === 'hf' ? ['    twins: [hf_twin.bin]'] : []), ...(name === 'small_fp32' ? ['    twins: [small_fp16.pt]'] : [])]
  })].join('\n') + '\n'
writeFileSync(join(ws, 'corpus.yml'), corpus)

async function cli(...args: string[]): Promise<{ code: number, out: string, err: string }> {
  let [out, err] = ['', '']
  const code = await main(args, t => { out += t }, t => { err += t })
  return { code, out, err }
}
const findingSet = (file: string): string[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as { findings: object[] }).findings.map(f => JSON.stringify(f)).sort()

for (const [label, manifest, n] of [['the test corpus', 'corpus.yml', 4], ['the okvqa example', 'okvqa/ckpt-audit.yml', 3]] as const) {
  test(`merge of ${n} shards equals one check on ${label}: findings as sets, same exit code, every fingerprint from a shard`, async () => {
    const m = join(ws, manifest)
    const single = await cli('check', m, '--no-cache', '--json', join(ws, `${n}-single.json`))
    const shards = Array.from({ length: n }, (_, i) => join(ws, `${label.length}-shard-${i + 1}.json`))
    for (const [i, file] of shards.entries()) assert.equal((await cli('check', m, '--no-cache', '--shard', `${i + 1}/${n}`, '--json', file)).code, 0)
    const merged = await cli('merge', ...shards, '--json', join(ws, `${n}-merged.json`))
    assert.equal(merged.code, single.code, merged.err)
    assert.deepEqual(findingSet(join(ws, `${n}-merged.json`)), findingSet(join(ws, `${n}-single.json`)))
    assert.ok(findingSet(join(ws, `${n}-single.json`)).length > 0)
    // the merge read no tensor bytes for fingerprints: a fallback would throw
    const loaded = await loadShards(shards, JSON.parse(readFileSync('package.json', 'utf8')).version)
    const noFallback = (root: string) => shardFingerprinter(loaded.reports, root, async c => { throw new Error(`no shard fingerprinted ${c.path}`) })
    const strict = await checkManifest(m, { fingerprints: noFallback })
    assert.deepEqual(strict.findings.map(f => JSON.stringify(f)).sort(), findingSet(join(ws, `${n}-single.json`)))
  })
}

test('merge refuses a shard of another manifest text, another tool version, a missing or doubled shard', async () => {
  const m = join(ws, 'okvqa/ckpt-audit.yml')
  const [a, b] = [join(ws, 'r-1.json'), join(ws, 'r-2.json')]
  await cli('check', m, '--no-cache', '--shard', '1/2', '--json', a)
  await cli('check', m, '--no-cache', '--shard', '2/2', '--json', b)
  assert.match((await cli('merge', a)).err, /shard 2\/2 missing/)
  assert.match((await cli('merge', a, a)).err, /both shard 1\/2/)
  const doc = JSON.parse(readFileSync(b, 'utf8')) as Record<string, unknown>
  writeFileSync(b, JSON.stringify({ ...doc, tool_version: '0.0.0-other' }))
  const version = await cli('merge', a, b)
  assert.equal(version.code, 2)
  assert.match(version.err, /written by ckpt-audit 0\.0\.0-other/)
  writeFileSync(b, JSON.stringify(doc))
  writeFileSync(m, readFileSync(m, 'utf8') + '# edited after the shards ran\n')
  const other = await cli('merge', a, b)
  assert.equal(other.code, 2)
  assert.match(other.err, /written for another manifest/)
  assert.match((await cli('merge', join(ws, 'corpus.yml'))).err, /not JSON|not a shard report/)
})

test('shares: every experiment in exactly one shard, balanced by size, stable', () => {
  const items = Array.from({ length: 32 }, (_, i) => ({ name: `e${i}`, bytes: (i % 5 + 1) * 100 }))
  const shares = [1, 2, 3, 4].map(i => shareOf(items, parseShard(`${i}/4`)))
  assert.deepEqual(shares.flat().sort(), items.map(x => x.name).sort())
  const loads = shares.map(s => s.reduce((sum, n) => sum + items.find(x => x.name === n)!.bytes, 0))
  assert.ok(Math.max(...loads) - Math.min(...loads) <= 500, String(loads))
  assert.deepEqual(shareOf([...items].reverse(), parseShard('2/4')), shares[1])
  assert.throws(() => parseShard('0/4'), /1 ≤ I ≤ N/)
  assert.throws(() => parseShard('5/4'), /1 ≤ I ≤ N/)
})

test('merge fingerprints again a file rewritten since its shard read it (same size), and refuses shards of other commits', async () => {
  const m = join(ws, 'corpus.yml')
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string
  const [a, b] = [join(ws, 'c-1.json'), join(ws, 'c-2.json')]
  assert.equal((await cli('check', m, '--no-cache', '--shard', '1/2', '--json', a)).code, 0)
  assert.equal((await cli('check', m, '--no-cache', '--shard', '2/2', '--json', b)).code, 0)
  const rewritten = join(ws, 'c/dup_1.pt')
  // the same bytes written again: same size, new mtime and ctime, as a same-size replacement would have
  writeFileSync(rewritten, readFileSync(rewritten))
  const loaded = await loadShards([a, b], version)
  const again: string[] = []
  const fallback = (root: string) => shardFingerprinter(loaded.reports, root, async c => {
    again.push(c.path)
    const { fingerprintCheckpoint } = await import('../../src/fingerprint/fingerprint-checkpoint.ts')
    return fingerprintCheckpoint(c)
  })
  await checkManifest(m, { fingerprints: fallback })
  assert.deepEqual(again, [rewritten])
  // a shard of another commit
  const doc = JSON.parse(readFileSync(b, 'utf8')) as Record<string, unknown>
  writeFileSync(b, JSON.stringify({ ...doc, commit: { sha: 'a'.repeat(40), dirty: false, source: 'git' } }))
  const other = await cli('merge', a, b)
  assert.equal(other.code, 2)
  assert.match(other.err, /ran on commit aaaaaaaaaaaa, .* on no git commit: run every shard on one commit/)
  writeFileSync(b, JSON.stringify(doc))
})

test('the commit of a git checkout: HEAD and whether the worktree has changes; GITHUB_SHA in the Action', async () => {
  const repo = join(ws, 'repo')
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' })
  execFileSync('mkdir', ['-p', repo])
  git('init', '-q')
  writeFileSync(join(repo, 'm.yml'), 'version: 1\n')
  git('add', 'm.yml')
  git('commit', '-qm', 'one')
  const head = git('rev-parse', 'HEAD').trim()
  assert.deepEqual(await commitOf(repo, {}), { sha: head, dirty: false, source: 'git' })
  writeFileSync(join(repo, 'm.yml'), 'version: 1\n# edited\n')
  assert.deepEqual(await commitOf(repo, {}), { sha: head, dirty: true, source: 'git' })
  assert.deepEqual(await commitOf(repo, { GITHUB_SHA: 'b'.repeat(40) }), { sha: 'b'.repeat(40), dirty: true, source: 'github' })
  assert.deepEqual(await commitOf(join(ws, 'okvqa'), {}), { sha: null, dirty: false, source: 'none' })
})

test('--shard with a huge N or I is a usage error (exit 2, no stack trace); 1000 shards partition without recursion', async () => {
  const m = join(ws, 'corpus.yml')
  for (const spec of ['300000/300000', '99999999999999999999/99999999999999999999', '1/1001']) {
    const r = await cli('check', m, '--no-cache', '--shard', spec, '--json', join(ws, 'huge.json'))
    assert.equal(r.code, 2, spec)
    assert.match(r.err, /--shard/)
    assert.doesNotMatch(r.err, /\n\s+at |Maximum call stack|Invalid array length/)
  }
  const items = Array.from({ length: 3000 }, (_, i) => ({ name: `e${i}`, bytes: i }))
  for (const i of [1, 500, 1000]) assert.equal(shareOf(items, parseShard(`${i}/1000`)).length, 3)
})

test('shards of one commit merge whatever their uncommitted changes (a report written into the worktree dirties the next shard)', async () => {
  const m = join(ws, 'okvqa/ckpt-audit.yml')
  const [a, b] = [join(ws, 'd-1.json'), join(ws, 'd-2.json')]
  await cli('check', m, '--no-cache', '--shard', '1/2', '--json', a)
  await cli('check', m, '--no-cache', '--shard', '2/2', '--json', b)
  const sha = 'c'.repeat(40)
  for (const [file, dirty] of [[a, false], [b, true]] as const) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({ ...doc, commit: { sha, dirty, source: 'git' } }))
  }
  const merged = await cli('merge', a, b, '--json', join(ws, 'd-merged.json'))
  assert.notEqual(merged.code, 2, merged.err)
})
