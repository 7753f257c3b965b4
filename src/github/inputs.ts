/** Reads typed settings from Action inputs: a function of a getter, so tests pass a Map and mock no modules. */
import { isAbsolute, relative, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { DEFAULT_MANIFESTS, isInside } from '../manifest/paths.ts'
import { WEIGHT_MODES } from '../manifest/types.ts'
import { COMMENT_MODES, REMOTE_MODES, type ActionSettings } from './settings.ts'
import { parseShard, type ShardSpec } from '../shard/partition.ts'

export class InputError extends Error {}

function choice<T extends string>(getInput: (name: string) => string, name: string, allowed: readonly T[]): T | undefined {
  const value = getInput(name).trim()
  if (value === '') return undefined
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')}; got '${value}'.`)
  return value as T
}

/** `kl_beta, lr` or one key per line. */
function parseList(value: string): string[] | undefined {
  const items = value.split(/[,\n]/).map(s => s.trim()).filter(Boolean)
  return value.trim() === '' ? undefined : items
}

/** The shard and merge roles: at most one of them. */
function roles(getInput: (name: string) => string): { shard: ShardSpec | undefined, merge: string | undefined } {
  const [shard, merge] = [getInput('shard').trim(), getInput('merge').trim()]
  if (shard !== '' && merge !== '') throw new InputError("Inputs 'shard' and 'merge' cannot both be set: a job is a shard or the merge.")
  try {
    return { shard: shard === '' ? undefined : parseShard(shard), merge: merge === '' ? undefined : merge }
  } catch (error) {
    throw new InputError(`Input 'shard': ${(error as Error).message.replace(/^--shard /, '')}`)
  }
}

/**
 * `exists` lets tests run without files: with no `manifest` input, ckpt-audit.yml is used, or
 * .github/ckpt-audit.yml when only that one exists (docs/design.md §2).
 */
export function readSettings(getInput: (name: string) => string, workspace: string,
                             exists: (path: string) => boolean = existsSync): ActionSettings {
  const root = resolve(workspace)
  const directory = resolve(root, getInput('working-directory').trim() || '.')
  if (!isInside(root, directory)) throw new InputError(`Input 'working-directory' leaves the workspace: ${getInput('working-directory')}`)
  const given = getInput('manifest').trim()
  const written = given !== '' ? given
    : DEFAULT_MANIFESTS.find(name => exists(resolve(directory, name))) ?? DEFAULT_MANIFESTS[0]
  if (isAbsolute(written)) throw new InputError(`Input 'manifest' must be relative to the workspace; got '${written}'.`)
  const manifestPath = resolve(directory, written)
  if (!isInside(root, manifestPath)) throw new InputError(`Input 'manifest' leaves the workspace: ${written}`)
  return {                                  // one literal: a forgotten field is a compile error
    manifest: relative(root, manifestPath) || written,
    manifestPath,
    workspace: root,
    failOn: parseList(getInput('fail-on')),
    weights: choice(getInput, 'weights', WEIGHT_MODES),
    strict: choice(getInput, 'strict', ['true', 'false'] as const) === 'true',
    cache: choice(getInput, 'cache', ['true', 'false'] as const) !== 'false',
    ...roles(getInput),
    comment: choice(getInput, 'comment', COMMENT_MODES) ?? 'always',
    token: getInput('github-token'),
    commentAuthor: getInput('comment-author').trim() || 'github-actions[bot]',
    remote: choice(getInput, 'remote', REMOTE_MODES) ?? 'allow',
    remoteHosts: parseList(getInput('remote-hosts'))?.map(host => host.toLowerCase()) ?? [],
  }
}
