/** Surveying many files: `inspect PATH...` as one table, `--keys`, and `diff`'s stored hyperparameters. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cli } from './support/cli.ts'
import { fixture } from './support/fixtures.ts'

const model = 'examples/okvqa/results/okvqa/model_cpk'

test('inspect PATH...: one row per file, a column per canonical key, in the canonical order', async () => {
  const r = await cli('inspect', `${model}/kl012/rce_epoch5.pt`, `${model}/kl018_frozen/grpo_epoch1.pt`, fixture('broken/empty.pt'))
  assert.equal(r.code, 1, 'an unreadable file makes the exit code 1, as for one file')
  const [head, rce, kl018, empty] = r.out.split('\n')
  assert.match(head!, /^file\s+kl_beta\s+lr\s+epoch\s+phase$/)
  assert.match(rce!, /rce_epoch5\.pt\s+-\s+1e-4\s+4\s+rce$/)
  assert.match(kl018!, /grpo_epoch1\.pt\s+0\.18000000715255737\s+5e-6\s+0\s+grpo$/)
  assert.match(empty!, /empty\.pt\s+unreadable \(empty\)/)
  const json = await cli('inspect', `${model}/kl012/rce_epoch5.pt`, `${model}/rce/rce_epoch2.pt`, '--json')
  const doc = JSON.parse(json.out)
  assert.ok(Array.isArray(doc) && doc.length === 2 && doc[1].hparams.epoch.value === 1)
})

test('inspect --keys takes any spelling; an unknown key is an error, not an empty column', async () => {
  const r = await cli('inspect', `${model}/kl012_frozen/grpo_epoch1.pt`, '--keys', 'KL_BETA,learning_rate')
  assert.equal(r.code, 0)
  assert.match(r.out, /^file\s+kl_beta\s+lr\n.*grpo_epoch1\.pt\s+0\.12\s+5e-6\n$/)
  const bad = await cli('inspect', `${model}/kl012_frozen/grpo_epoch1.pt`, '--keys', 'kl_bta')
  assert.equal(bad.code, 2)
  assert.match(bad.err, /--keys: 'kl_bta' is no key inspect reports; did you mean 'kl_beta'\?/)
})

test('diff compares the stored hyperparameters above the weights (text and JSON)', async () => {
  const a = `${model}/kl012_frozen/grpo_epoch1.pt`
  const b = `${model}/v3_k64_grpo/grpo_epoch1_v2format.ckpt`
  const text = await cli('diff', a, b)
  assert.match(text.out, /^hyperparameters\n {2}key\s+A\s+B\n {2}kl_beta\s+0\.12 \(args\.KL_BETA\)\s+0\.1 \(hyper_parameters\.args\.KL_BETA\)\s+DIFFERENT\n/)
  assert.match(text.out, /phase\s+grpo \(phase\)\s+grpo \(phase\)\s+same/)
  const json = JSON.parse((await cli('diff', a, b, '--json')).out)
  assert.deepEqual(json.hparams.find((h: { key: string }) => h.key === 'kl_beta'),
    { key: 'kl_beta', a: 0.12, b: 0.1, a_source: 'args.KL_BETA', b_source: 'hyper_parameters.args.KL_BETA', equal: false })
})

test('diff: a pickle that names code-running globals is reported and exits 1; an infinite distance is "inf" in JSON', async () => {
  const hostile = fixture('hostile/container--raw-pickle-named-pt.pt')
  const text = await cli('diff', hostile, hostile)
  assert.equal(text.code, 1)
  assert.match(text.out, /^warning: .*(system|exec|eval)/m)
  const json = JSON.parse((await cli('diff', hostile, hostile, '--json')).out)
  assert.ok(json.unsafe_globals.length > 0)
  const inf = JSON.parse((await cli('diff', fixture('cases/inf_a.pt'), fixture('cases/inf_b.pt'), '--json')).out)
  assert.equal(inf.mean_abs_diff, 'inf', 'null means "no floating tensors in common", not infinity')
})
