/** Element types the readers know, with their sizes. Names follow torch (`float32`, `bfloat16`). */
export interface DtypeInfo {
  readonly name: string
  readonly itemSize: number
  readonly kind: 'float' | 'int' | 'uint' | 'bool' | 'complex' | 'quantized' | 'opaque'
}

const table: DtypeInfo[] = [
  { name: 'float64', itemSize: 8, kind: 'float' }, { name: 'float32', itemSize: 4, kind: 'float' },
  { name: 'float16', itemSize: 2, kind: 'float' }, { name: 'bfloat16', itemSize: 2, kind: 'float' },
  { name: 'float8_e5m2', itemSize: 1, kind: 'opaque' }, { name: 'float8_e4m3fn', itemSize: 1, kind: 'opaque' },
  { name: 'float8_e5m2fnuz', itemSize: 1, kind: 'opaque' }, { name: 'float8_e4m3fnuz', itemSize: 1, kind: 'opaque' },
  { name: 'float8_e8m0fnu', itemSize: 1, kind: 'opaque' },
  { name: 'int64', itemSize: 8, kind: 'int' }, { name: 'int32', itemSize: 4, kind: 'int' },
  { name: 'int16', itemSize: 2, kind: 'int' }, { name: 'int8', itemSize: 1, kind: 'int' },
  { name: 'uint64', itemSize: 8, kind: 'uint' }, { name: 'uint32', itemSize: 4, kind: 'uint' },
  { name: 'uint16', itemSize: 2, kind: 'uint' }, { name: 'uint8', itemSize: 1, kind: 'uint' },
  { name: 'bool', itemSize: 1, kind: 'bool' },
  { name: 'complex128', itemSize: 16, kind: 'complex' }, { name: 'complex64', itemSize: 8, kind: 'complex' },
  { name: 'complex32', itemSize: 4, kind: 'complex' },
  { name: 'qint8', itemSize: 1, kind: 'quantized' }, { name: 'quint8', itemSize: 1, kind: 'quantized' },
  { name: 'qint32', itemSize: 4, kind: 'quantized' }, { name: 'quint4x2', itemSize: 1, kind: 'quantized' },
  { name: 'quint2x4', itemSize: 1, kind: 'quantized' },
]
const byName = new Map(table.map(d => [d.name, d]))

export function dtypeInfo(name: string): DtypeInfo | undefined {
  return byName.get(name)
}

/** torch legacy storage classes (`torch.FloatStorage`) to dtypes. */
const STORAGE_DTYPES: Readonly<Record<string, string>> = {
  DoubleStorage: 'float64', FloatStorage: 'float32', HalfStorage: 'float16', BFloat16Storage: 'bfloat16',
  LongStorage: 'int64', IntStorage: 'int32', ShortStorage: 'int16', CharStorage: 'int8', ByteStorage: 'uint8',
  BoolStorage: 'bool', ComplexDoubleStorage: 'complex128', ComplexFloatStorage: 'complex64', QInt8Storage: 'qint8',
  QUInt8Storage: 'quint8', QInt32Storage: 'qint32', QUInt4x2Storage: 'quint4x2', QUInt2x4Storage: 'quint2x4',
  UntypedStorage: 'uint8', TypedStorage: 'uint8',
}
export function storageDtype(className: string): string | undefined {
  return STORAGE_DTYPES[className]
}

/** torch dtype globals (`torch.float`, `torch.half`) to canonical names. */
const TORCH_DTYPE_ALIASES: Readonly<Record<string, string>> = {
  double: 'float64', float: 'float32', half: 'float16', long: 'int64', int: 'int32', short: 'int16',
  cfloat: 'complex64', cdouble: 'complex128',
}
export function torchDtype(name: string): string | undefined {
  const canonical = TORCH_DTYPE_ALIASES[name] ?? name
  return byName.has(canonical) ? canonical : undefined
}

/** safetensors dtype names (`F32`, `BF16`) to canonical names. */
const SAFETENSORS_DTYPES: Readonly<Record<string, string>> = {
  F64: 'float64', F32: 'float32', F16: 'float16', BF16: 'bfloat16', I64: 'int64', I32: 'int32', I16: 'int16',
  I8: 'int8', U64: 'uint64', U32: 'uint32', U16: 'uint16', U8: 'uint8', BOOL: 'bool',
  F8_E5M2: 'float8_e5m2', F8_E4M3: 'float8_e4m3fn', C64: 'complex64',
}
export function safetensorsDtype(name: string): string | undefined {
  return SAFETENSORS_DTYPES[name]
}

/** numpy type codes (`f8`, `<f4`, `b1`) to canonical names. */
export function numpyDtype(code: string): string | undefined {
  const map: Record<string, string> = {
    f8: 'float64', f4: 'float32', f2: 'float16', i8: 'int64', i4: 'int32', i2: 'int16', i1: 'int8',
    u8: 'uint64', u4: 'uint32', u2: 'uint16', u1: 'uint8', b1: 'bool', c16: 'complex128', c8: 'complex64',
  }
  return map[code.replace(/^[<>|=]/, '')]
}

/**
 * Decodes element `index` of `bytes` as a JS number (bigint for 64-bit ints beyond 2^53).
 * Half and bfloat16 are widened exactly to float64.
 */
export function decodeElement(bytes: Uint8Array, index: number, dtype: string, littleEndian = true): number | bigint | boolean {
  const info = byName.get(dtype)
  if (info === undefined) throw new Error(`unknown dtype ${dtype}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset + index * info.itemSize, info.itemSize)
  switch (dtype) {
    case 'float64': return view.getFloat64(0, littleEndian)
    case 'float32': return view.getFloat32(0, littleEndian)
    case 'float16': return halfToNumber(view.getUint16(0, littleEndian))
    case 'bfloat16': return bfloat16ToNumber(view.getUint16(0, littleEndian))
    case 'int64': return narrow(view.getBigInt64(0, littleEndian))
    case 'uint64': return narrow(view.getBigUint64(0, littleEndian))
    case 'int32': return view.getInt32(0, littleEndian)
    case 'uint32': return view.getUint32(0, littleEndian)
    case 'int16': return view.getInt16(0, littleEndian)
    case 'uint16': return view.getUint16(0, littleEndian)
    case 'int8': case 'qint8': return view.getInt8(0)
    case 'uint8': case 'quint8': return view.getUint8(0)
    case 'bool': return view.getUint8(0) !== 0
    default: throw new Error(`dtype ${dtype} has no scalar decoding`)
  }
}

function narrow(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value
}

export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exponent = (bits >> 10) & 0x1f
  const fraction = bits & 0x3ff
  if (exponent === 0) return sign * fraction * 2 ** -24
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15)
}

const bf16Scratch = new DataView(new ArrayBuffer(4))
export function bfloat16ToNumber(bits: number): number {
  bf16Scratch.setUint32(0, bits << 16)
  return bf16Scratch.getFloat32(0)
}
