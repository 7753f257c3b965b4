/** The configured hyperparameters two checkpoints store, side by side (`diff` shows them above the weights). Pure. */
import type { AliasTable } from '../hparams/aliases.ts'
import { valuesMatch } from '../hparams/compare.ts'
import { configuredValues } from '../hparams/discover.ts'
import type { Leaf } from '../hparams/flatten.ts'
import { jsonScalar } from '../hparams/scalar.ts'
import type { JsonScalar } from './inspect.ts'

export interface StoredHparamRow {
  readonly key: string
  readonly a: JsonScalar
  readonly b: JsonScalar
  readonly a_source: string | null
  readonly b_source: string | null
  /** Both stored and equal (within float rounding of their stored precision). */
  readonly equal: boolean
}

export function compareStoredHparams(a: readonly Leaf[], b: readonly Leaf[], aliases: AliasTable): StoredHparamRow[] {
  const mine = new Map(configuredValues(a, aliases).map(d => [d.key, d.found!]))
  const theirs = new Map(configuredValues(b, aliases).map(d => [d.key, d.found!]))
  return [...aliases.keys()].filter(k => mine.has(k) || theirs.has(k)).map(key => {
    const x = mine.get(key)
    const y = theirs.get(key)
    return {
      key, a: x !== undefined ? jsonScalar(x.value.value) : null, b: y !== undefined ? jsonScalar(y.value.value) : null,
      a_source: x?.source ?? null, b_source: y?.source ?? null,
      equal: x !== undefined && y !== undefined && valuesMatch(x.value.value, y.value) && valuesMatch(y.value.value, x.value),
    }
  })
}
