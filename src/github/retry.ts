/** Bounded retries with exponential backoff for transient GitHub API failures (5xx, network). */

/** The HTTP status of an Octokit-style error, read by shape (not instanceof: bundles duplicate classes). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

export function isTransient(error: unknown): boolean {
  const status = statusOf(error)
  return status === undefined || status >= 500 || status === 429
}

export async function withRetries<T>(call: () => Promise<T>, attempts = 4, baseDelayMs = 500,
                                     sleep: (ms: number) => Promise<void> = ms => new Promise(r => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error
      await sleep(baseDelayMs * 2 ** (attempt - 1))
    }
  }
}
