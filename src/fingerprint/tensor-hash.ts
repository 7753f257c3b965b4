/**
 * The per-tensor hash of a fingerprint: GMAC, the authenticator of AES-GCM (NIST SP 800-38D) over
 * the tensor's raw bytes, fed as additional authenticated data, under a key derived from the
 * secret sample salt (sample-salt.ts). GMAC is a keyed universal hash: who does not know the key
 * can make two different byte strings of L 16-byte blocks share a tag with probability at most
 * L / 2^128 (2^-101 for a 2 GiB tensor), so a changed frozen layer cannot be passed off as
 * unchanged. It runs on the AES and carry-less multiply instructions (node:crypto, OpenSSL): about
 * 17 GiB/s on the 2-core machine against 1.2 GiB/s for SHA-256, whose single pass made hashing the
 * fingerprint's bottleneck (README, Benchmarks). Tags are comparable only under one salt, which
 * every fingerprint records. One fixed nonce is fine here: the tag is never an encryption's, only
 * a digest compared for equality, and the key is never used for anything else.
 */
import { createCipheriv, createHmac, type CipherGCM } from 'node:crypto'
import type { SampleSalt } from './sample-salt.ts'

const NONCE = Buffer.alloc(12)
const keys = new WeakMap<Buffer, Buffer>()

/** The AES-128 key of a salt: its own derivation, so the hash key is never the sampling seed. */
function keyOf(salt: SampleSalt): Buffer {
  let key = keys.get(salt.bytes)
  if (key === undefined) {
    key = createHmac('sha256', salt.bytes).update('ckpt-audit tensor hash').digest().subarray(0, 16)
    keys.set(salt.bytes, key)
  }
  return key
}

export interface TensorHash {
  update(bytes: Uint8Array): void
  /** 32 hexadecimal digits. */
  digest(): string
}

export function tensorHash(salt: SampleSalt): TensorHash {
  const gcm: CipherGCM = createCipheriv('aes-128-gcm', keyOf(salt), NONCE)
  return {
    // chunks of any length: GCM buffers partial blocks, so the tag is the concatenation's
    update: bytes => { gcm.setAAD(bytes) },
    digest: () => {
      gcm.final()
      return gcm.getAuthTag().toString('hex')
    },
  }
}
