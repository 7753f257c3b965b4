/** `hf://` addresses → the Hub's resolve URL, with HF_TOKEN for the Hub endpoint's host only. */
import type { RemoteAddress } from './address.ts'
import { checkHeaderValue } from './credentials.ts'
import type { Target } from './http-request.ts'

export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co'

type HfAddress = Extract<RemoteAddress, { kind: 'hf' }>

export function hfTarget(address: HfAddress, env: NodeJS.ProcessEnv): Target {
  const endpoint = new URL(env.HF_ENDPOINT || DEFAULT_HF_ENDPOINT)
  const base = endpoint.href.replace(/\/+$/, '')
  // the revision is one path segment: `refs/pr/1` must arrive as refs%2Fpr%2F1
  const path = address.path.split('/').map(encodeURIComponent).join('/')
  const url = `${base}${address.dataset ? '/datasets' : ''}/${address.repo}/resolve/${encodeURIComponent(address.revision)}/${path}`
  const token = env.HF_TOKEN ? checkHeaderValue('HF_TOKEN', env.HF_TOKEN) : undefined
  return {
    display: address.written,
    url,
    digestHost: endpoint.host,
    // the CDN the Hub redirects to is another host: the token never follows the redirect
    ...(token ? { credential: { host: endpoint.host, headers: { authorization: `Bearer ${token}` } } } : {}),
  }
}
