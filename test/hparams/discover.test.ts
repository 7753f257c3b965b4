import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromJson } from '../../src/checkpoint/json-value.ts'
import { aliasTable } from '../../src/hparams/aliases.ts'
import { valuesMatch } from '../../src/hparams/compare.ts'
import { findAt, findKey } from '../../src/hparams/discover.ts'
import { flatten } from '../../src/hparams/flatten.ts'

const leavesOf = (doc: unknown, file?: string) => flatten([{ file, value: fromJson(doc) }])
const aliases = aliasTable()

test('preference: top level beats containers beats elsewhere', () => {
  const leaves = leavesOf({ misc: { lr: 3 }, hparams: { lr: 2 }, lr: 1 })
  const d = findKey(leaves, 'lr', aliases)
  assert.equal(d.found?.source, 'lr')
  assert.equal(d.ambiguous, true)
  assert.deepEqual(d.candidates.map(c => c.source), ['lr', 'hparams.lr', 'misc.lr'])
})

test('every named container is preferred over elsewhere: hyper_parameters, hparams, args, config, cfg, training_args', () => {
  for (const container of ['hyper_parameters', 'hparams', 'args', 'config', 'cfg', 'training_args']) {
    const d = findKey(leavesOf({ zz: { lr: 9 }, [container]: { optim: { lr: 1 } } }), 'lr', aliases)
    assert.equal(d.found?.source, `${container}.optim.lr`, container)
    assert.equal(d.found?.tier, 2)
  }
})

test('aliases are case-insensitive and found at any depth', () => {
  const d = findKey(leavesOf({ args: { KL_BETA: 0.1 } }), 'kl_beta', aliases)
  assert.deepEqual([d.found?.source, d.found?.value.value], ['args.KL_BETA', 0.1])
  const custom = aliasTable({ kl_beta: ['kl_weight'] })
  assert.equal(findKey(leavesOf({ cfg: { rl: { kl_weight: 0.2 } } }), 'kl_beta', custom).found?.value.value, 0.2)
})

test('optimizer param_groups lr is the last resort, and flagged', () => {
  const doc = { optimizer: { param_groups: [{ lr: 1e-4 }] } }
  const only = findKey(leavesOf(doc), 'lr', aliases)
  assert.equal(only.found?.source, 'optimizer.param_groups.0.lr')
  assert.equal(only.lastResort, true)
  const both = findKey(leavesOf({ ...doc, hparams: { lr: 5e-4 } }), 'lr', aliases)
  assert.equal(both.found?.source, 'hparams.lr')
  assert.equal(both.ambiguous, false, 'a scheduled current lr is not a conflict')
})

test('lists (log histories) and weights are not settings', () => {
  const leaves = leavesOf({ log_history: [{ epoch: 0.5 }, { epoch: 1 }], state_dict: { step: 3 } })
  assert.equal(findKey(leaves, 'epoch', aliases).found, undefined)
  assert.equal(findKey(leaves, 'global_step', aliases).found, undefined)
})

test('run-directory files are named in the source', () => {
  const d = findKey(leavesOf({ global_step: 20 }, 'trainer_state.json'), 'global_step', aliases)
  assert.equal(d.found?.source, 'trainer_state.json:global_step')
})

test('explicit at: paths', () => {
  const leaves = leavesOf({ args: { DATA_FILE: 'a.json' } })
  assert.equal(findAt(leaves, 'args.DATA_FILE')?.value.value, 'a.json')
  assert.equal(findAt(leaves, 'args.data_file')?.value.value, 'a.json')
  assert.equal(findAt(leaves, 'args.nope'), undefined)
})

test('numbers compare with tolerance and stored precision', () => {
  const exact = { rel: 0, abs: 0 }
  assert.ok(valuesMatch(0.18, { value: 0.18000000715255737, dtype: 'float32' }, exact), 'float32 stored')
  assert.ok(!valuesMatch(0.18, { value: 0.18000000715255737 }, exact), 'the same digits stored as float64 differ')
  assert.ok(valuesMatch(0.1, { value: 0.1 + 1e-8 }), 'within 1e-6 relative')
  assert.ok(!valuesMatch(0.15, { value: 0.1 }))
  assert.ok(valuesMatch(5, { value: 5 }), 'int and float')
  assert.ok(valuesMatch(5e-5, { value: '5e-5' }), 'string that holds a number')
  assert.ok(valuesMatch('grpo', { value: 'grpo' }))
  assert.ok(!valuesMatch('grpo', { value: 'rce' }))
  assert.ok(valuesMatch(true, { value: true }))
  assert.ok(!valuesMatch(true, { value: 'yes' }))
  assert.ok(valuesMatch(9223372036854775809n, { value: 9223372036854775809n }))
  assert.ok(valuesMatch(0.5, { value: 0.5009765625, dtype: 'float16' }) === false)
  assert.ok(valuesMatch(0.1, { value: 0.0999755859375, dtype: 'float16' }, exact))
})

test('aliases: keys resolve like recorded keys; names compare ignoring case, _, -, . and camelCase', () => {
  const custom = aliasTable({ KL_BETA: ['klWeight'] })
  assert.equal(findKey(leavesOf({ cfg: { kl_weight: 0.2 } }), 'kl_beta', custom).found?.value.value, 0.2)
  for (const stored of ['KL_BETA', 'klBeta', 'kl-beta', 'kl.beta'])
    assert.equal(findKey(leavesOf({ args: { [stored]: 0.1 } }), 'kl_beta', aliases).found?.value.value, 0.1, stored)
  assert.equal(findKey(leavesOf({ args: { LR: 1e-4 } }), 'lr', aliases).found?.value.value, 1e-4)
})

test('generic beta: never under ema/optimizer/adam*/betas/momentum/scheduler; never ahead of a specific name', () => {
  for (const ns of ['ema', 'model_ema', 'ema_decay', 'optimizer', 'optimizer_config', 'adamw', 'adam_config', 'momentum', 'lr_scheduler', 'param_groups'])
    assert.equal(findKey(leavesOf({ hparams: { [ns]: { beta: 0.9 } } }), 'kl_beta', aliases).found, undefined, ns)
  const both = findKey(leavesOf({ beta: 0.9, misc: { deep: { init_kl_coef: 0.2 } } }), 'kl_beta', aliases)
  assert.deepEqual([both.found?.source, both.ambiguous], ['misc.deep.init_kl_coef', false])
  assert.equal(findKey(leavesOf({ beta: 0.04 }, 'training_args.bin'), 'kl_beta', aliases).found?.source, 'training_args.bin:beta')
})
