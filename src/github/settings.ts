/** Everything the Action takes from `with:`, parsed and checked once (docs/design.md §7). */
import type { WeightsMode } from '../manifest/types.ts'
import type { ShardSpec } from '../shard/partition.ts'

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]

export const REMOTE_MODES = ['allow', 'deny'] as const
export type RemoteMode = (typeof REMOTE_MODES)[number]

export interface ActionSettings {
  /** Manifest path as the user wrote it, relative to the workspace (for messages and the marker). */
  readonly manifest: string
  /** Absolute manifest path, confined to the workspace. */
  readonly manifestPath: string
  /** Absolute workspace (GITHUB_WORKSPACE). */
  readonly workspace: string
  /** Keys whose mismatch fails the build; undefined means the manifest's checks.fail_on. */
  readonly failOn: readonly string[] | undefined
  readonly weights: WeightsMode | undefined
  /** `strict: true`: unverified checks are errors (CLI --strict). */
  readonly strict: boolean
  /** `cache: true` (the default): fingerprints are cached across runs through the Actions cache. */
  readonly cache: boolean
  /** `shard: I/N`: this job only fingerprints its share into the report-json output, for a merge job. */
  readonly shard: ShardSpec | undefined
  /** `merge: GLOB`: this job merges the shard reports the glob names (relative to the workspace) and reports. */
  readonly merge: string | undefined
  readonly comment: CommentMode
  readonly token: string
  /** Login whose comments may be edited: the token's identity (github-actions[bot] for GITHUB_TOKEN). */
  readonly commentAuthor: string
  /** `remote: deny`: no https/hf/s3 address and no LFS batch request (manifest addresses come from the PR's author). */
  readonly remote: RemoteMode
  /** Hosts remote reads may reach (self-hosted runners); empty: any. */
  readonly remoteHosts: readonly string[]
}
