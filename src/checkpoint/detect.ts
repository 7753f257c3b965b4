/** Cheap sniffers on the first bytes, in order (netron's approach): each format gets its own reader or its own reason. */
import { looksLikePickle } from './pickle/probe.ts'
import { isLegacyTorch } from './torch-legacy.ts'
import { looksLikeSafetensors } from './safetensors.ts'

export type Sniffed = 'lfs-pointer' | 'torch-zip' | 'other-zip' | 'safetensors' | 'torch-legacy' | 'pickle' | 'unknown'

const LFS_PREFIX = 'version https://git-lfs.github.com/spec/'

/** `head`: the first bytes (PROBE_BYTES suffice for every sniffer); `size`: the whole file's. */
export function sniff(head: Uint8Array, size: number): Sniffed {
  if (new TextDecoder('latin1').decode(head.subarray(0, LFS_PREFIX.length)) === LFS_PREFIX) return 'lfs-pointer'
  if (head[0] === 0x50 && head[1] === 0x4b) return head[2] === 0x03 && head[3] === 0x04 ? 'torch-zip' : 'other-zip'
  if (looksLikeSafetensors(head, size)) return 'safetensors'
  if (isLegacyTorch(head, size)) return 'torch-legacy'
  // any protocol, any first opcode, any name: torch.load and pickle.load accept them all
  if (looksLikePickle(head, 0, size)) return 'pickle'
  return 'unknown'
}

/** Reads the size line of a Git LFS pointer, for the message. */
export function lfsPointerSize(head: Uint8Array): number | undefined {
  const match = /\nsize (\d+)/.exec(new TextDecoder('latin1').decode(head))
  return match ? Number(match[1]) : undefined
}
