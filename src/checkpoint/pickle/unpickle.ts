/**
 * Unpickles checkpoint metadata safely: the symbolic machine (machine.ts) plus the global
 * policy (global-policy.ts) plus interpreters for the known reconstruction functions. The
 * interpreters only build records from their (attacker-chosen) arguments and validate them;
 * nothing is ever called.
 */
import { CheckpointError, n } from '../errors.ts'
import { decodeElement, dtypeInfo, numpyDtype, storageDtype, torchDtype } from '../dtypes.ts'
import { classifyGlobal, type GlobalClass, type GlobalVerdict } from './global-policy.ts'
import { runPickle, type PickleHooks, type PickleResult } from './machine.ts'
import { PyDict, PyGlobal, PyObject, PyScalar, PySet, PyTuple, StorageRef, TensorRef, repr, toKey, type PyValue } from './values.ts'

/** One global named by a pickle, with the policy's verdict. */
export interface GlobalUse {
  readonly qualified: string
  readonly verdict: GlobalVerdict
  readonly reason?: string
  /** Byte offset of the opcode inside the pickle it came from. */
  readonly offset: number
  /** Which pickle (e.g. `archive/data.pkl`). */
  readonly where: string
}

/** What the persistent-id hook of a container returns: storages live outside the pickle. */
export type PersistentLoader = (pid: PyValue, offset: number) => PyValue

export interface UnpickleOptions {
  where: string
  persistentLoad?: PersistentLoader
  /** False when `bytes` may be a prefix of the stream (legacy files are read in growing windows). */
  complete?: boolean
  start?: number
  /** A TorchScript archive: its `__torch__` classes are the model's own types. */
  torchScript?: boolean
  /** Receives the bytes of checkpoints embedded with `torch.storage._load_from_bytes`, for the caller to scan. */
  embedded?: Uint8Array[]
}

const LOAD_FROM_BYTES = 'torch.storage._load_from_bytes'

/** Dict-like classes whose instances are built as PyDict (their SETITEMS become entries). */
const DICT_CLASSES: ReadonlySet<string> = new Set([
  'collections.OrderedDict', 'collections.defaultdict', 'collections.Counter', 'builtins.dict',
  'lightning.fabric.utilities.data.AttributeDict', 'lightning_fabric.utilities.data.AttributeDict',
  'pytorch_lightning.utilities.parsing.AttributeDict', 'lightning.pytorch.utilities.parsing.AttributeDict',
])

/**
 * Runs one pickle. `uses` collects every global, also when the pickle later turns out broken,
 * so a payload followed by garbage is still reported (docs/security.md §7.5).
 */
export function unpickle(bytes: Uint8Array, uses: GlobalUse[], options: UnpickleOptions): PickleResult {
  const { where } = options
  const persistentLoad = options.persistentLoad ?? ((pid: PyValue) => {
    throw new CheckpointError('corrupt', `${where}: persistent id ${repr(pid)} in a pickle that has no storages`)
  })
  // each global is recorded once per pickle, at its first offset: a pickle naming one a million
  // times costs one entry, not a million (every consumer reads names and verdicts, not counts)
  const recorded = new Set<string>()
  const record = (use: GlobalUse): void => {
    const key = `${use.qualified}\n${use.verdict}\n${use.reason ?? ''}`
    if (recorded.has(key)) return
    recorded.add(key)
    uses.push(use)
  }
  const flag = (qualified: string, reason: string, offset: number): void => {
    record({ qualified, verdict: 'unsafe', reason, offset, where })
  }
  // memo lets one large value feed any number of calls for a few bytes each; the interpreters'
  // work (items copied, text encoded, embedded bytes scanned) is charged against the pickle's own
  // size, so it stays linear in the input. A real pickle hands each value to one call.
  const workLimit = 4 * bytes.length + (1 << 20)
  let work = 0
  const charge = (units: number, offset: number): void => {
    work += units
    if (work > workLimit)
      throw new CheckpointError('too-large', `${where}: memoized values are handed to more calls than the pickle's size explains (over ${n(workLimit)} units of work) at byte ${n(offset)}`)
  }

  // a pickle may name the same global a million times: each name is classified and recorded once
  // (maps by module, then name: no key string built per use)
  const verdicts = new Map<string, Map<string, GlobalClass>>()
  const classifyOnce = (module: string, name: string, offset: number): GlobalClass => {
    const names = verdicts.get(module) ?? verdicts.set(module, new Map()).get(module)!
    const known = names.get(name)
    if (known !== undefined) return known
    const verdict = classifyGlobal(module, name, options.torchScript)
    names.set(name, verdict)
    record({ qualified: verdict.qualified, verdict: verdict.verdict, reason: verdict.reason, offset, where })
    return verdict
  }

  const hooks: PickleHooks = {
    findClass(module, name, offset) {
      if (typeof module !== 'string' || typeof name !== 'string') {
        const qualified = `${repr(module)}.${repr(name)}`
        flag(qualified, 'computed global: STACK_GLOBAL operands are not literal strings', offset)
        return new PyGlobal('<computed>', qualified)
      }
      const verdict = classifyOnce(module, name, offset)
      return new PyGlobal(verdict.module, verdict.name)
    },
    call(func, args, offset) {
      if (!(func instanceof PyGlobal)) { charge(1 + args.length, offset); return new PyObject(null, args) }
      return reconstruct(func, args, offset)
    },
    // an object keeps its arguments and state, and every walker reads them per object: shared ones are charged per use
    instantiate(cls, args, kwargs, offset) {
      charge(1 + args.length + (kwargs?.entries.size ?? 0), offset)
      if (!(cls instanceof PyGlobal)) return new PyObject(null, args)
      if (DICT_CLASSES.has(cls.qualified)) return new PyDict(cls.qualified)
      const object = new PyObject(cls, args)
      object.kwargs = kwargs
      return object
    },
    build(target, state, offset) {
      charge(1 + argumentSize(state), offset)
      if (target instanceof PyDict || target instanceof PyObject) target.state = state
      else if (target instanceof PyGlobal) flag(target.qualified, 'BUILD rewrites attributes of a class or function', offset)
      // anything else (a number, a list, a tensor): CPython's load_build ignores a None state and
      // fails on others only after its own checks; we read on, so the opcodes after it are scanned (§4)
    },
    persistentLoad: (pid, offset) => persistentLoad(pid, offset),
  }

  /** Interprets the reconstruction functions we know; anything else stays an inert call record. */
  function reconstruct(func: PyGlobal, args: PyValue[], offset: number): PyValue {
    const fail = (message: string): never => {
      throw new CheckpointError('corrupt', `${where}: ${func.qualified} ${message} at byte ${n(offset)}`)
    }
    charge(1 + args.reduce((sum: number, arg) => sum + 1 + argumentSize(arg), 0), offset) // what the interpreters below walk: pairs, text, bytes, shapes
    switch (func.qualified) {
      case 'collections.OrderedDict': case 'collections.defaultdict': case 'collections.Counter': case 'builtins.dict': {
        const dict = new PyDict(func.qualified === 'builtins.dict' ? 'builtins.dict' : func.qualified)
        const pairs = func.qualified === 'collections.defaultdict' ? undefined : args[0]
        for (const pair of Array.isArray(pairs) ? pairs : []) {
          const items = pair instanceof PyTuple ? pair.items : Array.isArray(pair) ? pair : []
          if (items.length === 2) dict.entries.set(toKey(items[0]!), items[1]!)
        }
        return dict
      }
      case 'builtins.set': case 'builtins.frozenset':
        return new PySet(sequence(args[0]), func.name === 'frozenset')
      case 'builtins.bytearray': case 'builtins.bytes':
        if (args[0] instanceof Uint8Array) return args[0]
        if (typeof args[0] === 'string') return latin1Bytes(args[0], fail)
        return Uint8Array.from(sequence(args[0]).map(v => Number(v) & 0xff))
      case 'builtins.type':
        if (args.length !== 1) flag('builtins.type', `type() with ${args.length} arguments creates a class`, offset)
        return new PyObject(func, args)
      case '_codecs.encode': {
        const [text, encoding] = args
        if (typeof text !== 'string') return fail('expects a string')
        if (encoding === 'latin1' || encoding === 'latin-1' || encoding === 'iso-8859-1') return latin1Bytes(text, fail)
        if (encoding === 'utf-8' || encoding === 'utf8' || encoding === undefined) return new TextEncoder().encode(text)
        return fail(`uses the unsupported encoding ${repr(encoding ?? null)}`)
      }
      case 'copyreg._reconstructor': return new PyObject(args[0] instanceof PyGlobal ? args[0] : null, args.slice(1))
      case 'copyreg.__newobj__': case 'copyreg.__newobj_ex__':
        return hooks.instantiate(args[0] ?? null, sequence(args[1] ?? new PyTuple([])), undefined, offset)
      case LOAD_FROM_BYTES: {
        // pickle.dumps(tensor) embeds a whole torch file; it is scanned by the caller, never loaded
        if (!(args[0] instanceof Uint8Array)) {
          flag(LOAD_FROM_BYTES, 'loads a computed argument as a checkpoint', offset)
          return new PyObject(func, [])
        }
        options.embedded?.push(args[0])
        return new PyObject(func, [])
      }
      case 'torch._utils._rebuild_tensor': case 'torch._utils._rebuild_tensor_v2':
        // a tensor over an embedded storage has no bytes in this file: an inert record, not a weight
        if (args[0] instanceof PyObject && args[0].qualified === LOAD_FROM_BYTES) return new PyObject(func, [])
        return rebuildTensor(args[0], args[1], args[2], args[3], args[4], undefined, fail)
      case 'torch._utils._rebuild_tensor_v3': {
        const dtype = args[6] instanceof PyGlobal ? torchDtype(args[6].name) : undefined
        if (dtype === undefined) return fail(`has an unknown dtype ${repr(args[6] ?? null)}`)
        return rebuildTensor(args[0], args[1], args[2], args[3], args[4], dtype, fail)
      }
      case 'torch._utils._rebuild_parameter': case 'torch._utils._rebuild_parameter_with_state':
        return args[0] ?? null
      case 'torch._tensor._rebuild_from_type_v2': {
        const [inner, , innerArgs] = args
        if (!(inner instanceof PyGlobal)) return fail('rebuilds through a computed function')
        const verdict = classifyGlobal(inner.module, inner.name)
        if (verdict.verdict !== 'reconstruct') return fail(`rebuilds through ${inner.qualified}`)
        return reconstruct(inner, sequence(innerArgs ?? null), offset)
      }
      case 'torch.Size': return new PyTuple(sequence(args[0] ?? null))
      case 'torch.jit._pickle.build_intlist': case 'torch.jit._pickle.build_tensorlist': case 'torch.jit._pickle.build_doublelist':
      case 'torch.jit._pickle.build_boollist': case 'torch.jit._pickle.build_complexlist': case 'torch.jit._pickle.restore_type_tag':
        return args[0] ?? null
      case 'torch.device': return args.map(a => String(a)).join(':')
      case 'torch.torch_version.TorchVersion': return typeof args[0] === 'string' ? args[0] : repr(args[0] ?? null)
      case 'numpy.core.multiarray.scalar': case 'numpy._core.multiarray.scalar':
        return numpyScalar(args[0] ?? null, args[1] ?? null, fail)
      case 'pathlib.Path': case 'pathlib.PosixPath': case 'pathlib.WindowsPath': case 'pathlib.PurePath':
      case 'pathlib.PurePosixPath': case 'pathlib.PureWindowsPath': case 'pathlib._local.Path':
      case 'pathlib._local.PosixPath': case 'pathlib._local.WindowsPath': case 'pathlib._local.PurePath':
      case 'pathlib._local.PurePosixPath': case 'pathlib._local.PureWindowsPath':
        return joinPath(args.map(a => String(a)))
      default:
        return new PyObject(func, args)
    }
  }

  return runPickle(bytes, options.start ?? 0, hooks, where, options.complete ?? true)
}


/** What interpreting a value costs: its items, characters or bytes (a walk of a list of pairs, an encode, a scan). */
function argumentSize(value: PyValue | undefined): number {
  if (typeof value === 'string' || value instanceof Uint8Array || Array.isArray(value)) return value.length
  if (value instanceof PyTuple || value instanceof PySet) return value.items.length
  if (value instanceof PyDict) return value.entries.size
  return 0
}

function sequence(value: PyValue | undefined): PyValue[] {
  if (value instanceof PyTuple) return value.items
  if (Array.isArray(value)) return value
  if (value instanceof PySet) return value.items
  return []
}

function latin1Bytes(text: string, fail: (m: string) => never): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 0xff) fail('latin1 text has a character above U+00FF')
    out[i] = code
  }
  return out
}

function joinPath(parts: string[]): string {
  return parts.reduce((acc, part) => (part.startsWith('/') ? part : acc === '' ? part : acc.endsWith('/') ? acc + part : `${acc}/${part}`), '')
}

function integer(value: PyValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined
}

function integers(value: PyValue | undefined): number[] | undefined {
  const items = value instanceof PyTuple ? value.items : Array.isArray(value) ? value : undefined
  if (items === undefined) return undefined
  const out: number[] = []
  for (const item of items) {
    const v = integer(item)
    if (v === undefined) return undefined
    out.push(v)
  }
  return out
}

/** `_rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, ...)`, bounds-checked against the storage. */
function rebuildTensor(storage: PyValue | undefined, offsetValue: PyValue | undefined, sizeValue: PyValue | undefined,
                       strideValue: PyValue | undefined, requiresGrad: PyValue | undefined, dtypeOverride: string | undefined,
                       fail: (m: string) => never): TensorRef {
  if (!(storage instanceof StorageRef)) return fail(`expects a storage, got ${repr(storage ?? null)}`)
  const offset = integer(offsetValue)
  const shape = integers(sizeValue)
  const stride = integers(strideValue)
  if (offset === undefined || offset < 0 || shape === undefined || stride === undefined || shape.length !== stride.length || shape.some(s => s < 0))
    return fail(`has an invalid offset, size or stride: ${repr(offsetValue ?? null)}, ${repr(sizeValue ?? null)}, ${repr(strideValue ?? null)}`)
  const dtype = dtypeOverride ?? storage.dtype
  const info = dtypeInfo(dtype)
  if (info === undefined) return fail(`has an unknown dtype ${dtype}`)
  // untyped storages (v3) count bytes; typed ones count elements
  const storageElements = dtypeOverride !== undefined ? Math.floor(storage.numel / info.itemSize) : storage.numel
  const numel = shape.reduce((a, b) => a * b, 1)
  if (numel > 0) {
    const last = offset + shape.reduce((acc, size, i) => acc + (size - 1) * Math.abs(stride[i]!), 0)
    if (!Number.isSafeInteger(last) || last >= storageElements)
      return fail(`reaches element ${n(last)} of storage ${storage.key}, which holds ${n(storageElements)}`)
  }
  return new TensorRef(storage, dtype, offset, shape, stride, requiresGrad === true)
}

/** `numpy.core.multiarray.scalar(dtype, raw_bytes)`: decodes the value with its precision. */
function numpyScalar(dtypeValue: PyValue, raw: PyValue, fail: (m: string) => never): PyValue {
  const code = dtypeValue instanceof PyObject && typeof dtypeValue.args[0] === 'string' ? dtypeValue.args[0] : undefined
  const dtype = code === undefined ? undefined : numpyDtype(code)
  if (dtype === undefined || !(raw instanceof Uint8Array)) return new PyObject(new PyGlobal('numpy', 'scalar'), [dtypeValue, raw])
  const info = dtypeInfo(dtype)!
  if (raw.length !== info.itemSize) return fail(`has ${raw.length} bytes for a ${dtype}`)
  const state = dtypeValue instanceof PyObject && dtypeValue.state instanceof PyTuple ? dtypeValue.state.items : []
  const bigEndian = state[1] === '>'
  return new PyScalar(decodeElement(raw, 0, dtype, !bigEndian), dtype)
}

/** Storage dtype of a storage-type token from a persistent id (`torch.FloatStorage`, `torch.UntypedStorage`). */
export function storageTypeDtype(token: PyValue): string | undefined {
  if (token instanceof PyGlobal) return storageDtype(token.name)
  if (typeof token === 'string') return storageDtype(token)
  return undefined
}
