/** Cheap sniffers on the first bytes, in order (netron's approach): each format gets its own reader or its own reason. */
import { isLegacyTorch } from './torch-legacy.ts'
import { looksLikeSafetensors } from './safetensors.ts'

export type Sniffed = 'lfs-pointer' | 'torch-zip' | 'other-zip' | 'safetensors' | 'torch-legacy' | 'pickle' | 'unknown'

const LFS_PREFIX = 'version https://git-lfs.github.com/spec/'
/** Opcodes a protocol 0/1 pickle of a container starts with: MARK, EMPTY_DICT, EMPTY_LIST, GLOBAL, EMPTY_TUPLE. */
const TEXT_PICKLE_STARTS = new Set([0x28, 0x7d, 0x5d, 0x63, 0x29])

export function sniff(head: Uint8Array, size: number, name: string): Sniffed {
  if (new TextDecoder('latin1').decode(head.subarray(0, LFS_PREFIX.length)) === LFS_PREFIX) return 'lfs-pointer'
  if (head[0] === 0x50 && head[1] === 0x4b) return head[2] === 0x03 && head[3] === 0x04 ? 'torch-zip' : 'other-zip'
  if (looksLikeSafetensors(head, size)) return 'safetensors'
  if (isLegacyTorch(head)) return 'torch-legacy'
  if (head[0] === 0x80 && head[1]! <= 5) return 'pickle'
  if (TEXT_PICKLE_STARTS.has(head[0]!) && /\.(pkl|pickle|bin|pt|pth|ckpt)$/i.test(name)) return 'pickle'
  return 'unknown'
}

/** Reads the size line of a Git LFS pointer, for the message. */
export function lfsPointerSize(head: Uint8Array): number | undefined {
  const match = /\nsize (\d+)/.exec(new TextDecoder('latin1').decode(head))
  return match ? Number(match[1]) : undefined
}
