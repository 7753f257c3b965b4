/**
 * Credential values from the environment are checked before use: undici rejects a header value
 * with a control character by throwing a TypeError whose text quotes the value, and that text
 * would otherwise reach messages, the JSON report and the PR comment.
 */
import { CheckpointError } from '../errors.ts'

/** Visible ASCII and inner spaces: what an HTTP header value may hold (RFC 9110 field-value, ASCII). */
const HEADER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/

/** Returns `value` when it can be sent as a header; else refuses, naming the variable, never the value. */
export function checkHeaderValue(variable: string, value: string): string {
  if (!HEADER_VALUE.test(value))
    throw new CheckpointError('refused', `${variable} holds characters an HTTP header cannot carry (a newline, a control or non-ASCII character, or leading/trailing space); it was not sent`)
  return value
}
