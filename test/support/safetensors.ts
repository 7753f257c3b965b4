/** Writes small safetensors files for tests: name → dtype, shape and values (encoded little-endian). */
import { writeFileSync } from 'node:fs'

export interface TensorSpec {
  readonly dtype: 'F64' | 'F32' | 'F16' | 'I32'
  readonly shape: readonly number[]
  readonly values: ArrayLike<number>
}

function encode(spec: TensorSpec): Uint8Array {
  const n = spec.values.length
  if (spec.dtype === 'F64') return new Uint8Array(Float64Array.from(spec.values).buffer)
  if (spec.dtype === 'F32') return new Uint8Array(Float32Array.from(spec.values).buffer)
  if (spec.dtype === 'I32') return new Uint8Array(Int32Array.from(spec.values).buffer)
  const out = new Uint8Array(n * 2)
  const view = new DataView(out.buffer)
  for (let i = 0; i < n; i++) view.setFloat16(i * 2, spec.values[i]!, true)
  return out
}

export function writeSafetensors(path: string, tensors: Record<string, TensorSpec>): void {
  const header: Record<string, unknown> = {}
  const parts: Uint8Array[] = []
  let offset = 0
  for (const [name, spec] of Object.entries(tensors)) {
    const bytes = encode(spec)
    header[name] = { dtype: spec.dtype, shape: spec.shape, data_offsets: [offset, offset + bytes.length] }
    parts.push(bytes)
    offset += bytes.length
  }
  const json = Buffer.from(JSON.stringify(header))
  const length = Buffer.alloc(8)
  length.writeBigUInt64LE(BigInt(json.length))
  writeFileSync(path, Buffer.concat([length, json, ...parts]))
}
