/** torch's persistent id for a storage, shared by the zip and legacy formats (torch/serialization.py `persistent_load`). */
import { CheckpointError, n } from './errors.ts'
import { storageTypeDtype } from './pickle/unpickle.ts'
import { PyTuple, repr, type PyValue } from './pickle/values.ts'

export interface StoragePid {
  readonly key: string
  readonly dtype: string
  /** Elements, or bytes for untyped storages. */
  readonly numel: number
  readonly location: string
}

/** `('storage', storage_type, key, location, numel[, view_metadata])`, validated; anything else is corrupt (torch raises too). */
export function parseStoragePid(pid: PyValue, offset: number, path: string): StoragePid {
  const [tag, type, key, location, numel] = pid instanceof PyTuple ? pid.items : []
  if (tag !== 'storage' || typeof key !== 'string' || typeof numel !== 'number' || !Number.isSafeInteger(numel) || numel < 0)
    throw new CheckpointError('corrupt', `${path}: persistent id ${repr(pid)} at byte ${n(offset)} is not a torch storage reference`)
  const dtype = storageTypeDtype(type ?? null)
  if (dtype === undefined) throw new CheckpointError('corrupt', `${path}: unknown storage type ${repr(type ?? null)} for storage ${key}`)
  return { key, dtype, numel, location: typeof location === 'string' ? location : 'cpu' }
}
