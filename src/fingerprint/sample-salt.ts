/**
 * The secret that seeds where fingerprints sample (positions.ts). Positions anyone can compute
 * would let a file be made to agree with another exactly where the samples look, and steer every
 * estimate; with a salt the writer of the files cannot know, an estimate is a fair random sample.
 * Every fingerprint compared with another must share the salt, so the salt is one per process and
 * its id (a hash of it, which reveals nothing of it) travels with cache entries and shard reports.
 *
 * Where it comes from, first that applies:
 * 1. `CKPT_AUDIT_SAMPLE_SALT`, for shards on machines that share nothing else;
 * 2. in GitHub Actions, the repository and run id: one value for every job of a workflow run
 *    (the shard jobs and the merge job), and none before the run exists, after the files were pushed;
 * 3. the machine's cache key (cache-key.ts), so cached fingerprints stay comparable across runs;
 * 4. random bytes, when no key can be had.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { loadKey } from './cache-key.ts'

export interface SampleSalt {
  readonly bytes: Buffer
  /** The first 16 hex digits of SHA-256 of the bytes: which salt, without telling it. */
  readonly id: string
  /** Where it came from, for messages. */
  readonly source: string
}

export function saltOf(bytes: Buffer, source: string): SampleSalt {
  return { bytes, id: createHash('sha256').update(bytes).digest('hex').slice(0, 16), source }
}

/** The salt the environment names (rule 1 or 2), or undefined. */
export function environmentSalt(env: NodeJS.ProcessEnv = process.env): SampleSalt | undefined {
  const given = env.CKPT_AUDIT_SAMPLE_SALT
  if (given !== undefined && given !== '') return saltOf(createHash('sha256').update(`env\0${given}`).digest(), 'CKPT_AUDIT_SAMPLE_SALT')
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_RUN_ID !== undefined && env.GITHUB_RUN_ID !== '')
    return saltOf(createHash('sha256').update(`github\0${env.GITHUB_REPOSITORY ?? ''}\0${env.GITHUB_RUN_ID}`).digest(),
      'the GitHub Actions run id')
  return undefined
}

let resolved: Promise<SampleSalt> | undefined

/** This process's salt (memoized: every fingerprint of one process samples the same positions). */
export function sampleSalt(): Promise<SampleSalt> {
  resolved ??= (async () => {
    const fromEnvironment = environmentSalt()
    if (fromEnvironment !== undefined) return fromEnvironment
    const key = await loadKey()
    const derived = key === undefined ? undefined : createHmac('sha256', key).update('ckpt-audit sample positions').digest()
    if (derived !== undefined) return saltOf(derived, "this machine's cache key")
    return saltOf(randomBytes(32), 'random')
  })()
  return resolved
}
