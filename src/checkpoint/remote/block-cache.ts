/**
 * A bounded LRU of fixed-size aligned blocks of one remote object. Readers re-read the same few
 * places (zip directory, pickle, headers); a block fetched once is served from memory after.
 */
export class BlockCache {
  readonly blockSize: number
  readonly #limit: number
  readonly #blocks = new Map<number, Uint8Array>()

  constructor(blockSize: number, maxBlocks: number) {
    this.blockSize = blockSize
    this.#limit = Math.max(1, maxBlocks)
  }

  get(index: number): Uint8Array | undefined {
    const block = this.#blocks.get(index)
    if (block !== undefined) {
      // Map iteration order is insertion order: re-inserting marks the block most recently used
      this.#blocks.delete(index)
      this.#blocks.set(index, block)
    }
    return block
  }

  set(index: number, block: Uint8Array): void {
    this.#blocks.delete(index)
    this.#blocks.set(index, block)
    while (this.#blocks.size > this.#limit) this.#blocks.delete(this.#blocks.keys().next().value!)
  }

  get size(): number {
    return this.#blocks.size
  }
}

/** The runs of consecutive missing block indexes in [first, last]: each run is one request (coalesced reads). */
export function missingRuns(first: number, last: number, has: (index: number) => boolean): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  for (let i = first; i <= last; i++) {
    if (has(i)) continue
    const run = runs.at(-1)
    if (run !== undefined && run[1] === i - 1) run[1] = i
    else runs.push([i, i])
  }
  return runs
}
