/**
 * Appends one array to another without spreading it into call arguments: `push(...items)` with
 * a few hundred thousand items (a pickle naming a global a million times) overflows the call stack.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item)
}
