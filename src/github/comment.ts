/**
 * The sticky PR comment: one per manifest, found by its hidden marker AND its author (so a copy
 * of the report pasted by someone else is never edited), edited in place, skipped when unchanged.
 */

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

export type UpsertOutcome = 'created' | 'updated' | 'unchanged'

export async function findStickyComment(api: CommentsApi, marker: string, author: string): Promise<IssueComment | undefined> {
  for await (const page of api.list())
    for (const comment of page)
      if (comment.user?.login === author && (comment.body ?? '').startsWith(marker)) return comment
  return undefined
}

export async function upsertStickyComment(api: CommentsApi, marker: string, body: string, author: string): Promise<UpsertOutcome> {
  const existing = await findStickyComment(api, marker, author)
  if (existing === undefined) {
    await api.create(body)
    return 'created'
  }
  if (existing.body === body) return 'unchanged'
  await api.update(existing.id, body)
  return 'updated'
}
