/** The messages between the main thread and the pool's workers (pool.ts, worker.ts): plain, cloneable data. */
import type { TensorFingerprint } from '../fingerprint/types.ts'

export interface FingerprintJob {
  readonly kind: 'fingerprint'
  readonly path: string
  /** The sample salt's bytes (sample-salt.ts): the worker samples where the main thread would. */
  readonly salt: Uint8Array
  readonly saltSource: string
}

/** The statistics of tensor pairs of two files, named as in each file's `tensors`. */
export interface StatsJob {
  readonly kind: 'stats'
  readonly a: string
  readonly b: string
  readonly pairs: ReadonlyArray<readonly [string, string]>
}

export interface WorkerFingerprint {
  readonly tensors: TensorFingerprint[]
  readonly bytesRead: number
  readonly saltId: string
}
