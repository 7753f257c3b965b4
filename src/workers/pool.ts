/**
 * Worker threads for the byte-heavy work: fingerprinting a checkpoint, and the statistics of a
 * group of tensor pairs. A job names local files by path; the worker opens them itself (parsing
 * the metadata again is cheap next to the bytes) and sends back plain data. Jobs are queued and
 * each idle worker takes the next, so a fleet is fingerprinted on every core and one `diff` spreads
 * its tensors over them. Workers are unreferenced while idle: an idle pool never keeps the process alive.
 *
 * How many: `CKPT_AUDIT_WORKERS` (0 turns the pool off), else the available cores up to 4; none
 * on one core (a worker would only add copying) and none inside a worker.
 */
import { availableParallelism } from 'node:os'
import { isMainThread, Worker } from 'node:worker_threads'
import { CheckpointError } from '../checkpoint/errors.ts'

/** Most workers by default: past this the page cache, not the cores, is the limit (and each worker holds its buffers). */
export const MAX_WORKERS = 4

export interface JobError {
  readonly message: string
  /** A CheckpointError's reason, so the main thread reports broken data as it does in-process. */
  readonly reason?: string
}

export type Reply = { readonly id: number, readonly value: unknown } | { readonly id: number, readonly error: JobError }

/** Most workers `CKPT_AUDIT_WORKERS` may ask for. */
export const WORKERS_LIMIT = 16

/** The count `CKPT_AUDIT_WORKERS` asks for, undefined when unset, NaN when it is no whole number in 0..16. */
function requested(env: NodeJS.ProcessEnv): number | undefined {
  const given = env.CKPT_AUDIT_WORKERS
  if (given === undefined || given.trim() === '') return undefined
  const n = /^\s*\d+\s*$/.test(given) ? Number(given) : NaN
  return n <= WORKERS_LIMIT ? n : NaN
}

export function workerCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  if (!isMainThread) return 0
  const n = requested(env)
  if (n !== undefined && !Number.isNaN(n)) return n
  return cores < 2 ? 0 : Math.min(cores, MAX_WORKERS)
}

/** A message for a `CKPT_AUDIT_WORKERS` that is not understood (the default is used then), or undefined. */
export function workersWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return Number.isNaN(requested(env))
    ? `CKPT_AUDIT_WORKERS must be a whole number from 0 to ${WORKERS_LIMIT}, got '${env.CKPT_AUDIT_WORKERS}': using the default`
    : undefined
}

/** The worker's module beside this one: worker.ts when running from the sources, worker.js in the bundle (dist/). */
const workerUrl = (): URL => new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url)

interface Pending {
  readonly job: unknown
  readonly resolve: (value: unknown) => void
  readonly reject: (error: Error) => void
}

function toError(e: JobError): Error {
  return e.reason !== undefined ? new CheckpointError(e.reason as never, e.message) : new Error(e.message)
}

class Pool {
  private readonly idle: Worker[] = []
  private readonly queue: Pending[] = []
  private readonly busy = new Map<Worker, Pending>()
  private readonly live = new Set<Worker>()
  private nextId = 0

  readonly size: number

  constructor(size: number) {
    this.size = size
  }

  run(job: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject })
      this.dispatch()
    })
  }

  private spawn(): Worker {
    const worker = new Worker(workerUrl())
    this.live.add(worker)
    worker.on('message', (reply: Reply) => this.settle(worker, reply))
    worker.on('error', error => this.fail(worker, error))
    worker.on('exit', code => this.fail(worker, new Error(`a worker thread stopped (exit code ${code})`)))
    return worker
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.live.size < this.size ? this.spawn() : undefined)
      if (worker === undefined) return
      const pending = this.queue.shift()!
      this.busy.set(worker, pending)
      worker.ref()
      worker.postMessage({ id: this.nextId++, job: pending.job })
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const pending = this.busy.get(worker)
    this.busy.delete(worker)
    worker.unref()
    this.idle.push(worker)
    if (pending !== undefined) {
      if ('error' in reply) pending.reject(toError(reply.error))
      else pending.resolve(reply.value)
    }
    this.dispatch()
  }

  /** A worker that crashed or exited: its job fails, and a fresh worker may take its place. */
  private fail(worker: Worker, error: Error): void {
    if (!this.live.delete(worker)) return // 'error' is followed by 'exit': one failure
    const pending = this.busy.get(worker)
    this.busy.delete(worker)
    const at = this.idle.indexOf(worker)
    if (at >= 0) this.idle.splice(at, 1)
    pending?.reject(error)
    this.dispatch()
  }
}

let pool: Pool | undefined | null

/** The process's pool, or undefined when workers are off. */
export function workerPool(): { readonly size: number, run(job: unknown): Promise<unknown> } | undefined {
  if (pool === undefined) {
    const size = workerCount()
    pool = size > 0 ? new Pool(size) : null
  }
  return pool ?? undefined
}
