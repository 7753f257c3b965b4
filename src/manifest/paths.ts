/** Resolves manifest paths and keeps them inside the workspace (absolute paths, `..` and symlinks out are refused). */
import { existsSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { isRemoteAddress, joinAddress, parseAddress } from '../checkpoint/remote/address.ts'

export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..')
}

/** Resolves `written` against `base`; returns the absolute path or the reason it is refused. */
export function resolveInside(base: string, written: string, workspace: string): { path: string } | { problem: string } {
  if (isAbsolute(written) || /^[a-zA-Z]:[\\/]/.test(written))
    return { problem: `'${written}' is an absolute path; write it relative to the manifest's root` }
  const path = resolve(base, written)
  if (!isInside(workspace, path)) return { problem: `'${written}' leaves the workspace (${workspace})` }
  if (existsSync(path)) {
    const real = realpathSync(path)
    if (!isInside(realpathSync(workspace), real)) return { problem: `'${written}' is a symbolic link to ${real}, outside the workspace` }
  }
  return { path }
}

/**
 * Resolves a checkpoint entry: a remote address (https, hf, s3) is no filesystem path, so the
 * workspace confinement does not apply, but its syntax is checked; under a remote root a
 * relative entry joins the root's address. Anything else is `resolveInside`.
 */
export function resolveEntry(base: string, written: string, workspace: string, folder = false): { path: string, remote: boolean } | { problem: string } {
  const joined = isRemoteAddress(written) ? written : isRemoteAddress(base) ? joinAddress(base, written) : undefined
  if (joined === undefined) {
    const local = resolveInside(base, written, workspace)
    return 'problem' in local ? local : { path: local.path, remote: false }
  }
  if (typeof joined !== 'string') return joined
  // a root names a folder: its address is complete once a file name is added
  const address = parseAddress(folder ? `${joined.replace(/\/+$/, '')}/file` : joined)
  return 'problem' in address ? address : { path: joined, remote: true }
}

/** The workspace: GITHUB_WORKSPACE, else the git repository holding the manifest, else the manifest's folder. */
export function findWorkspace(manifestFile: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_WORKSPACE) return resolve(env.GITHUB_WORKSPACE)
  let folder = dirname(resolve(manifestFile))
  for (;;) {
    if (existsSync(join(folder, '.git'))) return folder
    const up = dirname(folder)
    if (up === folder) return dirname(resolve(manifestFile))
    folder = up
  }
}

/** Default manifest names, in order of preference. */
export const DEFAULT_MANIFESTS = ['ckpt-audit.yml', '.github/ckpt-audit.yml'] as const

export function findManifest(cwd: string): string | undefined {
  return DEFAULT_MANIFESTS.map(name => join(cwd, name)).find(path => existsSync(path))
}
