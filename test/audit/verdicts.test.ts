/**
 * Issue F: hyperparameter verdicts that used to be wrong, each on files written by real torch
 * (test/fixtures/make_hparam_cases.py, torch 1.13; make_verdict_modern.py, Lightning and
 * transformers on torch 2.x). Each case is first a way the audit could pass when it should fail.
 */
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { auditManifest, type AuditOptions, type AuditResult } from '../../src/audit/audit.ts'
import { fileIO } from '../../src/check.ts'
import { main } from '../../src/cli.ts'
import { parseManifest } from '../../src/manifest/parse.ts'
import { renderReport, verdict } from '../../src/report/markdown.ts'
import { fixture } from '../support/fixtures.ts'

const fixtures = fixture('.')
const modern = JSON.parse(readFileSync(fixture('verdict-modern/expected.json'), 'utf8'))
const cases = JSON.parse(readFileSync(fixture('hparam-cases/expected.json'), 'utf8'))

async function audit(body: string, options: AuditOptions = {}): Promise<AuditResult> {
  return auditManifest(parseManifest(`version: 1\n${body}`, join(fixtures, 'm.yml'), fixtures), fileIO, options)
}
const codes = (r: AuditResult) => r.findings.map(f => `${f.severity}:${f.code}:${f.key ?? ''}`)
const row = (r: AuditResult, key: string, experiment = 0) => r.experiments[experiment]!.hparams.find(h => h.key === key)!

/** The CLI on a manifest in a temporary workspace holding copies of the fixtures. */
async function cli(manifest: string, ...args: string[]): Promise<{ code: number, out: string, err: string }> {
  const ws = mkdtempSync(join(tmpdir(), 'ckpt-audit-verdicts-'))
  cpSync(fixture('hparam-cases'), join(ws, 'hparam-cases'), { recursive: true })
  writeFileSync(join(ws, 'ckpt-audit.yml'), `version: 1\n${manifest}`)
  let out = ''
  let err = ''
  const code = await main(['check', join(ws, 'ckpt-audit.yml'), ...args], t => { out += t }, t => { err += t })
  return { code, out, err }
}

const screaming = 'experiments:\n  run:\n    checkpoint: hparam-cases/screaming.pt\n    hparams:\n      KL_BETA: 0.15\n'

test('KL_BETA: 0.15 written as the training code spells it fails the default gate against stored 0.1', async () => {
  const r = await audit(screaming)
  assert.equal(r.status, 'fail')
  assert.deepEqual(codes(r), ['error:hparam-mismatch:kl_beta'])
  assert.deepEqual([row(r, 'kl_beta').written, row(r, 'kl_beta').stored, row(r, 'kl_beta').source], ['KL_BETA', 0.1, 'args.KL_BETA'])
  assert.match(verdict(r), /^❌ 1 failing key: kl_beta recorded 0\.15, stored 0\.1/)
  assert.doesNotMatch(renderReport(r, { manifest: 'm.yml' }).comment, /✅ ckpt-audit/)
  assert.match(renderReport(r, { manifest: 'm.yml' }).comment, /\| KL\\_BETA \\\(kl\\_beta\\\) \| `0\.15` \| `0\.1` \|/)
  const run = await cli(screaming)
  assert.equal(run.code, 1)
})

test('fail_on and --fail-on accept any spelling of a key; a typo or an empty list is an error (exit 2)', async () => {
  for (const spelling of ['KL_BETA', 'kl-beta', 'klBeta', 'kl_coef'])
    assert.equal((await audit(`checks: {fail_on: [${spelling}]}\n${screaming}`)).status, 'fail', spelling)
  assert.equal((await audit(`checks: {fail_on: [lr, LR, learning_rate]}\n${screaming}`)).checks.failOn.length, 1, 'one key, however spelled')
  assert.throws(() => parseManifest(`version: 1\nchecks: {fail_on: [kl_bta]}\n${screaming}`, join(fixtures, 'm.yml'), fixtures),
    /fail_on entry 'kl_bta' names no known key .*did you mean 'kl_beta'\?/)
  assert.equal((await audit(`checks: {fail_on: []}\n${screaming}`)).status, 'pass', 'fail_on: [] turns the gate off, explicitly')

  assert.equal((await cli(screaming, '--fail-on', 'KL_BETA')).code, 1)
  for (const bad of ['kl_bta', '', ' , '])
    assert.equal((await cli(screaming, '--fail-on', bad)).code, 2, `--fail-on '${bad}'`)
  const typo = await cli(screaming, '--fail-on', 'kl_bta')
  assert.match(typo.err, /--fail-on: entry 'kl_bta' names no known key .*did you mean 'kl_beta'\?/)
  assert.doesNotMatch(typo.err, /\n\s+at /, 'no stack trace')
  assert.match((await cli(screaming, '--fail-on', '')).err, /write checks\.fail_on: \[\] in the manifest/)
  const recordedOnly = await cli(`checks: {fail_on: [data_file]}\n${screaming.replace('KL_BETA: 0.15', 'KL_BETA: 0.15\n      data_file: other.json')}`)
  assert.equal(recordedOnly.code, 1, 'a key no alias knows but an experiment records is a valid gate')
})

test('recorded aliases resolve: kl_coef is kl_beta (gated by default), learning_rate is lr', async () => {
  const r = await audit('experiments:\n  run:\n    checkpoint: hparam-cases/screaming.pt\n    hparams: {kl_coef: 0.15, learning_rate: 1.0e-4}\n')
  assert.deepEqual(codes(r), ['error:hparam-mismatch:kl_beta', 'warning:hparam-mismatch:lr'])
  assert.equal(row(r, 'lr').source, 'args.LR')
})

test('a specific name beats a generic beta wherever each sits; EMA and optimizer betas are never kl_beta', async () => {
  const generic = await audit('experiments:\n  run: {checkpoint: hparam-cases/generic_beta.pt, hparams: {kl_beta: 0.15}}\n')
  assert.deepEqual([generic.status, row(generic, 'kl_beta').source, row(generic, 'kl_beta').status], ['pass', 'args.KL_BETA', 'match'])
  const ema = await audit('experiments:\n  run: {checkpoint: hparam-cases/ema_beta.pt, hparams: {kl_beta: 0.15}}\n')
  assert.deepEqual([ema.status, row(ema, 'kl_beta').source], ['pass', 'hyper_parameters.loss.kl_coeff'])
  const others = await audit('experiments:\n  run: {checkpoint: hparam-cases/only_other_betas.pt, hparams: {kl_beta: 0.999}}\n')
  assert.equal(row(others, 'kl_beta').status, 'missing', 'ema.beta 0.999 is not taken for kl_beta')
  assert.equal(others.status, 'fail', 'a gated key that cannot be found fails')
  // where beta IS the KL coefficient: a TRL GRPOConfig in training_args.bin
  const trl = await audit('experiments:\n  run: {checkpoint: modern/grpo-run, hparams: {kl_beta: 0.04}}\n')
  assert.equal(row(trl, 'kl_beta').source, 'training_args.bin:beta')
  // Lightning's hyper_parameters.kl_coef, from a real Trainer
  const light = await audit('experiments:\n  run: {checkpoint: verdict-modern/lightning/epoch0.ckpt, hparams: {kl_beta: 0.1}}\n')
  assert.deepEqual([light.status, row(light, 'kl_beta').source], ['pass', 'hyper_parameters.kl_coef'])
})

test('a scheduler-lowered lr passes fail_on [lr] when initial_lr equals the record; a current lr alone is never a mismatch', async () => {
  assert.ok(cases['scheduled_lr.pt'].lr < cases['scheduled_lr.pt'].initial_lr, 'the fixture really was scheduled')
  const sgd = await audit('checks: {fail_on: [lr]}\nexperiments:\n  run: {checkpoint: hparam-cases/scheduled_lr.pt, hparams: {lr: 0.1}}\n')
  assert.equal(sgd.status, 'pass')
  assert.equal(row(sgd, 'lr').source, 'optimizer.param_groups.0.initial_lr')
  assert.match(row(sgd, 'lr').note!, /configured initial_lr .*current lr is 0\.0125 \(scheduled\)/)
  const wrong = await audit('checks: {fail_on: [lr]}\nexperiments:\n  run: {checkpoint: hparam-cases/scheduled_lr.pt, hparams: {lr: 0.05}}\n')
  assert.deepEqual(codes(wrong), ['error:hparam-mismatch:lr'], 'a configured value that differs still fails')

  const lightning = modern.lightning['epoch2.ckpt']
  assert.ok(lightning.lr < lightning.initial_lr)
  const light = await audit(`checks: {fail_on: [lr]}\nexperiments:\n  run: {checkpoint: verdict-modern/lightning/epoch2.ckpt, hparams: {lr: ${lightning.initial_lr}}}\n`)
  assert.equal(light.status, 'pass')
  assert.equal(row(light, 'lr').source, 'optimizer_states.0.param_groups.0.initial_lr')

  const current = await audit('experiments:\n  run: {checkpoint: hparam-cases/current_lr_only.pt, hparams: {lr: 0.1}}\n')
  assert.deepEqual(codes(current), ['notice:hparam-missing:lr'])
  assert.match(current.findings[0]!.message, /only the optimizer's current lr 0\.05 .*no initial_lr/)
  const same = await audit('experiments:\n  run: {checkpoint: hparam-cases/current_lr_only.pt, hparams: {lr: 0.05}}\n')
  assert.equal(row(same, 'lr').status, 'match')
})

test('integers compare exactly past 2^53; lists, tuples and mappings element-wise', async () => {
  const run = (hparams: string) => audit(`experiments:\n  run:\n    checkpoint: hparam-cases/exact.pt\n    hparams: ${hparams}\n`)
  assert.equal(row(await run('{seed: 12345678901234567890}'), 'seed').status, 'match')
  assert.equal(row(await run('{seed: "12345678901234567890"}'), 'seed').status, 'match')
  assert.equal(row(await run('{seed: 12345678901234567891}'), 'seed').status, 'mismatch', 'one digit apart at 2^63')
  assert.equal(row(await run('{seed: 12345678901234567000}'), 'seed').status, 'mismatch', 'what a float64 would have rounded it to')
  const json = (await run('{seed: 12345678901234567890}')).experiments[0]!.hparams[0]!
  assert.deepEqual([json.recorded, json.stored], ['12345678901234567890', '12345678901234567890'], 'JSON carries them as strings')

  assert.equal(row(await run('{betas: [0.9, 0.999]}'), 'betas').status, 'match')
  const betas = await run('{betas: [0.9, 0.99]}')
  assert.equal(row(betas, 'betas').status, 'mismatch')
  assert.match(betas.findings[0]!.message, /betas recorded \[0\.9, 0\.99\], stored \[0\.9, 0\.999\] .*\(\[1\]: stored 0\.999\)/)
  assert.equal(row(await run('{target_modules: [q_proj, v_proj]}'), 'target_modules').status, 'match')
  assert.equal(row(await run('{target_modules: [q_proj]}'), 'target_modules').status, 'mismatch', 'a missing element is a difference')
  assert.equal(row(await run('{sched: {value: {warmup: 100, kind: cosine}}}'), 'sched').status, 'match')
  assert.equal(row(await run('{sched: {value: {warmup: 10, kind: cosine}}}'), 'sched').status, 'mismatch')
})

test('a Lightning and a Hugging Face run in one manifest both verify their epochs', async () => {
  const both = 'experiments:\n'
    + '  light: {checkpoint: verdict-modern/lightning/epoch0.ckpt, hparams: {epoch: 1}}\n'
    + '  hf: {checkpoint: verdict-modern/hf-eval-run, hparams: {epoch: 3}}\n'
  assert.equal(modern.lightning['epoch0.ckpt'].epoch, 0)
  assert.equal(modern['hf-eval-run'].epoch, 3)
  const global = await audit(`checks: {epoch_base: 0}\n${both}`)
  assert.deepEqual(global.experiments.map(e => e.hparams[0]!.status), ['match', 'match'])
  assert.match(row(global, 'epoch', 1).note!, /trainer_state\.json counts completed epochs/)
  const perExperiment = await audit(both.replace('hparams: {epoch: 1}}', 'epoch_base: 0, hparams: {epoch: 1}}'))
  assert.deepEqual(perExperiment.experiments.map(e => e.hparams[0]!.status), ['match', 'match'])
  const wrong = await audit(both)
  assert.equal(row(wrong, 'epoch').status, 'mismatch')
  assert.match(wrong.findings.find(f => f.key === 'epoch')!.message, /set checks\.epoch_base: 0 \(or epoch_base: 0 on this experiment\)/)
  const oneBased = await audit('checks: {epoch_base: 0}\nexperiments:\n  run: {checkpoint: hparam-cases/epoch_one_based.pt, hparams: {epoch: 1}}\n')
  assert.match(oneBased.findings[0]!.message, /set checks\.epoch_base: 1/)
})

test('not-final-epoch: the record says 3 epochs, the counter shows epoch 1', async () => {
  const r = await audit('checks: {epoch_base: 0}\nexperiments:\n'
    + '  first: {checkpoint: verdict-modern/lightning/epoch0.ckpt, hparams: {epochs: 3}}\n'
    + '  last: {checkpoint: verdict-modern/lightning/epoch2.ckpt, hparams: {max_epochs: 3}}\n'
    + '  hf: {checkpoint: verdict-modern/hf-eval-run, hparams: {num_train_epochs: 3}}\n')
  const late = r.findings.filter(f => f.code === 'not-final-epoch')
  assert.deepEqual(late.map(f => f.experiment), ['first'])
  assert.match(late[0]!.message, /^epoch 1 of 3: not the final checkpoint/)
  assert.equal(row(r, 'epochs').status, 'match', 'hyper_parameters.max_epochs is the stored epochs')
})

test('metrics: Lightning best_model_score and Hugging Face best_metric, rounded as written', async () => {
  const best = modern.lightning['epoch0.ckpt'].best_model_score as number
  const written = best.toFixed(4)
  const ok = await audit(`experiments:\n  run: {checkpoint: verdict-modern/lightning/epoch0.ckpt, metrics: {val_loss: ${written}, okvqa_acc: 56.1}}\n`)
  assert.deepEqual(ok.experiments[0]!.metrics.map(m => m.status), ['match', 'not-checked'])
  assert.match(ok.experiments[0]!.metrics[0]!.source!, /^callbacks\.ModelCheckpoint.*\.best_model_score$/)
  const off = (best + 0.01).toFixed(4)
  const bad = await audit(`experiments:\n  run: {checkpoint: verdict-modern/lightning/epoch0.ckpt, metrics: {val_loss: ${off}}}\n`)
  assert.deepEqual(codes(bad), ['warning:metric-mismatch:val_loss'])
  const gated = await audit(`checks: {fail_on: [val_loss]}\nexperiments:\n  run: {checkpoint: verdict-modern/lightning/epoch0.ckpt, metrics: {val_loss: ${off}}}\n`)
  assert.deepEqual([gated.status, codes(gated)[0]], ['fail', 'error:metric-mismatch:val_loss'])
  const longer = await audit(`experiments:\n  run: {checkpoint: verdict-modern/lightning/epoch0.ckpt, metrics: {val_loss: ${(best + 0.00004).toFixed(5)}}}\n`)
  assert.equal(longer.experiments[0]!.metrics[0]!.status, 'mismatch', 'five decimals written: five decimals compared')

  const hf = modern['hf-eval-run'].best_metric as number
  const hfOk = await audit(`experiments:\n  run: {checkpoint: verdict-modern/hf-eval-run, metrics: {eval_loss: ${hf.toFixed(4)}}}\n`)
  assert.deepEqual([hfOk.experiments[0]!.metrics[0]!.status, hfOk.experiments[0]!.metrics[0]!.source], ['match', 'trainer_state.json:best_metric'])
  const hfBad = await audit(`experiments:\n  run: {checkpoint: verdict-modern/hf-eval-run, metrics: {eval_loss: ${(hf + 0.1).toFixed(4)}}}\n`)
  assert.deepEqual(codes(hfBad), ['warning:metric-mismatch:eval_loss'])
})

test('a bare state_dict with four recorded keys never says it matches; --strict makes it fail', async () => {
  const body = 'checks: {fail_on: []}\nexperiments:\n  run: {checkpoint: hparam-cases/bare_state_dict.pt, hparams: {kl_beta: 0.1, lr: 1.0e-4, epoch: 1, phase: grpo}}\n'
  const r = await audit(body)
  assert.equal(r.status, 'pass')
  assert.equal(r.experiments[0]!.verified, 0)
  assert.doesNotMatch(verdict(r), /match/)
  assert.match(verdict(r), /^⚠️ no errors, but 1 of 1 experiment could not be verified: none of their recorded values is in the checkpoint \(run\) \(0 of 4 recorded values verified\)/)
  assert.doesNotMatch(renderReport(r, { manifest: 'm.yml' }).comment, /✅/)
  const strict = await audit(body, { unverified: 'error' })
  assert.equal(strict.status, 'fail')
  assert.deepEqual(codes(strict), ['error:hparam-missing:kl_beta', 'error:hparam-missing:lr', 'error:hparam-missing:epoch', 'error:hparam-missing:phase'])
  const warn = await audit(body.replace('fail_on: []', 'fail_on: [], unverified: warning'))
  assert.ok(warn.findings.every(f => f.severity === 'warning'))
  const cliStrict = await cli('experiments:\n  run: {checkpoint: hparam-cases/bare_state_dict.pt, hparams: {lr: 1.0e-4}}\n', '--strict')
  assert.equal(cliStrict.code, 1)
})

test('a recorded key that is not found but close to a stored name is a warning with "did you mean"; close to a gated key, an error', async () => {
  const r = await audit('experiments:\n  run: {checkpoint: hparam-cases/typo.pt, hparams: {epoc: 1, epochs: 3}}\n')
  const typo = r.findings.find(f => f.key === 'epoc')!
  assert.deepEqual([typo.severity, typo.code], ['warning', 'hparam-missing'])
  assert.match(typo.message, /did you mean epoch\?/)
  const epochs = r.findings.find(f => f.key === 'epochs' && f.code === 'hparam-missing')!
  assert.equal(epochs.severity, 'notice', 'epoch is another key, not a typo of epochs')
  assert.doesNotMatch(epochs.message, /did you mean/)
  // kl_betta: 0.15 beside a stored kl_beta 0.1 must not pass under a ✅ with one warning
  const gated = await audit('experiments:\n  run: {checkpoint: hparam-cases/typo.pt, hparams: {kl_betta: 0.15, epoch: 1}}\n')
  assert.equal(gated.status, 'fail')
  const finding = gated.findings.find(f => f.key === 'kl_betta')!
  assert.deepEqual([finding.severity, finding.code], ['error', 'hparam-missing'])
  assert.match(finding.message, /did you mean hyper_parameters\.kl_beta\? \(kl_betta is no known key but looks like kl_beta, which fail_on gates: fix the spelling\)/)
})

test('adversarial review: the headline, metrics, generic names, lists, at: epochs, param groups', async () => {
  // metrics only, none held: never "match their records"; a gated metric not held fails; --strict flags the others
  const metricsOnly = 'experiments:\n  m: {checkpoint: hparam-cases/bare_state_dict.pt, metrics: {okvqa_acc: 56.1, val_loss: 0.3}}\n  nothing: {checkpoint: hparam-cases/bare_state_dict.pt}\n'
  const quiet = await audit(`checks: {weights: never}\n${metricsOnly}`)
  assert.equal(quiet.status, 'pass')
  assert.match(verdict(quiet), /^⚠️ no errors, but 1 of 2 experiments could not be verified/)
  assert.equal((await audit(`checks: {weights: never, fail_on: [val_loss]}\n${metricsOnly}`)).status, 'fail')
  assert.deepEqual(codes(await audit(`checks: {weights: never}\n${metricsOnly}`, { unverified: 'error' })),
    ['error:metric-missing:okvqa_acc', 'error:metric-missing:val_loss'])
  // a quoted metric is compared; a whole number is compared as written, not within ±0.5
  const best = modern.lightning['epoch0.ckpt'].best_model_score as number
  const metric = async (value: string) => (await audit(`experiments:\n  r: {checkpoint: verdict-modern/lightning/epoch0.ckpt, metrics: {val_loss: ${value}}}\n`)).experiments[0]!.metrics[0]!.status
  assert.equal(await metric(`"${best.toFixed(3)}"`), 'match')
  assert.equal(await metric('"0.9"'), 'mismatch')
  assert.equal(await metric('0'), 'mismatch')
  // a generic step under a scheduler config is not global_step; stage under deepspeed is not phase
  const nested = await audit('experiments:\n  r: {checkpoint: hparam-cases/generic_nested.pt, hparams: {global_step: 10, phase: grpo}}\n')
  assert.deepEqual(nested.experiments[0]!.hparams.map(h => [h.key, h.status, h.source]),
    [['global_step', 'missing', null], ['phase', 'match', 'hyper_parameters.phase']])
  // writing the generic name exactly compares with that stored name, and shows the other as a conflict
  const exact = await audit('checks: {fail_on: [lr]}\nexperiments:\n  r: {checkpoint: hparam-cases/generic_nested.pt, hparams: {beta: 4.0}}\n')
  assert.deepEqual([row(exact, 'kl_beta').source, row(exact, 'kl_beta').status], ['hyper_parameters.beta', 'ambiguous'])
  // a list stored twice with other values is ambiguous; {} never matches a stored list
  const lists = await audit('experiments:\n  r: {checkpoint: hparam-cases/generic_nested.pt, hparams: {betas: [0.9, 0.999], target_modules: {value: {}}}}\n')
  assert.deepEqual(lists.experiments[0]!.hparams.map(h => h.status), ['ambiguous', 'mismatch'])
  // at: on the epoch counter follows epoch_base
  const at = await audit('checks: {epoch_base: 0}\nexperiments:\n  r: {checkpoint: verdict-modern/lightning/epoch0.ckpt, hparams: {epoch: {value: 1, at: epoch}}}\n')
  assert.equal(row(at, 'epoch').status, 'match')
  // param groups with different lr and no initial_lr: a conflict, not a silent pick of group 0
  const groups = await audit('experiments:\n  r: {checkpoint: hparam-cases/two_groups.pt, hparams: {lr: 1.0e-5}}\n')
  assert.equal(row(groups, 'lr').status, 'ambiguous')
  // Hugging Face: a recorded training loss is the logged loss, not best_metric (eval_loss)
  const hf = await audit('experiments:\n  r: {checkpoint: verdict-modern/hf-eval-run, metrics: {loss: 9.5}}\n')
  assert.match(hf.experiments[0]!.metrics[0]!.source!, /^trainer_state\.json:log_history\.\d+\.loss$/)
})

test('weights: never leaves weight claims unverified, and says so; --strict makes that an error', async () => {
  const body = 'checks: {weights: never}\nexperiments:\n  p: {checkpoint: hparam-cases/screaming.pt}\n'
    + '  c: {checkpoint: hparam-cases/exact.pt, parent: p, frozen: ["encoder.*"], hparams: {seed: 12345678901234567890}}\n'
  assert.deepEqual(codes(await audit(body)), ['notice:weights-unchecked:'])
  const strict = await audit(body, { unverified: 'error' })
  assert.equal(strict.status, 'fail')
  assert.match(strict.findings[0]!.message, /weight claims not checked \(parent, frozen\): checks\.weights is never/)
})
