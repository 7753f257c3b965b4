/**
 * Is this a pickle? Decided by running the machine over the first bytes, not by a magic byte:
 * protocol 0 and 1 pickles have no header (any opcode may come first), and a single byte proves
 * nothing (`.` alone is STOP, so a CSS file would pass). A candidate is a prefix on which every
 * opcode parses and the stack discipline holds, up to STOP or the end of the prefix; or one that
 * opens with PROTO (a two-byte signature), or that names a global or makes a call before it
 * breaks: `pickle.load` would have imported or called it before reaching the damage.
 */
import { NeedMoreBytes, runPickle, type PickleHooks } from './machine.ts'
import { PyObject } from './values.ts'

/** Bytes looked at: enough for the opening of any real pickle, few enough to probe every zip member. */
export const PROBE_BYTES = 4096

/** A Python dotted name: text that merely has two lines after a `c` (a YAML `checks:` line) is not a GLOBAL. */
const DOTTED_NAME = /^[A-Za-z_][\w.]*$/

/** Hooks that build nothing and classify nothing; they note that code would have been reached. */
function inertHooks(reached: { code: boolean }): PickleHooks {
  const record = (): PyObject => { reached.code = true; return new PyObject(null, []) }
  return {
    findClass: (module, name) => {
      if (typeof module !== 'string' || typeof name !== 'string' || (DOTTED_NAME.test(module) && DOTTED_NAME.test(name))) reached.code = true
      return new PyObject(null, [])
    },
    call: record, instantiate: record, build: () => { reached.code = true }, persistentLoad: () => null,
  }
}

/**
 * True when `head` (the first bytes of a stream of `total` bytes, `start` the offset to probe)
 * opens a pickle: it reaches STOP, or runs out of bytes mid-pickle, without a parse error.
 */
export function looksLikePickle(head: Uint8Array, start = 0, total = head.length): boolean {
  if (start >= head.length) return false
  const prefix = head.subarray(0, Math.min(head.length, start + PROBE_BYTES))
  const complete = prefix.length === total
  if (prefix[start] === 0x80 && prefix.length > start + 1 && prefix[start + 1]! <= 5) return true // PROTO 0-5
  const reached = { code: false }
  try {
    runPickle(prefix, start, inertHooks(reached), 'probe', complete)
    return true
  } catch (error) {
    return error instanceof NeedMoreBytes || reached.code
  }
}
