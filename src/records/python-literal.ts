/**
 * Python's `str(value)` read back, as MLflow stores every param: `3`, `5e-06`, `True`, `None`,
 * `[1, 2]`, `(0.9, 0.999)`, `{'a': 1}`, `'x'` inside containers. A literal evaluator (like
 * `ast.literal_eval`), never an interpreter. Anything else (`adamw`, `rl_data.json`, `inf`)
 * is the string itself, which is what `str()` of a string gives.
 */
import type { RecordedData } from '../hparams/compare.ts'

const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?/
const CONSTANTS: Readonly<Record<string, RecordedData>> = { True: true, False: false, None: null }
const CLOSE: Readonly<Record<string, string>> = { '[': ']', '(': ')', '{': '}' }

class Cursor {
  i = 0
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
  skip(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++
  }
  peek(): string {
    this.skip()
    return this.text[this.i] ?? ''
  }
}

/** A Python int or float as written by repr(): exact integers, so a 20-digit seed keeps its digits. */
function number(source: string): RecordedData {
  const digits = source.replace(/_/g, '')
  if (/^[-+]?\d+$/.test(digits)) {
    const big = BigInt(digits)
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big
  }
  return Number(digits)
}

/** A quoted Python string (repr uses '…' or "…" with backslash escapes). */
function quoted(c: Cursor): string {
  const quote = c.text[c.i]!
  let out = ''
  for (c.i++; c.i < c.text.length; c.i++) {
    const ch = c.text[c.i]!
    if (ch === quote) {
      c.i++
      return out
    }
    if (ch !== '\\') {
      out += ch
      continue
    }
    const next = c.text[++c.i] ?? ''
    out += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[next] ?? `\\${next}`
  }
  throw new SyntaxError('unterminated string')
}

function items(c: Cursor, close: string, mapping: boolean): RecordedData {
  const list: RecordedData[] = []
  const map: Record<string, RecordedData> = {}
  c.i++
  while (c.peek() !== close) {
    const first = value(c)
    if (mapping) {
      if (c.peek() !== ':') throw new SyntaxError('expected :')
      c.i++
      map[String(first)] = value(c)
    } else list.push(first)
    if (c.peek() === ',') c.i++
    else if (c.peek() !== close) throw new SyntaxError(`expected , or ${close}`)
  }
  c.i++
  return mapping ? map : list
}

function value(c: Cursor): RecordedData {
  const ch = c.peek()
  if (ch in CLOSE) return items(c, CLOSE[ch]!, ch === '{')
  if (ch === "'" || ch === '"') return quoted(c)
  const rest = c.text.slice(c.i)
  const word = /^[A-Za-z_]\w*/.exec(rest)?.[0]
  if (word !== undefined && word in CONSTANTS) {
    c.i += word.length
    return CONSTANTS[word]!
  }
  const num = NUMBER.exec(rest)?.[0]
  if (num === undefined) throw new SyntaxError(`not a literal at ${c.i}`)
  c.i += num.length
  return number(num)
}

/** The value `str(value)` was made from, or the text itself when it is no literal. */
export function fromPythonStr(text: string): RecordedData {
  const c = new Cursor(text)
  // str() of a string never adds quotes: a quoted top level is the string as written
  if (/^\s*['"]/.test(text)) return text
  try {
    const parsed = value(c)
    c.skip()
    if (c.i === text.length) return parsed
  } catch {
    // not a literal: str() of a string is the string
  }
  return text
}
