import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Absolute path of a committed fixture. */
export function fixture(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url))
}

/** Ground truth written by the generator scripts (computed by torch itself). */
export function expectedOf<T = Record<string, any>>(folder: string): T {
  return JSON.parse(readFileSync(fixture(`${folder}/expected.json`), 'utf8')) as T
}
