/**
 * A pickle we found but could not read to its end fails closed (docs/security.md §7.5):
 * `pickle.load` and `torch.load` may accept bytes our machine refuses, and a payload after the
 * damage would go unseen. Where the file as a whole is still read (a run directory's side file,
 * an embedded checkpoint, a zip member other than data.pkl), the pickle counts as an unsafe
 * global, so the file is an `unsafe-pickle` error and never merely a notice.
 */
import { CheckpointError } from '../errors.ts'
import type { GlobalUse } from './unpickle.ts'

export const UNSCANNABLE = 'a pickle that could not be scanned'

/** Any failure of a reader, as the CheckpointError it stands for (a RangeError is a structure too large). */
export function asCheckpointError(error: unknown): CheckpointError {
  if (error instanceof CheckpointError) return error
  return new CheckpointError(error instanceof RangeError ? 'too-large' : 'corrupt', (error as Error)?.message ?? String(error))
}

/** The unsafe use that stands for a pickle at `where` that `error` stopped. */
export function unscannable(where: string, error: unknown): GlobalUse {
  const failure = asCheckpointError(error)
  return { qualified: `${UNSCANNABLE} (${failure.reason})`, verdict: 'unsafe', reason: `${UNSCANNABLE}: ${failure.message}`, offset: 0, where }
}
