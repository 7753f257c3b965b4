/**
 * Which experiments a shard fingerprints: `--shard I/N` (1-based, as Playwright's). Balanced by
 * bytes: experiments by size, largest first (names break ties), each to the shard with the fewest
 * bytes so far (the lowest index breaks ties). Pure, so every shard job computes the same split.
 */
export class ShardSpecError extends Error {}

export interface ShardSpec {
  readonly index: number
  readonly count: number
}

/** More shards than this is a typo, not a fleet (each shard is a job); it also bounds the loads array. */
export const MAX_SHARDS = 1000

export function parseShard(text: string): ShardSpec {
  const m = /^(\d{1,10})\/(\d{1,10})$/.exec(text.trim())
  const [index, count] = m === null ? [NaN, NaN] : [Number(m[1]), Number(m[2])]
  if (!(count >= 1 && index >= 1 && index <= count))
    throw new ShardSpecError(`--shard must be I/N with 1 ≤ I ≤ N (as 2/4); got '${text}'`)
  if (count > MAX_SHARDS) throw new ShardSpecError(`--shard: N is at most ${MAX_SHARDS}; got '${text}'`)
  return { index, count }
}

/** The index of the smallest load, the lowest on ties: a loop, since a spread of N loads overflows the stack for large N. */
function lightestOf(loads: readonly number[]): number {
  let best = 0
  for (let i = 1; i < loads.length; i++) if (loads[i]! < loads[best]!) best = i
  return best
}

export interface Sized {
  readonly name: string
  readonly bytes: number
}

/** The names of shard `spec.index` of `spec.count`. */
export function shareOf(items: readonly Sized[], spec: ShardSpec): string[] {
  const loads = new Array<number>(spec.count).fill(0)
  const share: string[] = []
  const ordered = [...items].sort((x, y) => y.bytes - x.bytes || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
  for (const item of ordered) {
    const lightest = lightestOf(loads)
    loads[lightest]! += item.bytes
    if (lightest === spec.index - 1) share.push(item.name)
  }
  return share
}
