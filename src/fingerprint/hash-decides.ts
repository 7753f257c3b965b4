/**
 * Whether a diff made from fingerprints answers the per-tensor verdicts of twins and of the
 * frozen/trained globs exactly. It does when every compared tensor pair has one dtype read as
 * numbers: "unchanged" is then bit-identity, which the hashes decide, and the verdicts need no
 * value. Across dtypes (a bf16 twin), bitwise-compared dtypes and tensors the reader leaves out,
 * the exact diff decides. When every tensor was sampled whole, the exact diff is as cheap and is used.
 */
import type { EstimatedDiff } from './fingerprint-diff.ts'

export function hashDecides(diff: EstimatedDiff): boolean {
  return !diff.complete && Number.isFinite(diff.error_bound)
    && diff.tensors.every(t => !t.dtype.includes('/') && t.compared === undefined)
    && diff.not_compared.every(n => !n.name.startsWith('('))
}
