/**
 * Which commit a shard ran on. Shards keyed by path and size alone would take a file replaced by
 * another of the same size for the old one, so each report names its commit and whether the
 * worktree had changes, and merge refuses shards of different commits. In the Action the commit is
 * GITHUB_SHA (every job of a workflow run checks out the same one); on the command line it is
 * `git rev-parse HEAD` of the manifest's folder, none outside a git checkout.
 */
import { execFile } from 'node:child_process'

export interface CommitInfo {
  readonly sha: string | null
  /** Whether `git status --porcelain` listed anything (tracked changes or untracked files). */
  readonly dirty: boolean
  readonly source: 'github' | 'git' | 'none'
}

/** git's stdout in `dir`, or undefined when git is missing or `dir` is no checkout. */
function git(dir: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise(done => {
    execFile('git', [...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => done(error === null ? stdout : undefined))
  })
}

export async function commitOf(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<CommitInfo> {
  const head = (await git(dir, ['rev-parse', 'HEAD']))?.trim()
  const status = head === undefined ? undefined : await git(dir, ['status', '--porcelain'])
  const dirty = status !== undefined && status.trim() !== ''
  const github = env.GITHUB_SHA
  if (github !== undefined && /^[0-9a-f]{40,64}$/.test(github)) return { sha: github, dirty, source: 'github' }
  return head !== undefined && /^[0-9a-f]{40,64}$/.test(head) ? { sha: head, dirty, source: 'git' } : { sha: null, dirty: false, source: 'none' }
}

export const describeCommit = (c: CommitInfo): string =>
  c.sha === null ? 'no git commit' : `commit ${c.sha.slice(0, 12)}${c.dirty ? ' with uncommitted changes' : ''}`

/**
 * Whether a shard's entries may be matched by path and size alone. In the Action (GITHUB_SHA,
 * clean checkout) every job's checkout gives new mtimes, and the commit names the content; anywhere
 * else, and with uncommitted changes, the merge also compares each file's mtime and ctime.
 */
export const commitPinsFiles = (c: CommitInfo): boolean => c.source === 'github' && !c.dirty
