import { main } from '../../src/cli.ts'

/** Runs one CLI command line in-process and collects what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number, out: string, err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, t => { out += t }, t => { err += t })
  return { code, out, err }
}
