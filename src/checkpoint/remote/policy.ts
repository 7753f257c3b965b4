/**
 * Whether remote addresses may be read, and which hosts: manifest addresses come from a pull
 * request's author, so the Action can deny them or restrict them to a host allowlist. Read from
 * the environment (the Action sets these from its `remote` and `remote-hosts` inputs).
 */
export interface RemotePolicy {
  readonly allow: boolean
  readonly hosts: ReadonlySet<string> | undefined
}

export function remotePolicy(env: NodeJS.ProcessEnv): RemotePolicy {
  const mode = (env.CKPT_AUDIT_REMOTE ?? 'allow').trim().toLowerCase()
  const list = (env.CKPT_AUDIT_REMOTE_HOSTS ?? '').split(/[\s,]+/).map(h => h.trim().toLowerCase()).filter(h => h !== '')
  return { allow: mode !== 'deny', hosts: list.length > 0 ? new Set(list) : undefined }
}
