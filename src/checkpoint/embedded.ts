/**
 * Checkpoints embedded in a pickle through `torch.storage._load_from_bytes` (how `pickle.dumps`
 * writes a tensor): torch would load them, so their pickles are scanned like the outer file's,
 * to a depth of 2. Their globals join the outer file's; their values stay out of the metadata.
 * torch would unpickle any bytes handed to it, so bytes we cannot read through fail closed.
 */
import { append } from './append.ts'
import { memorySource } from './byte-source.ts'
import { sniff } from './detect.ts'
import { CheckpointError } from './errors.ts'
import { PROBE_BYTES } from './pickle/probe.ts'
import type { GlobalUse } from './pickle/unpickle.ts'
import { unscannable } from './pickle/unscannable.ts'
import { readSafetensors } from './safetensors.ts'
import { readLegacyTorch, readPlainPickle } from './torch-legacy.ts'
import { readTorchZip } from './torch-zip.ts'

export const MAX_EMBEDDING_DEPTH = 2

export async function scanEmbedded(blobs: readonly Uint8Array[], outer: string, depth: number,
                                   globals: GlobalUse[], notices: string[]): Promise<void> {
  for (const [i, blob] of blobs.entries()) {
    const where = `${outer} (embedded checkpoint ${i + 1})`
    if (depth >= MAX_EMBEDDING_DEPTH) {
      globals.push({ qualified: 'torch.storage._load_from_bytes', verdict: 'unsafe', reason: `checkpoints embedded deeper than ${MAX_EMBEDDING_DEPTH}`, offset: 0, where })
      continue
    }
    const source = memorySource(where, blob)
    const seen: GlobalUse[] = []
    try {
      switch (sniff(blob.subarray(0, PROBE_BYTES), blob.length)) {
        case 'torch-zip': await readTorchZip(source, seen, depth + 1); break
        case 'torch-legacy': await readLegacyTorch(source, seen, depth + 1); break
        case 'pickle': await readPlainPickle(source, seen, depth + 1); break
        case 'safetensors': await readSafetensors(source); break
        default: throw new CheckpointError('not-a-checkpoint', `${where}: not a checkpoint we read, but torch.load would unpickle it`)
      }
    } catch (error) {
      seen.push(unscannable(where, error))
      notices.push(`${where}: ${(error as Error).message}`)
    }
    append(globals, seen)
  }
}
