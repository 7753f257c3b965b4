/**
 * Inert Python values built by the pickle machine. Nothing here can run code: classes and
 * functions named by a pickle stay names (PyGlobal), calls stay records (PyObject).
 */

/** A Python value as ckpt-audit sees it. Ints beyond 2^53 are bigint; floats and small ints are number. */
export type PyValue =
  | null | boolean | number | bigint | string | Uint8Array
  | PyValue[] | PyTuple | PyDict | PySet | PyObject | PyGlobal | PyScalar | TensorRef | StorageRef

/** Keys a Map can hold faithfully; other keys are kept by their repr. */
export type PyKey = string | number | bigint | boolean | null

/** A class or function named by GLOBAL/STACK_GLOBAL/INST: never imported, never called. */
export class PyGlobal {
  readonly module: string
  readonly name: string
  constructor(module: string, name: string) {
    this.module = module
    this.name = name
  }
  get qualified(): string { return `${this.module}.${this.name}` }
}

export class PyTuple {
  readonly items: PyValue[]
  constructor(items: PyValue[]) { this.items = items }
}

export class PySet {
  readonly items: PyValue[]
  readonly frozen: boolean
  constructor(items: PyValue[], frozen: boolean) {
    this.items = items
    this.frozen = frozen
  }
}

/** dict, OrderedDict and other dict-like classes. BUILD state (e.g. a state_dict's `_metadata`) is kept apart. */
export class PyDict {
  readonly entries = new Map<PyKey, PyValue>()
  readonly className: string
  state: PyValue | undefined
  constructor(className = 'builtins.dict') { this.className = className }
}

/**
 * An object the machine did not interpret: the result of calling or instantiating `callable`
 * with `args`, plus whatever BUILD/SETITEMS/APPENDS gave it. Used for argparse.Namespace,
 * dataclass configs, enums and unknown classes alike.
 */
export class PyObject {
  readonly callable: PyGlobal | null
  readonly args: PyValue[]
  kwargs: PyDict | undefined
  state: PyValue | undefined
  items: Map<PyKey, PyValue> | undefined
  list: PyValue[] | undefined
  constructor(callable: PyGlobal | null, args: PyValue[]) {
    this.callable = callable
    this.args = args
  }
  get qualified(): string { return this.callable?.qualified ?? '<computed>' }
}

/** A number with the precision it was stored at (numpy scalar, 0-dim tensor). */
export class PyScalar {
  readonly value: number | bigint | boolean
  readonly dtype: string
  constructor(value: number | bigint | boolean, dtype: string) {
    this.value = value
    this.dtype = dtype
  }
}

/** A storage named by a persistent id; its bytes stay in the file. */
export class StorageRef {
  readonly key: string
  /** dtype of the storage class (`uint8` for untyped storages). */
  readonly dtype: string
  /** Element count as declared in the persistent id (bytes for untyped storages). */
  readonly numel: number
  readonly location: string
  constructor(key: string, dtype: string, numel: number, location: string) {
    this.key = key
    this.dtype = dtype
    this.numel = numel
    this.location = location
  }
}

/** A tensor's view of a storage: all offsets and strides in elements, as torch pickles them. */
export class TensorRef {
  readonly storage: StorageRef
  readonly dtype: string
  readonly offset: number
  readonly shape: number[]
  readonly stride: number[]
  readonly requiresGrad: boolean
  /** Value of a 0-dim (or one-element) tensor, filled in by the reader when cheap to read. */
  scalar: number | bigint | boolean | undefined
  constructor(storage: StorageRef, dtype: string, offset: number, shape: number[], stride: number[], requiresGrad: boolean) {
    this.storage = storage
    this.dtype = dtype
    this.offset = offset
    this.shape = shape
    this.stride = stride
    this.requiresGrad = requiresGrad
  }
  get numel(): number { return this.shape.reduce((a, b) => a * b, 1) }
}

/** Turns any value into a Map key; unhashable-in-JS keys (tuples, objects) are kept by their repr. */
export function toKey(value: PyValue): PyKey {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value
  return repr(value, KEY_NODES)
}

/**
 * Containers a repr opens at most: memo lets a pickle share one value everywhere, so depth alone
 * does not bound the work. Keys get a smaller budget: a pickle can make a million of them.
 */
const REPR_NODES = 16
const KEY_NODES = 4

/** A short Python-like rendering, for keys and messages. Bounded in size and in work. */
export function repr(value: PyValue, nodes = REPR_NODES): string {
  const budget = { nodes }
  return reprWithin(value, 0, budget)
}

function reprWithin(value: PyValue, depth: number, budget: { nodes: number }): string {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'bigint') return bigintRepr(value)
  if (typeof value === 'string') return JSON.stringify(value.length > 200 ? value.slice(0, 200) + '…' : value)
  if (value instanceof Uint8Array) return `b<${value.length} bytes>`
  if (value instanceof PyGlobal) return value.qualified
  if (value instanceof PyScalar) return typeof value.value === 'bigint' ? bigintRepr(value.value) : String(value.value)
  if (value instanceof TensorRef) return `tensor(${value.dtype}, [${value.shape.join(', ')}])`
  if (value instanceof StorageRef) return `storage(${value.key})`
  if (depth > 4 || --budget.nodes < 0) return '…'
  const list = (items: PyValue[]): string =>
    `${items.slice(0, 8).map(v => reprWithin(v, depth + 1, budget)).join(', ')}${items.length > 8 ? ', …' : ''}`
  if (Array.isArray(value)) return `[${list(value)}]`
  if (value instanceof PyTuple) return `(${list(value.items)}${value.items.length === 1 ? ',' : ''})`
  if (value instanceof PySet) return `{${list(value.items)}}`
  if (value instanceof PyDict) {
    const shown: string[] = []
    for (const [k, v] of value.entries) { // not [...entries]: copying a huge dict per repr would be quadratic
      if (shown.length === 8) { shown.push('…'); break }
      shown.push(`${reprWithin(k, depth + 1, budget)}: ${reprWithin(v, depth + 1, budget)}`)
    }
    return `{${shown.join(', ')}}`
  }
  return `${value.qualified}(…)`
}

/** Decimal rendering is superlinear in the digits: long integers are shown by size. */
function bigintRepr(value: bigint): string {
  const bits = value < 0n ? (-value).toString(16).length * 4 : value.toString(16).length * 4
  return bits <= 256 ? String(value) : `<int of ${bits} bits>`
}
