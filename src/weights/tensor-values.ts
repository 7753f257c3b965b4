/**
 * Reads the elements of one tensor as float64, honouring its view (storage offset and
 * strides). For small tensors (tests, reports); the weight statistics stream instead. The bytes
 * come through the same reader the statistics use, so views are gathered in one place.
 */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { decodeElement, dtypeInfo } from '../checkpoint/dtypes.ts'
import { CheckpointError, n } from '../checkpoint/errors.ts'
import type { TensorRef } from '../checkpoint/pickle/values.ts'
import { tensorReader } from './tensor-diff.ts'

/** Largest tensor this helper reads whole. */
export const MAX_DIRECT_ELEMENTS = 16 * 1024 * 1024

export async function readTensorValues(checkpoint: Checkpoint, tensor: TensorRef): Promise<Float64Array> {
  const info = dtypeInfo(tensor.dtype)
  if (info === undefined || !['float', 'int', 'uint', 'bool'].includes(info.kind))
    throw new CheckpointError('corrupt', `${checkpoint.path}: tensors of dtype ${tensor.dtype} cannot be read as numbers`)
  const numel = tensor.numel
  if (numel > MAX_DIRECT_ELEMENTS)
    throw new CheckpointError('too-large', `${checkpoint.path}: tensor of ${n(numel)} elements is too large to read whole`)
  const out = new Float64Array(numel)
  if (numel === 0) return out
  const reader = await tensorReader({ checkpoint, tensor })
  const bytes = await reader.read(0, numel)
  for (let i = 0; i < numel; i++) out[i] = Number(decodeElement(bytes, i, tensor.dtype, reader.littleEndian))
  return out
}
