/**
 * Opens any supported checkpoint path: sniffs the format, dispatches to its reader, reads the
 * values of 0-dim tensors (they often hold hyperparameters), and turns every failure into a
 * CheckpointError with a reason a user can act on.
 */
import { stat } from 'node:fs/promises'
import { openFileSource, readRange, type ByteSource } from './byte-source.ts'
import type { Checkpoint } from './checkpoint.ts'
import { decodeElement, dtypeInfo } from './dtypes.ts'
import { lfsPointerSize, sniff } from './detect.ts'
import { CheckpointError, n } from './errors.ts'
import { readRunDirectory } from './run-directory.ts'
import { readSafetensors } from './safetensors.ts'
import { readLegacyTorch, readPlainPickle } from './torch-legacy.ts'
import { readTorchZip } from './torch-zip.ts'
import type { GlobalUse } from './pickle/unpickle.ts'
import { asCheckpointError } from './pickle/unscannable.ts'
import { PROBE_BYTES } from './pickle/probe.ts'
import { isRemoteAddress } from './remote/address.ts'
import { parseLfsPointer } from './remote/lfs.ts'
import { openLfs, openRemote } from './remote/open-remote.ts'
import { remotePolicy } from './remote/policy.ts'

/** At most this many 0-dim tensors get their value read (each is one small read). */
const MAX_SCALAR_READS = 4096

export async function openCheckpoint(path: string): Promise<Checkpoint> {
  if (isRemoteAddress(path)) return openSource(path, () => openRemote(path))
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CheckpointError('not-found', `${path}: no such file or directory`)
    throw new CheckpointError('not-found', `${path}: cannot be opened (${code ?? (error as Error).message})`)
  }
  if (info.isDirectory()) return guard(path, () => readRunDirectory(path, openCheckpoint))
  if (!info.isFile()) throw new CheckpointError('not-a-checkpoint', `${path}: not a regular file`)
  if (info.size === 0) throw new CheckpointError('empty', `${path}: the file is empty (0 bytes)`)

  return openSource(path, async () => {
    try {
      return await openFileSource(path)
    } catch (error) {
      throw new CheckpointError('not-found', `${path}: cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
  })
}

/** Reads a checkpoint from an opened source (a file, or a remote object: the same readers). */
async function openSource(path: string, openBytes: () => Promise<ByteSource>): Promise<Checkpoint> {
  let source = await guard(path, openBytes)
  const globals: GlobalUse[] = []
  try {
    // a Git LFS pointer in the checkout: read the real object through the LFS batch API
    const viaLfs = await lfsObject(source)
    if (viaLfs !== undefined) {
      await source.close()
      source = viaLfs
    }
    const checkpoint = await guard(path, () => readFile(source, globals)).catch((error: CheckpointError) => {
      error.globals = globals
      throw error
    })
    await readScalars(checkpoint)
    return checkpoint
  } catch (error) {
    await source.close()
    throw error
  }
}

/** The LFS object behind a pointer file, when remote reads are allowed; else undefined (the reader explains). */
async function lfsObject(source: ByteSource): Promise<ByteSource | undefined> {
  // opt-in (the Action turns it on): a pointer in a developer's checkout never reaches a server unasked
  if (process.env.CKPT_AUDIT_LFS !== 'batch' || !remotePolicy(process.env).allow) return undefined
  if (source.size > 1024 || isRemoteAddress(source.path)) return undefined
  const head = await readRange(source, 0, source.size, `${source.path}: first bytes`)
  if (sniff(head, source.size) !== 'lfs-pointer') return undefined
  const pointer = parseLfsPointer(new TextDecoder().decode(head))
  return pointer === undefined ? undefined : guard(source.path, () => openLfs(source.path, pointer))
}

async function readFile(source: ByteSource, globals: GlobalUse[]): Promise<Checkpoint> {
  const head = await readRange(source, 0, Math.min(source.size, PROBE_BYTES), `${source.path}: first bytes`)
  const kind = sniff(head, source.size)
  switch (kind) {
    case 'lfs-pointer': {
      const size = lfsPointerSize(head)
      throw new CheckpointError('lfs-pointer', `${source.path}: this is a Git LFS pointer, not the checkpoint${size === undefined ? '' : ` (the real file has ${n(size)} bytes)`}. Run \`git lfs pull\`, set \`lfs: true\` on actions/checkout, or let ckpt-audit read it by range through the LFS batch API (CKPT_AUDIT_LFS=batch; on in the Action unless remote: deny)`)
    }
    case 'torch-zip': return readTorchZip(source, globals)
    case 'safetensors': return readSafetensors(source)
    case 'torch-legacy': return readLegacyTorch(source, globals)
    case 'pickle': return readPlainPickle(source, globals)
    case 'other-zip':
      throw new CheckpointError('not-a-checkpoint', `${source.path}: a zip archive that does not start with a local file header (first bytes ${hex(head)})`)
    case 'unknown':
      throw new CheckpointError('not-a-checkpoint', `${source.path}: not a torch, safetensors or pickle file (first bytes ${hex(head)})`)
  }
}

/**
 * Any unexpected exception inside a reader is a property of the input, not a crash. The readers
 * are iterative or depth-bounded, so a RangeError (stack, array or string length) is a structure
 * beyond what is read: `too-large`, never passed off as a broken file.
 */
async function guard<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof CheckpointError) throw error
    const failure = asCheckpointError(error)
    const message = failure.reason === 'too-large' ? `structure too large to read (${failure.message})` : failure.message
    throw new CheckpointError(failure.reason, `${path}: ${message}`)
  }
}

/** 0-dim tensors are read eagerly: `kl_beta = torch.tensor(0.1)` is a hyperparameter, not a weight. */
async function readScalars(checkpoint: Checkpoint): Promise<void> {
  let reads = 0
  for (const { tensor } of checkpoint.tensors) {
    if (tensor.shape.length !== 0 || reads >= MAX_SCALAR_READS) continue
    const info = dtypeInfo(tensor.dtype)
    if (info === undefined || info.kind === 'complex' || info.kind === 'opaque' || info.kind === 'quantized') continue
    reads++
    const location = await checkpoint.locate(tensor.storage)
    const at = tensor.offset * info.itemSize
    if (at + info.itemSize > location.length)
      throw new CheckpointError('corrupt', `${checkpoint.path}: a 0-dim tensor reads past its storage ${tensor.storage.key}`)
    const bytes = await readRange(location.source, location.start + at, info.itemSize, `${checkpoint.path}: storage ${tensor.storage.key}`)
    tensor.scalar = decodeElement(bytes, 0, tensor.dtype, location.littleEndian)
  }
}

function hex(head: Uint8Array): string {
  return [...head.subarray(0, 8)].map(b => b.toString(16).padStart(2, '0')).join(' ')
}
