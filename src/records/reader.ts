/**
 * The file-system RecordReader: bounded reads, and nothing outside the workspace. The record's
 * own path is checked by resolveInside; this also covers what a record folder holds (an MLflow
 * param file or a `.hydra/overrides.yaml` that is a symbolic link out), so no file outside the
 * workspace can end up in a report or a PR comment.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { isInside } from '../manifest/paths.ts'
import type { RecordReader } from './types.ts'

/** A record is documentation or a run's config: anything bigger is not one. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024

export function workspaceRecordReader(workspace: string): RecordReader {
  let root: string | undefined
  const inside = (path: string): boolean => {
    try {
      root ??= realpathSync(workspace)
      return isInside(root, realpathSync(path))
    } catch {
      return false
    }
  }
  return {
    kind(path) {
      if (!inside(path)) return undefined
      const stat = statSync(path)
      return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined
    },
    text(path) {
      if (!inside(path)) throw new Error('not a file inside the workspace')
      const size = statSync(path).size
      if (size > MAX_RECORD_BYTES) throw new Error(`${size} bytes; a record may have at most ${MAX_RECORD_BYTES}`)
      return readFileSync(path, 'utf8')
    },
    list(path) {
      return inside(path) ? readdirSync(path).sort() : []
    },
  }
}
