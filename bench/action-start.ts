/**
 * Cold start of the bundled Action (dist/index.js) on the okvqa example: time from spawning
 * `node dist/index.js` to its first line of output, and to exit. Target (issue D): <= 300 ms.
 * Run: npx node bench/action-start.ts [runs]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-start-'))
writeFileSync(join(work, 'event.json'), '{}')
const env = {
  PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: root, GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(work, 'event.json'),
  GITHUB_REPOSITORY: 'o/r', GITHUB_STEP_SUMMARY: join(work, 'summary.md'), GITHUB_OUTPUT: join(work, 'out.txt'), RUNNER_TEMP: work,
  INPUT_MANIFEST: 'examples/okvqa/ckpt-audit.yml', INPUT_COMMENT: 'never',
}
const runs = Number(process.argv[2] ?? 15)
const first: number[] = []
const total: number[] = []
for (let i = 0; i < runs; i++) {
  writeFileSync(env.GITHUB_STEP_SUMMARY, '')
  writeFileSync(env.GITHUB_OUTPUT, '')
  const started = performance.now()
  await new Promise<void>(resolve => {
    const child = spawn(process.execPath, [join(root, 'dist/index.js')], { env, cwd: root })
    let seen = false
    child.stdout.on('data', () => { if (!seen) { seen = true; first.push(performance.now() - started) } })
    child.on('exit', () => { total.push(performance.now() - started); resolve() })
  })
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
console.log(`node ${process.version}, ${runs} runs on the okvqa example (6 experiments, weight checks included)`)
console.log(`first line of output: median ${median(first).toFixed(0)} ms (min ${Math.min(...first).toFixed(0)}, max ${Math.max(...first).toFixed(0)})`)
console.log(`whole run:            median ${median(total).toFixed(0)} ms`)
