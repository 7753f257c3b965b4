import type { SourceLocation } from './types.ts'

export interface ManifestProblem {
  readonly location: SourceLocation
  readonly message: string
}

/** Every problem of a manifest at once, each with file:line:column. Exit code 2. */
export class ManifestError extends Error {
  readonly problems: readonly ManifestProblem[]
  constructor(problems: readonly ManifestProblem[]) {
    const sorted = [...problems].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column)
    super(sorted.map(formatProblem).join('\n'))
    this.name = 'ManifestError'
    this.problems = sorted
  }
}

export function formatProblem(problem: ManifestProblem): string {
  const { file, line, column } = problem.location
  return `${file}:${line}:${column}: ${problem.message}`
}

/** The closest known name within a small edit distance, for "did you mean". */
export function suggest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}
