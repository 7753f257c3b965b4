/**
 * Classifies every global a pickle names (docs/security.md §7): code-running globals are
 * `unsafe`, reconstruction helpers and known metadata classes pass silently, anything else is
 * an `unknown` notice. Only names and structure decide; nothing is imported.
 */
import {
  COMPAT_MODULES, COMPAT_NAMES, DENIED_MODULE_FAMILIES, DENIED_NAMES, ESCAPE_COMPONENTS, RISKY_VERBS, SAFE_BUILTINS, TORCHSCRIPT_HELPERS,
} from './denylist.ts'

export type GlobalVerdict = 'reconstruct' | 'metadata' | 'unknown' | 'unsafe'

export interface GlobalClass {
  verdict: GlobalVerdict
  /** Module and name after Python 2 name mapping (`__builtin__` becomes `builtins`). */
  module: string
  name: string
  /** `module.name`. */
  qualified: string
  /** Why it is unsafe (family or rule), for messages. */
  reason?: string
}

const TORCH_DTYPES = [
  'float64', 'float32', 'float16', 'bfloat16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool', 'complex128',
  'complex64', 'complex32', 'uint16', 'uint32', 'uint64', 'qint8', 'qint32', 'quint8', 'quint4x2', 'quint2x4',
  'float8_e5m2', 'float8_e4m3fn', 'float8_e5m2fnuz', 'float8_e4m3fnuz', 'float8_e8m0fnu', 'double', 'float', 'half',
  'long', 'int', 'short', 'cfloat', 'cdouble',
]
const STORAGE_CLASSES = [
  'Double', 'Float', 'Half', 'BFloat16', 'Long', 'Int', 'Short', 'Char', 'Byte', 'Bool', 'ComplexDouble',
  'ComplexFloat', 'QInt8', 'QUInt8', 'QInt32', 'QUInt4x2', 'QUInt2x4',
].map(s => `torch.${s}Storage`)

/** Globals the reader interprets (docs/security.md §7.4). */
const RECONSTRUCT: ReadonlySet<string> = new Set([
  'collections.OrderedDict', 'collections.defaultdict', 'collections.Counter',
  '_codecs.encode', 'copyreg._reconstructor', 'copyreg.__newobj__', 'copyreg.__newobj_ex__',
  'torch._utils._rebuild_tensor', 'torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter', 'torch._utils._rebuild_parameter_with_state', 'torch._tensor._rebuild_from_type_v2',
  'torch._utils._rebuild_qtensor', 'torch._utils._rebuild_sparse_tensor', 'torch._utils._rebuild_meta_tensor_no_storage',
  'torch._utils._rebuild_wrapper_subclass', 'torch._utils._rebuild_nested_tensor',
  'torch._utils._rebuild_device_tensor_from_numpy', 'torch._utils._rebuild_device_tensor_from_cpu_tensor',
  ...STORAGE_CLASSES, 'torch.UntypedStorage', 'torch.storage.TypedStorage', 'torch.storage.UntypedStorage',
  ...TORCH_DTYPES.map(d => `torch.${d}`), 'torch.Size', 'torch.device', 'torch.serialization._get_layout',
  'torch.per_tensor_affine', 'torch.per_tensor_symmetric', 'torch.per_channel_affine', 'torch.per_channel_symmetric',
  'torch.per_channel_affine_float_qparams', 'torch.torch_version.TorchVersion', 'torch.nn.parameter.Parameter',
  'torch.Tensor', 'torch._tensor.Tensor', 'torch.storage._load_from_bytes',
  'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct', 'numpy.ndarray', 'numpy.dtype',
  'numpy.core.multiarray.scalar', 'numpy._core.multiarray.scalar',
  'numpy.random._pickle.__randomstate_ctor', 'numpy.random._pickle.__bit_generator_ctor',
  'numpy.random._pickle.__generator_ctor',
  'argparse.Namespace',
  ...['Path', 'PosixPath', 'WindowsPath', 'PurePath', 'PurePosixPath', 'PureWindowsPath'].flatMap(c => [`pathlib.${c}`, `pathlib._local.${c}`]),
  'datetime.datetime', 'datetime.date', 'datetime.time', 'datetime.timedelta', 'datetime.timezone',
  'decimal.Decimal', 'fractions.Fraction', 'uuid.UUID', 'types.SimpleNamespace', 're._compile',
  'io.BytesIO', '_io.BytesIO',
])

/** Modules whose classes are configuration records: rebuilt as plain records, no notice (§7.3 step 4). */
const METADATA_MODULE_PREFIXES = [
  'transformers.training_args', 'transformers.training_args_seq2seq', 'transformers.trainer_utils',
  'transformers.trainer_pt_utils', 'transformers.integrations.deepspeed', 'transformers.deepspeed',
  'transformers.utils.generic', 'transformers.generation.configuration_utils', 'transformers.debug_utils',
  'accelerate.state', 'accelerate.utils.dataclasses', 'accelerate.utils.deepspeed',
  'trl.trainer', 'sentence_transformers.training_args', 'open_r1.configs', 'peft.config', 'peft.utils.peft_types',
  'omegaconf.dictconfig', 'omegaconf.listconfig', 'omegaconf.base', 'omegaconf.nodes',
  'lightning.fabric.utilities.data', 'pytorch_lightning.utilities.parsing', 'lightning.pytorch.utilities.parsing',
  'lightning_fabric.utilities.data', 'typing', 'enum',
]
const METADATA_NAMES: ReadonlySet<string> = new Set(['operator.getitem', '_operator.getitem', 'builtins.type'])

const DUNDER = /^__.+__$/
const DUNDER_EXEMPT: ReadonlySet<string> = new Set(['copyreg.__newobj__', 'copyreg.__newobj_ex__'])

/** Every form a name may take once CPython's compatibility mapping has run (we check all of them). */
function candidateForms(module: string, name: string): Array<[string, string]> {
  const forms: Array<[string, string]> = [[module, name]]
  const mappedName = COMPAT_NAMES[`${module}.${name}`]
  if (mappedName !== undefined) {
    const dot = mappedName.lastIndexOf('.')
    forms.push([mappedName.slice(0, dot), mappedName.slice(dot + 1)])
  }
  const mappedModule = COMPAT_MODULES[module]
  if (mappedModule !== undefined) forms.push([mappedModule, name])
  return forms
}

function deniedFamily(module: string, name: string): string | undefined {
  const qualified = `${module}.${name}`
  if (TORCHSCRIPT_HELPERS.has(qualified)) return undefined
  if (DENIED_NAMES[qualified] !== undefined) return DENIED_NAMES[qualified]
  if (module === 'builtins') return SAFE_BUILTINS.has(name) ? undefined : 'builtins'
  if (module === 'pandas' && /^read_/.test(name)) return 'nested-loader'
  if (module === 'uuid' && name.startsWith('_')) return 'process'
  // a module family covers its submodules and, for dotted names, the attribute path too
  const path = `${module}.${name}`.split('.')
  for (let i = path.length; i >= 1; i--) {
    const family = DENIED_MODULE_FAMILIES[path.slice(0, i).join('.')]
    if (family !== undefined) return family
  }
  return undefined
}

/**
 * Decides what one global is. In a TorchScript archive (`torchScript`), the scripted classes under
 * `__torch__` are the model's own types: unknown records, not dunder escapes.
 */
export function classifyGlobal(module: string, name: string, torchScript = false): GlobalClass {
  if (torchScript && (module === '__torch__' || module.startsWith('__torch__.')) && !name.split('.').some(c => DUNDER.test(c)))
    return { module, name, qualified: `${module}.${name}`, verdict: 'unknown' }
  const forms = candidateForms(module, name)
  const [mainModule, mainName] = forms[forms.length - 1]!
  const qualified = `${mainModule}.${mainName}`
  const main = { module: mainModule, name: mainName, qualified }
  for (const [m, nm] of forms) {
    const full = `${m}.${nm}`
    if (m === '__main__' && !nm.split('.').some(c => DUNDER.test(c))) continue
    // `__builtin__` is a Python 2 module name, not an attribute chain: judge its mapped form
    const mapped = COMPAT_MODULES[m] !== undefined || COMPAT_NAMES[full] !== undefined
    if (!mapped && !DUNDER_EXEMPT.has(full) && [...m.split('.'), ...nm.split('.')].some(c => DUNDER.test(c)))
      return { ...main, verdict: 'unsafe', reason: 'dunder attribute access' }
    const components = nm.split('.')
    if (components.length > 1 && components.some(c => ESCAPE_COMPONENTS.has(c)))
      return { ...main, verdict: 'unsafe', reason: 'dotted name escapes to a dangerous module' }
    const family = deniedFamily(m, nm)
    if (family !== undefined) return { ...main, verdict: 'unsafe', reason: family }
  }
  for (const [m, nm] of forms) {
    const full = `${m}.${nm}`
    if (RECONSTRUCT.has(full) || TORCHSCRIPT_HELPERS.has(full) || (m === 'builtins' && SAFE_BUILTINS.has(nm))) return { module: m, name: nm, qualified: full, verdict: 'reconstruct' }
    if (METADATA_NAMES.has(full) || METADATA_MODULE_PREFIXES.some(p => m === p || m.startsWith(p + '.')))
      return { module: m, name: nm, qualified: full, verdict: 'metadata' }
    if (m === 'torch' && nm.endsWith('Storage')) return { module: m, name: nm, qualified: full, verdict: 'reconstruct' }
  }
  const verb = mainName.split('.').pop()!
  if (RISKY_VERBS.has(verb) || /^(spawn|exec|_run|getattr)/.test(verb))
    return { ...main, verdict: 'unsafe', reason: `name "${verb}" is a code-running verb` }
  return { ...main, verdict: 'unknown' }
}
