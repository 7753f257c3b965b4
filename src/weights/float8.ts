/**
 * float8 formats decoded by 256-entry lookup tables (OCP 8-bit floating point, and the `fnuz`
 * variants torch also names). Numbers are exact: every float8 value is a float32.
 */
import { halfToNumber } from '../checkpoint/dtypes.ts'

export const FLOAT8_DTYPES = ['float8_e4m3fn', 'float8_e5m2', 'float8_e4m3fnuz', 'float8_e5m2fnuz', 'float8_e8m0fnu'] as const
export type Float8Dtype = (typeof FLOAT8_DTYPES)[number]

export function isFloat8(dtype: string): dtype is Float8Dtype {
  return (FLOAT8_DTYPES as readonly string[]).includes(dtype)
}

/** e4m3fn: bias 7, no infinities, S.1111.111 is NaN. */
function e4m3fn(bits: number): number {
  if ((bits & 0x7f) === 0x7f) return NaN
  return signed(bits, minifloat(bits & 0x7f, 3, 7))
}

/** e4m3fnuz / e5m2fnuz: bias 8 / 16, no negative zero: 0x80 is the only NaN. */
function fnuz(bits: number, mantissa: number, bias: number): number {
  if (bits === 0x80) return NaN
  return signed(bits, minifloat(bits & 0x7f, mantissa, bias))
}

/** e8m0fnu: a power of two 2^(e − 127); 0xFF is NaN. */
function e8m0(bits: number): number {
  return bits === 0xff ? NaN : 2 ** (bits - 127)
}

/** The magnitude of a sign-less minifloat with `mantissa` bits and `bias`. */
function minifloat(magnitude: number, mantissa: number, bias: number): number {
  const exponent = magnitude >> mantissa
  const fraction = magnitude & ((1 << mantissa) - 1)
  if (exponent === 0) return fraction * 2 ** (1 - bias - mantissa)
  return (1 + fraction / (1 << mantissa)) * 2 ** (exponent - bias)
}

function signed(bits: number, magnitude: number): number {
  return bits & 0x80 ? -magnitude : magnitude
}

const DECODERS: Readonly<Record<Float8Dtype, (bits: number) => number>> = {
  float8_e4m3fn: e4m3fn,
  float8_e5m2: bits => halfToNumber(bits << 8), // e5m2 is the top byte of a float16
  float8_e4m3fnuz: bits => fnuz(bits, 3, 8),
  float8_e5m2fnuz: bits => fnuz(bits, 2, 16),
  float8_e8m0fnu: e8m0,
}
const tables = new Map<Float8Dtype, Float64Array>()

/** The 256 values of a float8 dtype, indexed by bit pattern. */
export function float8Table(dtype: Float8Dtype): Float64Array {
  let table = tables.get(dtype)
  if (table === undefined) {
    table = Float64Array.from({ length: 256 }, (_, bits) => DECODERS[dtype](bits))
    tables.set(dtype, table)
  }
  return table
}
