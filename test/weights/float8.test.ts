import assert from 'node:assert/strict'
import { test } from 'node:test'
import { float8Table } from '../../src/weights/float8.ts'

// values from the OCP 8-bit floating point specification (and torch's float8 dtypes)
test('float8_e4m3fn: bias 7, max 448, no infinities, S.1111.111 is NaN, subnormals', () => {
  const t = float8Table('float8_e4m3fn')
  assert.equal(t[0x38], 1)
  assert.equal(t[0xb8], -1)
  assert.equal(t[0x7e], 448)
  assert.equal(t[0x08], 2 ** -6)
  assert.equal(t[0x01], 2 ** -9)
  assert.ok(Number.isNaN(t[0x7f]!) && Number.isNaN(t[0xff]!))
  assert.equal(t.filter(Number.isNaN).length, 2)
})

test('float8_e5m2: the top byte of a float16 (infinities and NaNs included)', () => {
  const t = float8Table('float8_e5m2')
  assert.equal(t[0x3c], 1)
  assert.equal(t[0x7b], 57344)
  assert.equal(t[0x7c], Infinity)
  assert.equal(t[0xfc], -Infinity)
  assert.ok(Number.isNaN(t[0x7d]!))
  assert.equal(t[0x01], 2 ** -16)
})

test('fnuz variants: 0x80 is the only NaN, bias one higher', () => {
  assert.equal(float8Table('float8_e4m3fnuz')[0x40], 1)
  assert.equal(float8Table('float8_e5m2fnuz')[0x40], 1)
  assert.equal(float8Table('float8_e4m3fnuz').filter(Number.isNaN).length, 1)
  assert.ok(Number.isNaN(float8Table('float8_e5m2fnuz')[0x80]!))
  assert.equal(float8Table('float8_e8m0fnu')[127], 1)
})
