/** What every format reader produces: metadata roots, named tensors and the globals seen. */
import type { ByteSource } from './byte-source.ts'
import type { GlobalUse } from './pickle/unpickle.ts'
import type { PyValue, StorageRef, TensorRef } from './pickle/values.ts'

export type CheckpointFormat = 'torch-zip' | 'torch-legacy' | 'safetensors' | 'pickle' | 'run-dir'

/** One document of metadata: the unpickled object of a file, or a JSON file of a run directory. */
export interface MetadataRoot {
  /** File inside a run directory (`trainer_state.json`); undefined for a single-file checkpoint. */
  readonly file: string | undefined
  readonly value: PyValue
}

export interface NamedTensor {
  /** Dotted path in the checkpoint (`state_dict.backbone.weight`), or the safetensors name. */
  readonly name: string
  readonly tensor: TensorRef
}

/** Where a storage's bytes are: a range of one file. */
export interface StorageLocation {
  readonly source: ByteSource
  readonly start: number
  readonly length: number
  readonly littleEndian: boolean
}

export interface Checkpoint {
  readonly path: string
  readonly format: CheckpointFormat
  readonly sizeBytes: number
  readonly roots: readonly MetadataRoot[]
  readonly tensors: readonly NamedTensor[]
  readonly globals: readonly GlobalUse[]
  /** Things a user may want to know that are not errors (unknown classes, TorchScript, duplicates). */
  readonly notices: readonly string[]
  /** For a folder of checkpoints (HF checkpoint-N, Lightning version_N): which one was read, and why. */
  readonly selection?: string
  /** Locates a storage's bytes; opened lazily, only for weight checks and 0-dim values. */
  locate(storage: StorageRef): Promise<StorageLocation>
  close(): Promise<void>
}
