/**
 * A checkpoint's fingerprint: per weight tensor, a strong hash of its raw bytes (row-major, as
 * stored) and a sample of its values. Bit-identity is decided on hashes; distances between two
 * checkpoints are estimated on samples (exact when a sample holds every element).
 */
export interface TensorFingerprint {
  /** The name as `weightTensors` gives it (state_dict key removed), the one alignment pairs. */
  readonly name: string
  readonly dtype: string
  readonly shape: readonly number[]
  readonly numel: number
  /** Byte order of the stored bytes: equal hashes in different orders are not equal values. */
  readonly littleEndian: boolean
  /** The keyed hash (tensor-hash.ts) of the tensor's raw bytes in row-major order, hex; comparable under one salt. */
  readonly hash: string
  /** NaN elements in the whole tensor (0 for dtypes without NaN): a near-duplicate must never hide one. */
  readonly nans: number
  /** Sum of |x| over the finite elements of a floating-point tensor (every element, not sampled); 0 for others. */
  readonly absSum: number
  /** Sum of x over the same elements: with absSum, an exact lower bound of a distance (fingerprint-diff.ts). */
  readonly sum: number
  /** Values at `samplePositions(name, shape, numel, salt)` as float64; empty for dtypes that are not numbers. */
  readonly samples: Float64Array
}

export interface Fingerprint {
  /** By `TensorFingerprint.name`. */
  readonly tensors: ReadonlyMap<string, TensorFingerprint>
  /** Tensor bytes read to make it (0 when it came from a cache). */
  readonly bytesRead: number
  /** The id of the salt its sample positions were drawn with (sample-salt.ts): only equal ids compare. */
  readonly saltId: string
}
