/**
 * Lineage evidence (docs/design.md §5, issue G): bit-identical floating-point parameter bytes. Frozen
 * layers survive training byte for byte; integer buffers (`num_batches_tracked`, `position_ids`)
 * and tiny tensors match by coincidence or by construction, so they are no evidence.
 */
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import type { DiffResult, TensorDiff } from './diff.ts'
import { isFloatingDtype } from './element-reader.ts'

/** Tensors smaller than this are no lineage evidence. */
export const MIN_EVIDENCE_BYTES = 1024
/** Another parent needs this many times the declared parent's identical bytes... */
export const BYTES_FACTOR = 2
/** ...or, with no identical bytes on either side, a mean distance this many times smaller. */
export const DISTANCE_FACTOR = 10

function parameterBytes(t: TensorDiff): number {
  if (t.dtype.includes('/') || !isFloatingDtype(t.dtype)) return 0
  const bytes = t.elements * (dtypeInfo(t.dtype)?.itemSize ?? 0)
  return bytes >= MIN_EVIDENCE_BYTES ? bytes : 0
}

/** Bytes of floating-point tensors of at least 1 KiB that are bit-identical in both files. */
export function identicalParameterBytes(diff: DiffResult): number {
  return diff.tensors.reduce((sum, t) => sum + (t.identical ? parameterBytes(t) : 0), 0)
}

/** Names of the tensors that count as evidence. */
export function evidenceTensors(diff: DiffResult): string[] {
  return diff.tensors.filter(t => t.identical && parameterBytes(t) > 0).map(t => t.name)
}

export interface Evidence {
  readonly bytes: number
  readonly distance: number | null
}

/** Orders candidates: more identical bytes first, then the smaller mean distance. */
export function strongerFirst(x: Evidence, y: Evidence): number {
  return y.bytes - x.bytes || (x.distance ?? Infinity) - (y.distance ?? Infinity)
}

/**
 * Whether `other` beats `declared` clearly enough for a parent-mismatch (the README's rule). By
 * distance, `other` must be finite and at most a tenth of a declared distance above 0: two zero
 * distances (a tiny model equal to both) or two n/a ones (no floating tensor in common) are a tie,
 * and a tie is no evidence against the declared parent.
 */
export function clearlyBetter(other: Evidence, declared: Evidence): boolean {
  if (other.bytes > 0) return other.bytes >= BYTES_FACTOR * declared.bytes
  if (declared.bytes > 0 || other.distance === null || !Number.isFinite(other.distance)) return false
  const declaredDistance = declared.distance ?? Infinity
  return declaredDistance > 0 && other.distance * DISTANCE_FACTOR <= declaredDistance
}
