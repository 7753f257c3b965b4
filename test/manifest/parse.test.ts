import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { ManifestError } from '../../src/manifest/errors.ts'
import { loadManifest, parseManifest } from '../../src/manifest/parse.ts'

const workspace = mkdtempSync(join(tmpdir(), 'ckpt-audit-ws-'))
mkdirSync(join(workspace, 'ckpts'))
writeFileSync(join(workspace, 'ckpts', 'a.pt'), 'x')
writeFileSync(join(workspace, 'ckpts', 'b.pt'), 'x')
const file = join(workspace, 'ckpt-audit.yml')

function problems(text: string): string[] {
  try {
    parseManifest(text, file, workspace)
  } catch (error) {
    assert.ok(error instanceof ManifestError, String(error))
    return error.problems.map(p => `${p.location.line}:${p.location.column} ${p.message}`)
  }
  assert.fail('expected a ManifestError')
}
const parse = (text: string) => parseManifest(text, file, workspace)

test('a valid manifest: defaults and recorded locations', () => {
  const m = parse('version: 1\nroot: ckpts\nexperiments:\n  a:\n    checkpoint: a.pt\n    hparams:\n      kl_beta: 0.15\n      data: {value: x.json, at: args.DATA}\n')
  assert.deepEqual(m.checks, { failOn: ['kl_beta'], tolerance: { rel: 1e-6, abs: 0 }, epochBase: 1, weights: 'auto', nearDuplicateRatio: 0.1, unverified: 'notice' })
  const [e] = m.experiments
  assert.equal(e!.checkpoint.resolved, join(workspace, 'ckpts', 'a.pt'))
  assert.deepEqual(e!.hparams.map(h => [h.key, h.value, h.at, h.location.line, h.location.column]), [
    ['kl_beta', 0.15, undefined, 7, 16], ['data', 'x.json', 'args.DATA', 8, 21]])
})

describe('every manifest error names line:column', () => {
  const cases: Array<[string, string, string[]]> = [
    ['unknown top-level key, with a suggestion', 'version: 1\nexperiment:\n  a: {checkpoint: ckpts/a.pt}\n',
      ["1:1 the manifest is missing the required key 'experiments'", "2:1 unknown key 'experiment' in the manifest; did you mean 'experiments'?"]],
    ['unknown experiment key', 'version: 1\nexperiments:\n  a:\n    checkpoint: ckpts/a.pt\n    hparam: {lr: 1}\n',
      ["5:5 unknown key 'hparam' in experiments.a; did you mean 'hparams'?"]],
    ['unknown checks key', 'version: 1\nchecks:\n  failon: [lr]\nexperiments:\n  a: {checkpoint: ckpts/a.pt}\n',
      ["3:3 unknown key 'failon' in checks; did you mean 'fail_on'?"]],
    ['duplicate key', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt}\n  a: {checkpoint: ckpts/b.pt}\n',
      ['4:3 duplicate key: each key may appear once in a mapping']],
    ['wrong type', 'version: 1\nchecks:\n  tolerance: {rel: high}\nexperiments:\n  a: {checkpoint: ckpts/a.pt}\n',
      ['3:20 checks.tolerance.rel must be number, got string "high"']],
    ['wrong choice', 'version: 1\nchecks: {weights: sometimes}\nexperiments:\n  a: {checkpoint: ckpts/a.pt}\n',
      ['2:19 checks.weights must be one of "auto", "always", "never", got string "sometimes"']],
    ['unknown version', 'version: 2\nexperiments:\n  a: {checkpoint: ckpts/a.pt}\n',
      ['1:10 unsupported manifest version 2; this ckpt-audit reads version 1']],
    ['missing checkpoint', 'version: 1\nexperiments:\n  a: {hparams: {lr: 1}}\n',
      ["3:6 experiments.a is missing the required key 'checkpoint'"]],
    ['bad recorded value', 'version: 1\nexperiments:\n  a:\n    checkpoint: ckpts/a.pt\n    hparams: {lr: [1, 2], kl: {at: x}}\n',
      ["5:31 experiments.a.hparams.kl is missing the required key 'value'"]],
    ['.inf, .nan and numbers that overflow are refused unless quoted',
      'version: 1\nexperiments:\n  a:\n    checkpoint: ckpts/a.pt\n    hparams: {lr: .inf, kl_beta: .nan, seed: 1e400, ok: ".inf"}\n',
      ['5:19 experiments.a.hparams.lr: .inf is not a finite number; quote it (".inf") to compare it as written',
       '5:34 experiments.a.hparams.kl_beta: .nan is not a finite number; quote it (".nan") to compare it as written',
       '5:46 experiments.a.hparams.seed: 1e400 is too large for a number; quote it ("1e400") to compare it as written']],
    ['YAML 1.1 booleans are refused', 'version: 1\nexperiments:\n  a:\n    checkpoint: ckpts/a.pt\n    hparams: {frozen_backbone: yes, flag: "no"}\n    metrics: {m: off}\n',
      ["5:32 experiments.a.hparams.frozen_backbone: 'yes' is a string in YAML 1.2, not a boolean; write true or false (or quote it to mean the string)",
       "6:18 experiments.a.metrics.m: 'off' is a string in YAML 1.2, not a boolean; write true or false (or quote it to mean the string)"]],
    ['two recorded keys that are one key', 'version: 1\nexperiments:\n  a:\n    checkpoint: ckpts/a.pt\n    hparams:\n      kl_beta: 0.1\n      KL_BETA: 0.15\n      kl-coef: 0.2\n',
      ["6:16 experiments.a.hparams: 'kl_beta' (line 6) and 'KL_BETA' (line 7) are the same key kl_beta; keep one",
       "6:16 experiments.a.hparams: 'kl_beta' (line 6) and 'kl-coef' (line 8) are the same key kl_beta; keep one",
       "7:16 experiments.a.hparams: 'kl_beta' (line 6) and 'KL_BETA' (line 7) are the same key kl_beta; keep one",
       "8:16 experiments.a.hparams: 'kl_beta' (line 6) and 'kl-coef' (line 8) are the same key kl_beta; keep one"]],
    ['a fail_on typo is an error, not a gate switched off', 'version: 1\nchecks: {fail_on: [kl_bta, KL_BETA, lr]}\nexperiments:\n  a: {checkpoint: ckpts/a.pt}\n',
      ["2:20 fail_on entry 'kl_bta' names no known key and no key any experiment records, so it would never fail the build; did you mean 'kl_beta'?"]],
    ['an alias that already names another key', 'version: 1\naliases:\n  kl_beta: [learning_rate]\nexperiments:\n  a: {checkpoint: ckpts/a.pt}\n',
      ["3:3 alias 'learning_rate' of kl_beta already names lr; one stored name cannot stand for two keys"]],
    ['bad sha256', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt, sha256: abc}\n',
      ['3:39 experiments.a.sha256 must be 64 hexadecimal digits (a sha256), got string "abc"']],
    ['parent that is nothing', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt, parent: bb}\n  b: {checkpoint: ckpts/b.pt}\n',
      ["3:39 parent 'bb' is neither an experiment nor a file; did you mean 'b'?"]],
    ['twin that is nothing', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt, twins: [ckpts/zz.pt]}\n',
      []],
    ['own parent', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt, parent: a}\n',
      ["3:39 experiment 'a' cannot be its own parent"]],
    ['parent loop', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt, parent: b}\n  b: {checkpoint: ckpts/b.pt, parent: a}\n',
      ["3:39 parent chain of 'a' loops back to 'a'", "4:39 parent chain of 'b' loops back to 'b'"]],
    ['frozen without parent', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt, frozen: [x.*]}\n',
      ["3:31 frozen compares tensors with the parent's, but experiment 'a' has no parent"]],
    ['absolute path', 'version: 1\nexperiments:\n  a: {checkpoint: /etc/passwd}\n',
      ["3:19 experiments.a.checkpoint: '/etc/passwd' is an absolute path; write it relative to the manifest's root"]],
    ['path out of the workspace', 'version: 1\nexperiments:\n  a: {checkpoint: ../../x.pt}\n',
      [`3:19 experiments.a.checkpoint: '../../x.pt' leaves the workspace (${workspace})`]],
    ['YAML syntax error', 'version: 1\nexperiments:\n  a: {checkpoint: ckpts/a.pt\n', ['4:1 Flow map in block collection must be sufficiently indented and end with a }']],
    ['all problems at once', 'version: 1\nchecks: {weights: x, epoch_base: 2}\nexperiments:\n  a: {checkpoint: ckpts/a.pt, bogus: 1}\n',
      ['2:19 checks.weights must be one of "auto", "always", "never", got string "x"',
       '2:34 checks.epoch_base must be one of 0, 1, got number 2', "4:31 unknown key 'bogus' in experiments.a; expected one of: checkpoint, twins, parent, frozen, trained, sha256, epoch_base, records, hparams, metrics"]],
  ]
  for (const [what, text, expected] of cases) {
    test(what, () => {
      const got = problems(text)
      if (what === 'twin that is nothing') {
        assert.equal(got.length, 1)
        assert.match(got[0]!, /^3:39 twin 'ckpts\/zz.pt' is neither an experiment nor a file in root '.'$/)
        return
      }
      assert.deepEqual(got, expected)
    })
  }
})

test('a symbolic link out of the workspace is refused', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ckpt-audit-outside-'))
  writeFileSync(join(outside, 'secret.pt'), 'x')
  symlinkSync(join(outside, 'secret.pt'), join(workspace, 'ckpts', 'link.pt'))
  const got = problems('version: 1\nexperiments:\n  a: {checkpoint: ckpts/link.pt}\n')
  assert.match(got[0]!, /^3:19 experiments\.a\.checkpoint: 'ckpts\/link\.pt' is a symbolic link to .*secret\.pt, outside the workspace$/)
})

test('YAML alias bombs are bounded', () => {
  const bomb = ['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]']
  for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)
  bomb.push('experiments: {}')
  const started = Date.now()
  const got = problems(bomb.join('\n'))
  assert.ok(Date.now() - started < 2000)
  assert.match(got[0]!, /^1:1 YAML aliases expand too much/)
})

test('loadManifest: a missing file is a manifest error (exit 2), not a crash', async () => {
  await assert.rejects(loadManifest(join(workspace, 'nope.yml'), workspace), (e: unknown) => e instanceof ManifestError && /cannot read the manifest: ENOENT/.test(e.message))
})

test('a manifest over 4 MiB is refused before parsing', async () => {
  const path = join(workspace, 'huge.yml')
  writeFileSync(path, `version: 1\n# ${'x'.repeat(4 * 1024 * 1024)}\nexperiments: {}\n`)
  await assert.rejects(loadManifest(path, workspace), (e: unknown) => e instanceof ManifestError && /huge\.yml:1:1: the manifest is 4194\d{3} bytes; the limit is 4194304$/.test(e.message))
})

test('default manifest discovery: ckpt-audit.yml, then .github/ckpt-audit.yml', async () => {
  const { findManifest } = await import('../../src/manifest/paths.ts')
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-find-'))
  assert.equal(findManifest(dir), undefined)
  mkdirSync(join(dir, '.github'))
  writeFileSync(join(dir, '.github', 'ckpt-audit.yml'), 'x')
  assert.equal(findManifest(dir), join(dir, '.github', 'ckpt-audit.yml'))
  writeFileSync(join(dir, 'ckpt-audit.yml'), 'x')
  assert.equal(findManifest(dir), join(dir, 'ckpt-audit.yml'))
})
