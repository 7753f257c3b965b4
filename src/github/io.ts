/**
 * The only module that imports @actions/*: inputs, the sticky comment, the job summary,
 * annotations and outputs. main.ts takes a GitHubIO, so tests pass a recording fake.
 */
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as actionsCache from '@actions/cache'
import * as core from '@actions/core'
import * as github from '@actions/github'
import type { Annotation } from './annotations.ts'
import type { CacheService } from './fingerprint-cache.ts'
import { upsertStickyComment, type CommentsApi, type UpsertOutcome } from './comment.ts'
import { statusOf, withRetries } from './retry.ts'
import { terminalSafe } from '../report/terminal.ts'

export interface GitHubIO {
  readonly workspace: string
  getInput(name: string): string
  /**
   * Creates or edits the sticky comment (only edits when `createIfMissing` is false); `posted:
   * false` with a reason when it could not.
   */
  upsertComment(marker: string, markdown: string, author: string, token: string, createIfMissing: boolean): Promise<{ posted: boolean, outcome?: UpsertOutcome }>
  /** Link to this run's summary, for truncated comments. */
  readonly runUrl: string
  writeSummary(markdown: string): Promise<void>
  /** Writes a JSON report under RUNNER_TEMP (default name ckpt-audit-report.json); returns its path. */
  writeReportJson(json: string, name?: string): Promise<string>
  setOutputs(outputs: Record<string, string>): void
  annotate(annotation: Annotation): void
  info(message: string): void
  warning(message: string): void
  setFailed(message: string): void
  /** The Actions cache service when this runner has one (absent in tests and outside Actions). */
  readonly cache?: CacheService
  /** Where the fingerprint cache lives during the run. */
  readonly cacheDir?: string
}

/** @actions/cache, when the runner offers the cache service. */
function cacheService(): CacheService | undefined {
  if (!actionsCache.isFeatureAvailable()) return undefined
  return {
    restore: (dir, key, restoreKeys) => actionsCache.restoreCache([dir], key, restoreKeys),
    save: async (dir, key) => { await actionsCache.saveCache([dir], key) },
  }
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

export function actionsIO(env: NodeJS.ProcessEnv = process.env): GitHubIO {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const cache = cacheService()
  return {
    workspace,
    ...(cache !== undefined ? { cache } : {}),
    cacheDir: join(env.RUNNER_TEMP ?? tmpdir(), 'ckpt-audit-cache'),
    runUrl: `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    getInput: name => core.getInput(name),
    async upsertComment(marker, markdown, author, token, createIfMissing) {
      const { eventName, payload } = github.context
      const number = payload.pull_request?.number
      if (!PULL_REQUEST_EVENTS.has(eventName) || number === undefined) {
        core.info(`Not commenting: the ${eventName} event has no pull request; the report is in the job summary.`)
        return { posted: false }
      }
      if (token === '') {
        core.warning('No github-token: the report is in the job summary only.')
        return { posted: false }
      }
      // no core.setSecret: it would print the token in an ::add-mask:: line; the runner already masks secrets and github.token
      const octokit = github.getOctokit(token)
      const { owner, repo } = github.context.repo
      const api: CommentsApi = {
        // listing and editing are idempotent and retried; creating is not (comment.ts lists again instead)
        list: async function* () {
          const pages = await withRetries(async () => {
            const all = []
            for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 })) all.push(page.data)
            return all
          })
          yield* pages
        },
        create: body => octokit.rest.issues.createComment({ owner, repo, issue_number: number, body }).then(() => undefined),
        update: (id, body) => withRetries(() => octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).then(() => undefined),
      }
      try {
        const outcome = await upsertStickyComment(api, marker, markdown, author, { createIfMissing })
        core.info(outcome === 'absent' ? 'No earlier pull request comment to update.' : `Pull request comment ${outcome}.`)
        return { posted: true, outcome }
      } catch (error) {
        const status = statusOf(error)
        if (status === 403 || status === 404)
          core.warning(`Could not comment on the pull request (HTTP ${status}): grant \`permissions: pull-requests: write\` to the job (fork pull requests get a read-only token). The report is in the job summary.`)
        else core.warning(`Could not comment on the pull request${status !== undefined ? ` (HTTP ${status})` : ''}: ${(error as Error).message}. The report is in the job summary.`)
        return { posted: false }
      }
    },
    async writeSummary(markdown) {
      try {
        await core.summary.addRaw(markdown).write({ overwrite: true })
      } catch (error) {
        core.warning(`Could not write the job summary: ${(error as Error).message}`)
      }
    },
    async writeReportJson(json, name = 'ckpt-audit-report.json') {
      const path = join(env.RUNNER_TEMP ?? tmpdir(), name)
      await writeFile(path, json)
      return path
    },
    setOutputs(outputs) {
      for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
    },
    annotate(a) {
      const properties = { title: a.title, file: a.file, startLine: a.line, startColumn: a.column }
      if (a.level === 'error') core.error(a.message, properties)
      else if (a.level === 'warning') core.warning(a.message, properties)
      else core.notice(a.message, properties)
    },
    // a line starting with :: is a workflow command: values from files must not reach the log raw
    info: message => core.info(terminalSafe(message)),
    warning: message => core.warning(message),
    setFailed: message => core.setFailed(message),
  }
}
