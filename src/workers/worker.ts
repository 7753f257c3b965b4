/**
 * A worker thread of the pool (pool.ts): takes one job at a time, opens the local files it names,
 * does the byte-heavy work with the same code as the main thread, and replies with plain data
 * (a CheckpointError's reason travels with its message).
 */
import { parentPort } from 'node:worker_threads'
import { openCheckpoint } from '../checkpoint/open.ts'
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { CheckpointError } from '../checkpoint/errors.ts'
import { weightTensors } from '../weights/align.ts'
import { fingerprintInProcess } from '../fingerprint/fingerprint-checkpoint.ts'
import { saltOf } from '../fingerprint/sample-salt.ts'
import { tensorStats, type TensorStats } from '../weights/tensor-diff.ts'
import type { FingerprintJob, StatsJob, WorkerFingerprint } from './jobs.ts'

async function withOpen<T>(paths: readonly string[], work: (checkpoints: Checkpoint[]) => Promise<T>): Promise<T> {
  const opened: Checkpoint[] = []
  try {
    for (const path of paths) opened.push(await openCheckpoint(path))
    return await work(opened)
  } finally {
    for (const c of opened) await c.close().catch(() => {})
  }
}

function fingerprint(job: FingerprintJob): Promise<WorkerFingerprint> {
  return withOpen([job.path], async ([checkpoint]) => {
    const fp = await fingerprintInProcess(checkpoint!, saltOf(Buffer.from(job.salt), job.saltSource))
    return { tensors: [...fp.tensors.values()], bytesRead: fp.bytesRead, saltId: fp.saltId }
  })
}

function stats(job: StatsJob): Promise<TensorStats[]> {
  return withOpen([job.a, job.b], async ([a, b]) => {
    const byName = (c: Checkpoint, name: string) => {
      // the names the main thread aligned: weightTensors' (the state_dict container key removed)
      const found = weightTensors(c.tensors).find(t => t.name === name)
      if (found === undefined) throw new CheckpointError('changed', `${c.path}: no tensor ${name} (the file changed while it was compared)`)
      return found.tensor
    }
    const out: TensorStats[] = []
    for (const [nameA, nameB] of job.pairs)
      out.push(await tensorStats({ checkpoint: a!, tensor: byName(a!, nameA) }, { checkpoint: b!, tensor: byName(b!, nameB) }))
    return out
  })
}

parentPort?.on('message', async ({ id, job }: { id: number, job: FingerprintJob | StatsJob }) => {
  try {
    const value = job.kind === 'fingerprint' ? await fingerprint(job) : await stats(job)
    parentPort!.postMessage({ id, value })
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason
    parentPort!.postMessage({ id, error: { message: (error as Error).message, ...(typeof reason === 'string' ? { reason } : {}) } })
  }
})
