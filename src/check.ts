/** The pipeline `check` shares between the CLI and the Action: manifest → audit with real files → report. */
import { auditManifest, type AuditIO, type AuditOptions, type AuditResult } from './audit/audit.ts'
import { openCheckpoint } from './checkpoint/open.ts'
import { sha256File } from './checkpoint/sha256.ts'
import { loadManifest } from './manifest/parse.ts'
import { diffCheckpoints } from './weights/diff.ts'

export const fileIO: AuditIO = { open: openCheckpoint, sha256: sha256File, diff: (a, b) => diffCheckpoints(a, b) }

/** Throws ManifestError for a bad manifest; everything about checkpoints is in the result. */
export async function checkManifest(manifestPath: string, options: AuditOptions = {}, workspace?: string, display?: string): Promise<AuditResult> {
  const manifest = await loadManifest(manifestPath, workspace, display)
  return auditManifest(manifest, fileIO, options)
}
