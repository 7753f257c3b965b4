/** Runs at most `max` async tasks at once; the rest wait in order (bounded concurrency per source). */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: Array<() => void> = []
  return async task => {
    if (running >= max) await new Promise<void>(go => waiting.push(go))
    running++
    try {
      return await task()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}
