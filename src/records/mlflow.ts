/**
 * An MLflow run's params as the file store keeps them: `mlruns/<experiment>/<run>/params/<key>`,
 * one file per param holding `str(value)` (a key with `/` is a sub-folder). Values are read
 * back from Python's str() (python-literal.ts); each points at its param file, line 1.
 * Format: mlflow/store/tracking/file_store.py (FileStore._get_param_path, _log_run_param
 * writes _writeable_value(param.value)) and mlflow.tracking.MlflowClient.log_param, which
 * stores Param(key, str(value)); https://mlflow.org/docs/latest/tracking/backend-stores/ (file store).
 */
import { join } from 'node:path'
import { fromPythonStr } from './python-literal.ts'
import type { RecordLeaf, RecordProblem, RecordRead, RecordReader } from './types.ts'

/** More params than any run logs: a folder past this is not a params folder. */
export const MAX_MLFLOW_PARAMS = 10_000

/** The run's `params/` folder: the folder itself, or the `params/` inside a run folder. */
export function mlflowParamsDir(path: string, reader: RecordReader): string | undefined {
  if (path.replace(/[\\/]+$/, '').endsWith('params') && reader.kind(path) === 'dir') return path
  return reader.kind(join(path, 'params')) === 'dir' ? join(path, 'params') : undefined
}

function paramFiles(dir: string, reader: RecordReader, prefix: string[], out: Array<{ key: string[], path: string }>): void {
  for (const name of reader.list(dir)) {
    if (out.length > MAX_MLFLOW_PARAMS) return
    const path = join(dir, name)
    const kind = reader.kind(path)
    if (kind === 'dir') paramFiles(path, reader, [...prefix, name], out)
    else if (kind === 'file') out.push({ key: [...prefix, name], path })
  }
}

export function readMlflow(paramsDir: string, reader: RecordReader, display: (path: string) => string): RecordRead {
  const files: Array<{ key: string[], path: string }> = []
  paramFiles(paramsDir, reader, [], files)
  const problems: RecordProblem[] = []
  if (files.length > MAX_MLFLOW_PARAMS)
    return { leaves: [], problems: [{ location: { file: display(paramsDir), line: 1, column: 1 }, message: `${display(paramsDir)} holds more than ${MAX_MLFLOW_PARAMS} params; name the keys to read with keys:` }] }
  const leaves: RecordLeaf[] = []
  for (const { key, path } of files) {
    const location = { file: display(path), line: 1, column: 1 }
    try {
      // the file holds str(value) exactly; a trailing newline is an editor's, not MLflow's
      // `optim/lr` (a sub-folder) and `optim.lr` are one nesting: the naming rule decides the name
      leaves.push({ path: key.flatMap(part => part.split('.')), value: fromPythonStr(reader.text(path).replace(/\r?\n$/, '')), location })
    } catch (error) {
      problems.push({ location, message: `cannot read ${display(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` })
    }
  }
  return { leaves, problems }
}
