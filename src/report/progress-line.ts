/** One progress line for a terminal of `columns` columns: long paths lose their middle, never their file name. */
import { terminalSafe } from './terminal.ts'

/** `results/okvqa/…/deep/name.pt`: the folder loses its middle to fit `room`; the file name stays whole. */
function shortenPath(path: string, room: number): string {
  if (path.length <= room) return path
  const name = path.slice(path.lastIndexOf('/') + 1)
  const folder = path.slice(0, path.length - name.length)
  const keep = room - name.length - 1 // one column for the ellipsis
  if (keep < 2) return `…/${name}`
  const head = Math.ceil(keep / 2)
  return `${folder.slice(0, head)}…${folder.slice(folder.length - (keep - head))}${name}`
}

export function fitProgressLine(message: string, columns: number): string {
  const width = Math.max(columns - 1, 10) // the last column would wrap on some terminals
  const line = terminalSafe(message)
  if (line.length <= width) return line
  const words = line.split(' ')
  const paths = words.map((w, i) => (w.includes('/') ? i : -1)).filter(i => i >= 0)
  let excess = line.length - width
  // take the excess from the paths, longest first, each down to its file name
  for (const i of [...paths].sort((a, b) => words[b]!.length - words[a]!.length)) {
    if (excess <= 0) break
    const before = words[i]!
    words[i] = shortenPath(before, Math.max(before.length - excess, 0))
    excess -= before.length - words[i]!.length
  }
  const fitted = words.join(' ')
  return fitted.length <= width ? fitted : `…${fitted.slice(fitted.length - width + 1)}`
}
