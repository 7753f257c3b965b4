/** The package's version, read next to the code (src/ and dist/ both sit beside package.json). */
import { readFileSync } from 'node:fs'

export function toolVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
}
