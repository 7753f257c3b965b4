/** The file-system RecordReader: bounded reads, so a record cannot make the audit read a huge file. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import type { RecordReader } from './types.ts'

/** A record is documentation or a run's config: anything bigger is not one. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024

export const fileRecordReader: RecordReader = {
  kind(path) {
    try {
      const stat = statSync(path)
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined
    } catch {
      return undefined
    }
  },
  text(path) {
    const size = statSync(path).size
    if (size > MAX_RECORD_BYTES) throw new Error(`${size} bytes; a record may have at most ${MAX_RECORD_BYTES}`)
    return readFileSync(path, 'utf8')
  },
  list(path) {
    return readdirSync(path).sort()
  },
}
