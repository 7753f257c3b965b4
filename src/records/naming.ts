/**
 * The name a record's value is recorded under. A flat key (a table header, a W&B or MLflow key)
 * is its own name. A nested value (`optim: {lr: 1e-4}` in a Hydra config) is recorded under its
 * leaf name (`lr`, so key identity makes it `lr`) when no other leaf of the same record has a
 * name of the same key; leaves that collide (`optim.lr` and `scheduler.lr`) keep their dotted
 * path, so nothing is guessed. A dotted path a manifest alias names is used as written.
 */
import { canonicalKey, normalizeName, type AliasTable } from '../hparams/aliases.ts'
import type { RecordLeaf } from './types.ts'

export interface NamedLeaf extends RecordLeaf {
  /** The name as the record writes it: the leaf name, or the dotted path. */
  readonly written: string
  /** The canonical key, or the written name (spaces as `_`) when no alias knows it. */
  readonly key: string
}

/** A name's identity: its canonical key, else its normalised form. */
const identity = (name: string, table: AliasTable): string => canonicalKey(name, table) ?? normalizeName(name)

/** `data file` (a table header) is the key `data_file`, as a manifest would spell it. */
export function keyOf(written: string, table: AliasTable): string {
  return canonicalKey(written, table) ?? written.trim().replace(/\s+/g, '_')
}

export function nameLeaves(leaves: readonly RecordLeaf[], table: AliasTable): NamedLeaf[] {
  const count = new Map<string, number>()
  for (const leaf of leaves) {
    const id = identity(leaf.path.at(-1)!, table)
    count.set(id, (count.get(id) ?? 0) + 1)
  }
  return leaves.map(leaf => {
    const dotted = leaf.path.join('.')
    const name = leaf.path.at(-1)!
    const written = canonicalKey(dotted, table) !== undefined || count.get(identity(name, table)) !== 1 ? dotted : name
    return { ...leaf, written, key: keyOf(written, table) }
  })
}
