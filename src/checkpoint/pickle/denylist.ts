/**
 * Globals that can run code or touch the system, by family. Data only; the rules that use it
 * are in global-policy.ts. Provenance: docs/security.md §2 (picklescan,
 * modelscan, fickling and torch weights_only; the public sources are cited there).
 */

/** Modules denied with all their submodules (`asyncio` covers `asyncio.unix_events`). */
export const DENIED_MODULE_FAMILIES: Readonly<Record<string, string>> = {
  // process and OS command execution (§2.2)
  os: 'process', posix: 'process', nt: 'process', sys: 'process', subprocess: 'process', commands: 'process',
  pty: 'process', multiprocessing: 'process', _posixsubprocess: 'process', asyncio: 'process',
  _osx_support: 'process', _aix_support: 'process', imaplib: 'process', mailcap: 'process', shutil: 'filesystem',
  platform: 'process', signal: 'process', _signal: 'process', threading: 'process', _thread: 'process',
  atexit: 'process', pipes: 'process', pexpect: 'process', _pyrepl: 'process',
  // code execution, interpreters, importers (§2.3)
  runpy: 'code-execution', code: 'code-execution', codeop: 'code-execution', marshal: 'code-execution',
  importlib: 'importer', _frozen_importlib: 'importer', _frozen_importlib_external: 'importer', _imp: 'importer',
  imp: 'importer', zipimport: 'importer', site: 'importer', gc: 'introspection', pkgutil: 'importer',
  pydoc: 'importer', inspect: 'introspection', timeit: 'code-execution', cProfile: 'code-execution',
  profile: 'code-execution', trace: 'code-execution', bdb: 'code-execution', pdb: 'code-execution',
  doctest: 'code-execution', unittest: 'code-execution', idlelib: 'code-execution', lib2to3: 'code-execution',
  _interpreters: 'code-execution', _xxsubinterpreters: 'code-execution', 'test.support': 'code-execution',
  cloudpickle: 'code-execution', dill: 'nested-loader', joblib: 'nested-loader', shelve: 'nested-loader',
  pip: 'installer', ensurepip: 'installer', venv: 'installer',
  // nested deserialisation (§2.5)
  pickle: 'nested-loader', _pickle: 'nested-loader', cPickle: 'nested-loader',
  // network (§2.6)
  socket: 'network', ssl: 'network', httplib: 'network', http: 'network', 'urllib.request': 'network',
  'urllib.error': 'network', 'urllib.response': 'network', urllib2: 'network', requests: 'network', aiohttp: 'network',
  webbrowser: 'network', smtplib: 'network', ftplib: 'network', poplib: 'network', telnetlib: 'network',
  nntplib: 'network', socketserver: 'network', xmlrpc: 'network', select: 'network', selectors: 'network',
  // filesystem (§2.7)
  _io: 'filesystem', 'logging.config': 'filesystem', 'logging.handlers': 'filesystem', distutils: 'filesystem',
  tempfile: 'filesystem', tarfile: 'filesystem', zipfile: 'filesystem', glob: 'filesystem', fileinput: 'filesystem',
  linecache: 'filesystem', difflib: 'filesystem', filecmp: 'filesystem', sqlite3: 'filesystem', _sqlite3: 'filesystem',
  mmap: 'filesystem', compileall: 'filesystem', py_compile: 'filesystem', syslog: 'filesystem',
  // native code (§2.8)
  ctypes: 'native-code', _ctypes: 'native-code',
  'torch.ops': 'native-code', 'torch._C': 'native-code', 'torch._ops': 'native-code', 'torch.classes': 'native-code',
  'torch.library': 'native-code', 'torch.utils.cpp_extension': 'native-code',
  // torch and numpy internals reported as gadgets (§2.9, §2.3)
  'torch._inductor': 'torch-gadget', 'torch._dynamo': 'torch-gadget', 'torch.jit': 'torch-gadget',
  'torch.hub': 'torch-gadget', 'torch.package': 'torch-gadget', 'torch.utils.collect_env': 'torch-gadget',
  'torch.utils.bottleneck': 'torch-gadget', 'torch.utils._config_module': 'torch-gadget',
  'torch.utils.data.datapipes.utils.decoder': 'torch-gadget', 'torch.fx.graph_module': 'torch-gadget',
  'torch.fx.experimental.symbolic_shapes': 'torch-gadget', 'torch.multiprocessing': 'torch-gadget',
  'torch.distributed.rpc': 'torch-gadget', 'torch.testing._internal': 'torch-gadget',
  'numpy.f2py': 'code-execution', 'numpy.testing': 'code-execution', 'numpy.distutils': 'code-execution',
  'numpy.ctypeslib': 'native-code', 'pandas.io': 'nested-loader', 'mlflow.projects': 'code-execution',
  // scanner tampering (§2.10)
  fickling: 'scanner-tampering', picklescan: 'scanner-tampering', modelscan: 'scanner-tampering',
  modelaudit: 'scanner-tampering', saferpickle: 'scanner-tampering', model_unpickler: 'scanner-tampering',
}

/** Exact `module.name` globals denied in modules that are otherwise harmless. */
export const DENIED_NAMES: Readonly<Record<string, string>> = {
  'io.open': 'filesystem', 'io.FileIO': 'filesystem', 'io.open_code': 'filesystem',
  'logging.FileHandler': 'filesystem', 'logging.StreamHandler': 'filesystem',
  'types.CodeType': 'code-execution', 'types.FunctionType': 'code-execution',
  'types.MethodType': 'code-execution', 'types.LambdaType': 'code-execution',
  'operator.attrgetter': 'call-gadget', 'operator.methodcaller': 'call-gadget', 'operator.itemgetter': 'call-gadget',
  '_operator.attrgetter': 'call-gadget', '_operator.methodcaller': 'call-gadget', '_operator.itemgetter': 'call-gadget',
  'functools.partial': 'call-gadget', 'functools.reduce': 'call-gadget', 'functools.partialmethod': 'call-gadget',
  'torch.load': 'nested-loader', 'torch.serialization.load': 'nested-loader', 'torch.compile': 'torch-gadget',
  'numpy.load': 'nested-loader', 'numpy.loadtxt': 'nested-loader', 'numpy.fromfile': 'filesystem',
  'transformers.models.auto.auto_factory.getattribute_from_module': 'call-gadget',
  'uuid._get_command_stdout': 'process',
}

/**
 * TorchScript's own list and tag helpers: identity functions on their argument (torch/jit/_pickle.py),
 * allowed although the rest of `torch.jit` is denied.
 */
export const TORCHSCRIPT_HELPERS: ReadonlySet<string> = new Set([
  'torch.jit._pickle.build_intlist', 'torch.jit._pickle.build_tensorlist', 'torch.jit._pickle.build_doublelist',
  'torch.jit._pickle.build_boollist', 'torch.jit._pickle.build_complexlist', 'torch.jit._pickle.restore_type_tag',
])

/** The only `builtins` names a checkpoint may use: plain constructors (docs/security.md §7.4). */
export const SAFE_BUILTINS: ReadonlySet<string> = new Set([
  'set', 'frozenset', 'complex', 'bytearray', 'bytes', 'slice', 'range', 'object', 'dict', 'list', 'tuple',
  'int', 'float', 'str', 'bool', 'type', 'Ellipsis', 'NotImplemented',
  'Exception', 'ValueError', 'KeyError', 'TypeError', 'RuntimeError', 'AttributeError', 'IndexError',
])

/** A dotted name with one of these as a component escapes through attribute traversal (`pathlib` + `os.system`). */
export const ESCAPE_COMPONENTS: ReadonlySet<string> = new Set([
  'os', 'sys', 'posix', 'nt', 'subprocess', 'builtins', '__builtins__', 'importlib', 'pickle', '_pickle',
  'marshal', 'ctypes', 'socket', 'shutil', 'runpy', 'types', 'code', 'io', '_io', 'operator', '_operator',
  'functools', 'pty', 'multiprocessing', 'eval', 'exec', 'system', 'getattr', '__import__',
])

/** Verbs that only code-running helpers are named by: defence in depth for the next gadget. */
export const RISKY_VERBS: ReadonlySet<string> = new Set([
  'system', 'popen', 'eval', 'compile', 'run', 'runctx', 'runcode', 'runcommand', 'run_path', 'run_module',
  'loads', 'load', 'load_library', 'load_inline', 'urlopen', 'urlretrieve', 'import_module', 'resolve_name',
  'locate', 'setattr', 'delattr', 'from_pretrained', 'exec_command', 'check_output', 'check_call', 'call',
])

/** Python 2 names CPython maps at protocol < 3 (`_compat_pickle`); both forms are checked. */
export const COMPAT_MODULES: Readonly<Record<string, string>> = {
  __builtin__: 'builtins', copy_reg: 'copyreg', commands: 'subprocess', cPickle: 'pickle', httplib: 'http.client',
  urllib2: 'urllib.request', thread: '_thread', SocketServer: 'socketserver', exceptions: 'builtins',
  StringIO: 'io', cStringIO: 'io', Queue: 'queue', 'torch.tensor': 'torch._tensor',
}
export const COMPAT_NAMES: Readonly<Record<string, string>> = {
  '__builtin__.reduce': 'functools.reduce', '__builtin__.intern': 'sys.intern', 'urllib.urlopen': 'urllib.request.urlopen',
  'urllib.urlretrieve': 'urllib.request.urlretrieve', '__builtin__.execfile': 'builtins.exec',
}
