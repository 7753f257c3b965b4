/** Report files the CLI writes: a failure is a sentence naming the path and why, never an exception. */
import { writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Writes one report file; a plain reason when it cannot (the folder is missing, a directory, no permission). */
export async function writeReport(path: string, text: string, kind: string): Promise<string | undefined> {
  try {
    await writeFile(path, text)
    return undefined
  } catch (error) {
    return `cannot write the ${kind} report to ${path}: ${await whyNotWritable(path, error as NodeJS.ErrnoException)}`
  }
}

async function whyNotWritable(path: string, error: NodeJS.ErrnoException): Promise<string> {
  if (error.code === 'ENOENT') return `the folder ${dirname(path)} does not exist`
  if (error.code === 'ENOTDIR') return `${dirname(path)} is not a folder`
  if (error.code === 'EISDIR') return 'it is a directory'
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied'
  return error.code ?? error.message
}

