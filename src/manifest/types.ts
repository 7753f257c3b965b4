/** The manifest as the rest of ckpt-audit sees it: validated, defaults applied, paths resolved. */
import type { Tolerance } from '../hparams/compare.ts'
import type { RecordedData } from '../hparams/compare.ts'

/** How loud a check that could not be carried out is (`checks.unverified`, CLI `--strict` = error). */
export const UNVERIFIED_LEVELS = ['notice', 'warning', 'error'] as const
export type UnverifiedLevel = (typeof UNVERIFIED_LEVELS)[number]

/** Where a manifest node is, for messages and annotations. 1-based. */
export interface SourceLocation {
  readonly file: string
  readonly line: number
  readonly column: number
}

export const WEIGHT_MODES = ['auto', 'always', 'never'] as const
export type WeightsMode = (typeof WEIGHT_MODES)[number]

export interface Checks {
  /** Keys whose mismatch or absence is an error. */
  readonly failOn: readonly string[]
  readonly tolerance: Tolerance
  /** What the stored epoch counter reads for recorded epoch 1. */
  readonly epochBase: 0 | 1
  readonly weights: WeightsMode
  /** A pair is a near-duplicate at or below this fraction of the median pair distance. */
  readonly nearDuplicateRatio: number
  /**
   * Severity of what could not be verified: recorded keys not found, globs that match no tensor,
   * weight claims that could not be checked. Default notice; `--strict` makes it error.
   */
  readonly unverified: UnverifiedLevel
}

/** A path as written in the manifest and where it resolves. */
export interface ManifestPath {
  readonly written: string
  /** Absolute path. */
  readonly resolved: string
  /** Path relative to the manifest's root, for reports. */
  readonly display: string
  readonly location: SourceLocation
}

export interface RecordedValue {
  /** The canonical key (`kl_beta`), or the key as written when no alias knows it. */
  readonly key: string
  /** The key as the manifest writes it (`KL_BETA`). */
  readonly written: string
  readonly value: RecordedData
  /** Explicit stored location (`at:`), when given. */
  readonly at: string | undefined
  readonly location: SourceLocation
  /** Other records of the same key that this value overrides with a different value (`hparams:` over a docs table). */
  readonly overrides?: ReadonlyArray<{ readonly value: RecordedData, readonly location: SourceLocation }>
}

export interface Experiment {
  readonly name: string
  readonly location: SourceLocation
  readonly checkpoint: ManifestPath
  readonly twins: readonly ManifestPath[]
  /** An experiment name or a checkpoint path. */
  readonly parent: { readonly experiment: string | undefined, readonly path: ManifestPath | undefined, readonly location: SourceLocation } | undefined
  readonly frozen: readonly string[]
  readonly trained: readonly string[]
  readonly sha256: { readonly value: string, readonly location: SourceLocation } | undefined
  readonly hparams: readonly RecordedValue[]
  readonly metrics: readonly RecordedMetric[]
  /** This experiment's own `epoch_base`, overriding `checks.epoch_base`. */
  readonly epochBase: 0 | 1 | undefined
}

export interface RecordedMetric {
  readonly key: string
  readonly written: string
  readonly value: RecordedData
  /** Decimals the value was written with: a stored metric matches when it rounds to it. */
  readonly decimals: number | undefined
  readonly location: SourceLocation
}

export interface Manifest {
  /** The manifest file as given (for messages and the sticky-comment marker). */
  readonly file: string
  /** Absolute folder checkpoint paths are relative to. */
  readonly root: string
  /** Absolute workspace folder no path may leave. */
  readonly workspace: string
  readonly checks: Checks
  readonly aliases: Readonly<Record<string, readonly string[]>>
  readonly experiments: readonly Experiment[]
}

export const DEFAULT_FAIL_ON: readonly string[] = ['kl_beta']
