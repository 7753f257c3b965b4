/**
 * The Action's remote settings as the environment the checkpoint layer reads (remote/policy.ts,
 * remote/lfs.ts): `remote`, `remote-hosts`, LFS pointers read through the batch API, and the
 * Action's token offered to the LFS endpoint (lfs.ts sends it to the GitHub host only).
 */
import { remoteHostProblems } from '../checkpoint/remote/policy.ts'
import { InputError } from './inputs.ts'
import type { ActionSettings } from './settings.ts'

export function remoteEnvironment(settings: Pick<ActionSettings, 'remote' | 'remoteHosts' | 'token'>, env: NodeJS.ProcessEnv): Record<string, string> {
  // an entry with a port or a scheme would never match a host: refuse the input, not every address
  const problems = remoteHostProblems(settings.remoteHosts)
  if (problems.length > 0) throw new InputError(`input 'remote-hosts': ${problems.join('; ')}`)
  const out: Record<string, string> = {
    CKPT_AUDIT_REMOTE: settings.remote,
    CKPT_AUDIT_REMOTE_HOSTS: settings.remoteHosts.join(','),
    // a workflow no longer needs `lfs: true`: pointers are read by range through the batch API
    CKPT_AUDIT_LFS: settings.remote === 'allow' ? 'batch' : 'off',
  }
  if (settings.token !== '' && env.GITHUB_TOKEN === undefined) out.GITHUB_TOKEN = settings.token
  return out
}
