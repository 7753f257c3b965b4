/** Text tables of 200,000 rows (a checkpoint with that many tensors): no stack overflow from spreading rows into a call. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { InspectResult } from '../../src/audit/inspect.ts'
import { renderInspectText } from '../../src/report/inspect-text.ts'
import { columnWidths } from '../../src/report/text-width.ts'

test('inspect --tensors text of 200,000 tensors renders', () => {
  const list = Array.from({ length: 200_000 }, (_, i) => ({ name: `t${i}`, dtype: 'float32', shape: [1] }))
  const result: InspectResult = {
    path: 'many.pt', format: 'torch-zip', size_bytes: 1, hparams: {}, metadata: {}, globals: [], unsafe_globals: [], notices: [], error: null,
    tensors: { count: list.length, elements: list.length, bytes: 4 * list.length, dtypes: { float32: list.length }, list },
  }
  const text = renderInspectText(result)
  assert.match(text, /^ {2}t199999\s+float32\s+\[1\]$/m)
  assert.deepEqual(columnWidths([['a', 'bbb'], ['cc', '']]), [2, 3])
})
