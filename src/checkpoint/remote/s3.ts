/**
 * `s3://BUCKET/KEY` → a SigV4-signed GET per range request (aws4fetch: the signature covers the
 * Range header, so each request is signed anew). Without credentials the requests go unsigned
 * (public buckets).
 */
import { AwsV4Signer } from 'aws4fetch'
import type { RemoteAddress } from './address.ts'
import { checkHeaderValue } from './credentials.ts'
import type { Target } from './http-request.ts'

type S3Address = Extract<RemoteAddress, { kind: 's3' }>

export function s3Target(address: S3Address, env: NodeJS.ProcessEnv): Target {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1'
  const key = address.key.split('/').map(encodeURIComponent).join('/')
  // a custom endpoint (MinIO, R2, s3rver) gets path-style URLs: its buckets are rarely DNS names
  const url = env.AWS_ENDPOINT_URL
    ? `${env.AWS_ENDPOINT_URL.replace(/\/+$/, '')}/${address.bucket}/${key}`
    : `https://${address.bucket}.s3.${region}.amazonaws.com/${key}`
  const accessKeyId = env.AWS_ACCESS_KEY_ID
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY
  if (!accessKeyId || !secretAccessKey) return { display: address.written, url }
  // the key id and the session token travel in headers; the secret only feeds the HMAC
  checkHeaderValue('AWS_ACCESS_KEY_ID', accessKeyId)
  const sessionToken = env.AWS_SESSION_TOKEN ? checkHeaderValue('AWS_SESSION_TOKEN', env.AWS_SESSION_TOKEN) : undefined
  return {
    display: address.written,
    url,
    async sign(signUrl, headers) {
      // allHeaders: aws4fetch leaves Range out of the signature by default; signed, a proxy cannot move the window
      const signer = new AwsV4Signer({ method: 'GET', url: signUrl, headers, accessKeyId, secretAccessKey, service: 's3', region, allHeaders: true, ...(sessionToken ? { sessionToken } : {}) })
      const signed = await signer.sign()
      return Object.fromEntries(signed.headers.entries())
    },
  }
}
