/**
 * Epoch semantics per source (docs/design.md §3). A training-loop counter (Lightning `epoch`, a plain
 * `epoch` in a dict) counts from `epoch_base`: with base 0, "epoch 1" is stored as 0. Hugging
 * Face `trainer_state.json` `epoch` is a float of epochs completed and is compared as written.
 */

/** Run-directory files whose `epoch` counts completed epochs rather than a loop index. */
const COMPLETED_EPOCH_FILES = new Set(['trainer_state.json'])

export type EpochKind = 'counter' | 'completed'

export function epochKindOf(file: string | undefined): EpochKind {
  return file !== undefined && COMPLETED_EPOCH_FILES.has(file.split('/').at(-1)!) ? 'completed' : 'counter'
}

/** The stored value a recorded epoch should have. */
export function expectedStoredEpoch(recorded: number, kind: EpochKind, base: 0 | 1): number {
  return kind === 'completed' ? recorded : recorded - 1 + base
}

/** The epoch number (1-based, as people count) a stored value shows. */
export function epochNumberOf(stored: number, kind: EpochKind, base: 0 | 1): number {
  return kind === 'completed' ? stored : stored + 1 - base
}

/** How the comparison was made, for the report: undefined when compared as written. */
export function epochNote(recorded: number, kind: EpochKind, base: 0 | 1): string | undefined {
  if (kind === 'completed') return 'trainer_state.json counts completed epochs'
  return base === 0 ? `recorded epoch ${recorded} = stored ${recorded - 1}, 0-based` : undefined
}
