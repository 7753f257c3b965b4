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

export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const [index, count] = m === null ? [NaN, NaN] : [Number(m[1]), Number(m[2])]
  if (!(count >= 1 && index >= 1 && index <= count))
    throw new ShardSpecError(`--shard must be I/N with 1 ≤ I ≤ N (as 2/4); got '${text}'`)
  return { index, count }
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
    const lightest = loads.indexOf(Math.min(...loads))
    loads[lightest]! += item.bytes
    if (lightest === spec.index - 1) share.push(item.name)
  }
  return share
}
