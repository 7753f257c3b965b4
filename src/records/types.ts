/** What every record source yields: values with the place in the docs file they were read from. */
import type { RecordedData } from '../hparams/compare.ts'
import type { SourceLocation } from '../manifest/types.ts'

export const RECORD_KINDS = ['markdown', 'wandb', 'mlflow', 'hydra'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/**
 * One recorded value before key identity: `path` is where it sits in its source (a table
 * header is one segment, a nested Hydra or W&B value several), so the naming rule can decide
 * which name it is recorded under.
 */
export interface RecordLeaf {
  readonly path: readonly string[]
  readonly value: RecordedData
  readonly location: SourceLocation
}

/** A problem found while reading a record, at the docs line when there is one. */
export interface RecordProblem {
  readonly location: SourceLocation
  readonly message: string
}

export interface RecordRead {
  readonly leaves: readonly RecordLeaf[]
  readonly problems: readonly RecordProblem[]
}

/**
 * The file system as record sources need it, synchronous because the manifest parser is:
 * records are small text files read once, and `fail_on` is validated against every recorded
 * key before the manifest is returned. Tests may pass another one.
 */
export interface RecordReader {
  /** 'file', 'dir' or undefined when nothing is there. */
  kind(path: string): 'file' | 'dir' | undefined
  /** UTF-8 text; throws with a message a user can act on (too large, unreadable). */
  text(path: string): string
  /** Names in a folder. */
  list(path: string): string[]
}
