/**
 * Whether remote addresses may be read, and which hosts: manifest addresses come from a pull
 * request's author, so the Action can deny them or restrict them to a host allowlist. Read from
 * the environment (the Action sets these from its `remote` and `remote-hosts` inputs).
 */
import { CheckpointError } from '../errors.ts'

export interface RemotePolicy {
  readonly allow: boolean
  /** Host names, lower-case, IPv6 without brackets; undefined: any host. */
  readonly hosts: ReadonlySet<string> | undefined
}

export function remotePolicy(env: NodeJS.ProcessEnv): RemotePolicy {
  const mode = (env.CKPT_AUDIT_REMOTE ?? 'allow').trim().toLowerCase()
  const list = splitHosts(env.CKPT_AUDIT_REMOTE_HOSTS ?? '')
  const problems = remoteHostProblems(list)
  // an entry that can never match would silently refuse every address: say why instead
  if (problems.length > 0) throw new CheckpointError('refused', `remote-hosts (CKPT_AUDIT_REMOTE_HOSTS): ${problems.join('; ')}`)
  return { allow: mode !== 'deny', hosts: list.length > 0 ? new Set(list.map(hostKey)) : undefined }
}

export function splitHosts(text: string): string[] {
  return text.split(/[\s,]+/).map(h => h.trim()).filter(h => h !== '')
}

/** A host as the allowlist compares it: lower-case, an IPv6 address without its brackets. */
export function hostKey(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
}

/** What is wrong with each entry that is no bare host name: a scheme, a port, a path. */
export function remoteHostProblems(entries: readonly string[]): string[] {
  const problems: string[] = []
  for (const entry of entries) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) problems.push(`'${entry}' has a scheme; write the host name only`)
    else if (/[/?#@\\]/.test(entry)) problems.push(`'${entry}' is not a host name (it holds / ? # @ or \\)`)
    else if (/^\[[^\]]*\]:/.test(entry) || (!entry.startsWith('[') && (entry.match(/:/g) ?? []).length === 1))
      problems.push(`'${entry}' has a port; hosts are matched on the name alone, write it without the port`)
    else if (entry.startsWith('[') && !/^\[[0-9a-f:.]+\]$/i.test(entry)) problems.push(`'${entry}' is not a host name`)
  }
  return problems
}
