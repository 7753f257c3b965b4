/**
 * The sticky PR comment: one per manifest, found by its hidden marker AND its author (so a copy
 * of the report pasted by someone else is never edited), edited in place, skipped when unchanged.
 * Creating is the one write that is not idempotent: GitHub may store a comment and still answer
 * 5xx, so a failed create is never repeated blindly; the comments are listed again first.
 */
import { isTransient } from './retry.ts'

export interface IssueComment {
  readonly id: number
  readonly body?: string | null
  readonly user?: { readonly login: string } | null
}

/** The few REST calls the sticky comment needs; io.ts implements them with Octokit, tests with a fake. */
export interface CommentsApi {
  /** Every comment of the pull request, page by page. */
  list(): AsyncIterable<readonly IssueComment[]>
  create(body: string): Promise<void>
  update(id: number, body: string): Promise<void>
}

/** `absent`: no comment of ours exists and none was to be created (`comment: on-failure` on a pass). */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'absent'

export interface UpsertOptions {
  /** False for `comment: on-failure` on a passing run: only an existing comment is corrected. */
  readonly createIfMissing: boolean
  /** Create attempts in all (each after listing again). */
  readonly attempts?: number
  readonly sleep?: (ms: number) => Promise<void>
  readonly baseDelayMs?: number
}

export async function findStickyComment(api: CommentsApi, marker: string, author: string): Promise<IssueComment | undefined> {
  for await (const page of api.list())
    for (const comment of page)
      if (comment.user?.login === author && (comment.body ?? '').startsWith(marker)) return comment
  return undefined
}

export async function upsertStickyComment(api: CommentsApi, marker: string, body: string, author: string,
                                          options: UpsertOptions = { createIfMissing: true }): Promise<UpsertOutcome> {
  const { attempts = 4, baseDelayMs = 500, sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms)) } = options
  for (let attempt = 1; ; attempt++) {
    const existing = await findStickyComment(api, marker, author)
    if (existing !== undefined) {
      // after a failed create, finding ours means that create was stored after all
      if (existing.body === body) return attempt > 1 ? 'created' : 'unchanged'
      await api.update(existing.id, body)
      return attempt > 1 ? 'created' : 'updated'
    }
    if (!options.createIfMissing) return 'absent'
    try {
      await api.create(body)
      return 'created'
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error
      await sleep(baseDelayMs * 2 ** (attempt - 1)) // then list again: the failed POST may have been stored
    }
  }
}
