/**
 * The tensor statistics of one file pair on the worker pool (pool.ts): the tensor pairs are split
 * into groups of about equal bytes, two per worker (so a worker that finishes early takes another),
 * and each group is one job that opens both files and streams its tensors. Each tensor's statistics
 * are computed whole by one worker with the same code as in-process, and the caller adds them up in
 * its own order, so the result does not depend on which worker did what.
 */
import type { Checkpoint } from '../checkpoint/checkpoint.ts'
import { dtypeInfo } from '../checkpoint/dtypes.ts'
import { isRemoteAddress } from '../checkpoint/remote/address.ts'
import type { AlignedTensor } from '../weights/align.ts'
import type { TensorStats } from '../weights/tensor-diff.ts'
import type { StatsJob } from './jobs.ts'
import { workerPool } from './pool.ts'

const bytesOf = (p: AlignedTensor): number =>
  p.a.tensor.numel * ((dtypeInfo(p.a.tensor.dtype)?.itemSize ?? 0) + (dtypeInfo(p.b.tensor.dtype)?.itemSize ?? 0))

/** Groups of about equal bytes: largest first, each into the lightest group so far. */
export function balancedGroups<T>(items: readonly T[], count: number, weight: (item: T) => number): T[][] {
  const groups = Array.from({ length: Math.max(1, Math.min(count, items.length)) }, () => ({ items: [] as T[], weight: 0 }))
  for (const item of [...items].sort((x, y) => weight(y) - weight(x))) {
    const lightest = groups.reduce((min, g) => (g.weight < min.weight ? g : min))
    lightest.items.push(item)
    lightest.weight += weight(item)
  }
  return groups.map(g => g.items).filter(g => g.length > 0)
}

/**
 * A lookup of each pair's statistics, computed on the pool; undefined when the pool is off, a file
 * is remote, or there is a single pair (one worker would only add the copying).
 */
export function parallelStats(a: Checkpoint, b: Checkpoint, pairs: readonly AlignedTensor[]):
  ((p: AlignedTensor) => Promise<TensorStats>) | undefined {
  const pool = workerPool()
  if (pool === undefined || pairs.length < 2 || isRemoteAddress(a.path) || isRemoteAddress(b.path)) return undefined
  const results = new Map<AlignedTensor, Promise<TensorStats>>()
  for (const group of balancedGroups(pairs, 4 * pool.size, bytesOf)) {
    const job: StatsJob = { kind: 'stats', a: a.path, b: b.path, pairs: group.map(p => [p.a.name, p.b.name] as const) }
    const done = pool.run(job) as Promise<TensorStats[]>
    group.forEach((p, i) => {
      const one = done.then(all => all[i]!)
      // the caller awaits these in order and stops at the first failure: the rest must not be unhandled rejections
      one.catch(() => {})
      results.set(p, one)
    })
  }
  return p => results.get(p)!
}
