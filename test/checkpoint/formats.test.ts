import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { inspectPath } from '../../src/cli.ts'
import { openCheckpoint } from '../../src/checkpoint/open.ts'
import { readTensorValues } from '../../src/weights/tensor-values.ts'
import { expectedOf, fixture } from '../support/fixtures.ts'

const torch113 = expectedOf('torch113')
const modern = expectedOf('modern')

function close(actual: number, expected: number, what: string, rel = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`)
}

describe('torch 1.13 fixtures match what torch itself counted', () => {
  for (const [name, truth] of Object.entries(torch113)) {
    test(name, async () => {
      const result = await inspectPath(fixture(`torch113/${name}`))
      assert.equal(result.error, null)
      assert.deepEqual(result.unsafe_globals, [])
      assert.equal(result.tensors.count, truth.tensors.count, 'tensor count')
      assert.equal(result.tensors.elements, truth.tensors.elements, 'elements')
      assert.equal(result.tensors.bytes, truth.tensors.bytes, 'bytes')
      assert.deepEqual(result.tensors.dtypes, truth.tensors.dtypes)
      for (const [key, want] of Object.entries<any>(truth.hparams)) {
        const got = result.hparams[key]
        assert.ok(got, `${key} found`)
        if (want.ambiguous) {
          assert.deepEqual([got.value, ...(got.conflicts ?? []).map(c => c.value)].sort(), want.ambiguous.sort())
          continue
        }
        assert.equal(got.source, want.source, `${key} source`)
        if (typeof want.value === 'number') close(got.value as number, want.value, key)
        else assert.equal(got.value, want.value)
      }
      for (const [source, want] of Object.entries<any>(truth.metadata ?? {})) assert.deepEqual(result.metadata[source], want, source)
    })
  }
})

test('the zip prefix is the file stem, not always archive/', async () => {
  const a = await inspectPath(fixture('torch113/grpo.epoch1.pt'))
  const b = await inspectPath(fixture('torch113/buffer_saved.pt'))
  assert.equal(a.format, 'torch-zip')
  assert.equal(b.format, 'torch-zip')
  assert.equal(a.hparams.kl_beta?.value, 0.1)
  assert.equal(b.hparams.kl_beta?.source, 'hparams.kl_coef')
})

test('views sharing one storage read the same values torch computed', async () => {
  const checkpoint = await openCheckpoint(fixture('torch113/views.pt'))
  try {
    assert.equal(new Set(checkpoint.tensors.map(t => t.tensor.storage)).size, torch113['views.pt'].storages)
    for (const { name, tensor } of checkpoint.tensors)
      assert.deepEqual([...await readTensorValues(checkpoint, tensor)], torch113['views.pt'].values[name], name)
    const transposed = checkpoint.tensors.find(t => t.name === 'transposed')!.tensor
    assert.deepEqual(transposed.stride, [1, 6])
    assert.equal(checkpoint.tensors.find(t => t.name === 'row2')!.tensor.offset, 12)
  } finally {
    await checkpoint.close()
  }
})

for (const [file, dtype] of [['bf16.pt', 'bfloat16'], ['fp16.pt', 'float16']] as const) {
  test(`${dtype} values decode exactly`, async () => {
    const checkpoint = await openCheckpoint(fixture(`torch113/${file}`))
    try {
      for (const { name, tensor } of checkpoint.tensors) {
        assert.equal(tensor.dtype, dtype)
        const values = [...await readTensorValues(checkpoint, tensor)].slice(0, 6)
        assert.deepEqual(values, torch113[file].values[name], name)
      }
    } finally {
      await checkpoint.close()
    }
  })
}

test('legacy format: storages found by walking the count headers', async () => {
  const checkpoint = await openCheckpoint(fixture('torch113/legacy.pt'))
  try {
    assert.equal(checkpoint.format, 'torch-legacy')
    const embed = checkpoint.tensors.find(t => t.name === 'state_dict.backbone.embed.weight')!
    const values = await readTensorValues(checkpoint, embed.tensor)
    assert.equal(values.length, 128)
  } finally {
    await checkpoint.close()
  }
})

describe('torch 2.x, Lightning, transformers and safetensors fixtures', () => {
  test('torch 2.x zip: bf16, uint16 through _rebuild_tensor_v3, 0-dim, views, Parameter', async () => {
    const checkpoint = await openCheckpoint(fixture('modern/torch2_state.pt'))
    try {
      const truth = modern['torch2_state.pt']
      assert.equal(checkpoint.tensors.length, truth.tensors.count)
      for (const { name, tensor } of checkpoint.tensors) {
        const key = name.replace('state_dict.', '')
        const values = await readTensorValues(checkpoint, tensor)
        truth.values[key].forEach((v: number, i: number) => close(values[i]!, v, `${key}[${i}]`))
      }
      assert.equal(checkpoint.tensors.find(t => t.name.endsWith('u16'))!.tensor.dtype, 'uint16')
    } finally {
      await checkpoint.close()
    }
    const result = await inspectPath(fixture('modern/torch2_state.pt'))
    close(result.hparams.kl_beta!.value as number, 0.15, 'kl_beta')
    assert.equal(result.hparams.lr!.dtype, 'float32')
    assert.equal(result.hparams.epoch!.value, 1)
  })

  test('torch 2.x legacy file', async () => {
    const checkpoint = await openCheckpoint(fixture('modern/torch2_legacy.pt'))
    try {
      const values = await readTensorValues(checkpoint, checkpoint.tensors[0]!.tensor)
      modern['torch2_legacy.pt'].values.w.forEach((v: number, i: number) => close(values[i]!, v, `w[${i}]`))
    } finally {
      await checkpoint.close()
    }
  })

  test('Lightning Trainer.save_checkpoint: hyper_parameters, epoch, global_step', async () => {
    const result = await inspectPath(fixture('modern/lightning.ckpt'))
    const truth = modern['lightning.ckpt'].hparams
    assert.equal(result.hparams.kl_beta?.value, truth.kl_beta)
    assert.equal(result.hparams.kl_beta?.source, 'hyper_parameters.kl_beta')
    assert.equal(result.hparams.lr?.value, truth.lr)
    assert.equal(result.hparams.lr?.source, 'hyper_parameters.lr')
    assert.equal(result.hparams.epoch?.value, truth.epoch)
    assert.equal(result.hparams.global_step?.value, truth.global_step)
    assert.deepEqual(result.unsafe_globals, [])
  })

  test('Hugging Face run directory: training_args.bin, trainer_state.json, sharded safetensors', async () => {
    const result = await inspectPath(fixture('modern/hf-run'))
    const truth = modern['hf-run']
    assert.equal(result.format, 'run-dir')
    assert.equal(result.hparams.lr?.value, truth.hparams.lr)
    assert.equal(result.hparams.lr?.source, 'training_args.bin:learning_rate')
    assert.equal(result.hparams.global_step?.value, truth.hparams.global_step)
    assert.equal(result.hparams.epoch?.value, truth.hparams.epoch)
    assert.equal(result.tensors.count, truth.tensors.count)
    assert.equal(result.tensors.elements, truth.tensors.elements)
    assert.deepEqual(result.unsafe_globals, [])
    assert.ok(result.globals.includes('transformers.training_args.TrainingArguments'))
  })

  test('GRPOConfig training_args.bin: its KL coefficient is `beta`', async () => {
    const result = await inspectPath(fixture('modern/grpo-run'))
    assert.equal(result.hparams.kl_beta?.value, 0.1)
    assert.equal(result.hparams.kl_beta?.source, 'training_args.bin:beta')
    assert.equal(result.hparams.lr?.value, 5e-6)
  })

  test('safetensors __metadata__ strings are parsed as numbers', async () => {
    const result = await inspectPath(fixture('modern/weights.safetensors'))
    assert.equal(result.format, 'safetensors')
    assert.deepEqual(result.hparams.kl_beta, { value: 0.1, source: '__metadata__.kl_beta' })
    assert.deepEqual(result.hparams.epoch, { value: 0, source: '__metadata__.epoch' })
    assert.equal(result.hparams.phase?.value, 'grpo')
    const checkpoint = await openCheckpoint(fixture('modern/weights.safetensors'))
    try {
      const values = await readTensorValues(checkpoint, checkpoint.tensors.find(t => t.name === 'input_proj.weight')!.tensor)
      modern['weights.safetensors'].values['input_proj.weight'].forEach((v: number, i: number) => close(values[i]!, v, `[${i}]`))
    } finally {
      await checkpoint.close()
    }
  })

  test('numpy 2 scalars (numpy._core.multiarray.scalar) inside argparse.Namespace', async () => {
    const result = await inspectPath(fixture('modern/numpy2.pt'))
    const truth = modern['numpy2.pt'].hparams
    assert.equal(result.hparams.kl_beta?.value, truth.kl_beta)
    assert.equal(result.hparams.lr?.value, truth.lr)
    assert.equal(result.hparams.lr?.dtype, 'float32')
    assert.equal(result.hparams.epoch?.value, truth.epoch)
    assert.equal(result.metadata['args.OUT'], '/tmp/run')
  })
})

test('Lightning log directory: hparams.yaml, weights from a safetensors file', async () => {
  const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { tmpdir } = await import('node:os')
  const dir = mkdtempSync(join(tmpdir(), 'ckpt-audit-lightning-'))
  writeFileSync(join(dir, 'hparams.yaml'), 'kl_beta: 0.12\noptim:\n  lr: 3.0e-5\nphase: grpo\n')
  copyFileSync(fixture('modern/weights.safetensors'), join(dir, 'model.safetensors'))
  const result = await inspectPath(dir)
  assert.equal(result.format, 'run-dir')
  // the weights file's __metadata__ says 0.1: reported as a conflict, not silently resolved
  assert.deepEqual(result.hparams.kl_beta, { value: 0.12, source: 'hparams.yaml:kl_beta', conflicts: [{ value: 0.1, source: 'model.safetensors:__metadata__.kl_beta' }] })
  assert.deepEqual(result.hparams.lr, { value: 3e-5, source: 'hparams.yaml:optim.lr', conflicts: [{ value: 5e-5, source: 'model.safetensors:__metadata__.lr' }] })
  assert.equal(result.tensors.count, 2)
})
