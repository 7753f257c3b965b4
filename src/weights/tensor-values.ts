/**
 * Reads the elements of one tensor as float64, honouring its view (storage offset and
 * strides), from the bytes of its storage. For small tensors (0-dim values, tests, reports);
 * the weight statistics stream storages in chunks instead.
 */
import { readRange } from '../checkpoint/byte-source.ts'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { decodeElement, dtypeInfo } from '../checkpoint/dtypes.ts'
import { CheckpointError, n } from '../checkpoint/errors.ts'
import type { TensorRef } from '../checkpoint/pickle/values.ts'

/** Largest tensor this helper reads whole. */
export const MAX_DIRECT_ELEMENTS = 16 * 1024 * 1024

export async function readTensorValues(checkpoint: Checkpoint, tensor: TensorRef): Promise<Float64Array> {
  const info = dtypeInfo(tensor.dtype)
  if (info === undefined || !['float', 'int', 'uint', 'bool'].includes(info.kind))
    throw new CheckpointError('corrupt', `${checkpoint.path}: tensors of dtype ${tensor.dtype} cannot be read as numbers`)
  const numel = tensor.numel
  if (numel > MAX_DIRECT_ELEMENTS) throw new CheckpointError('too-large', `${checkpoint.path}: tensor of ${n(numel)} elements is too large to read whole`)
  const out = new Float64Array(numel)
  if (numel === 0) return out
  const location = await checkpoint.locate(tensor.storage)
  // the span of storage elements this view touches: [offset, last]
  const last = tensor.offset + tensor.shape.reduce((acc, size, i) => acc + (size - 1) * tensor.stride[i]!, 0)
  const spanBytes = (last - tensor.offset + 1) * info.itemSize
  const start = tensor.offset * info.itemSize
  if (start + spanBytes > location.length)
    throw new CheckpointError('corrupt', `${checkpoint.path}: tensor reads bytes ${n(start)}..${n(start + spanBytes)} of storage ${tensor.storage.key}, which has ${n(location.length)}`)
  const bytes = await readRange(location.source, location.start + start, spanBytes, `${checkpoint.path}: storage ${tensor.storage.key}`)
  const index = new Array<number>(tensor.shape.length).fill(0)
  for (let i = 0; i < numel; i++) {
    let element = 0
    for (let d = 0; d < index.length; d++) element += index[d]! * tensor.stride[d]!
    out[i] = Number(decodeElement(bytes, element, tensor.dtype, location.littleEndian))
    for (let d = index.length - 1; d >= 0; d--) { // row-major odometer over the view's shape
      if (++index[d]! < tensor.shape[d]!) break
      index[d] = 0
    }
  }
  return out
}
