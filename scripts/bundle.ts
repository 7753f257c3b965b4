/**
 * Bundles dist/index.js (the Action, run by the runner's Node 24), dist/cli.js (the CLI,
 * which also runs on Node 20 and 22) and dist/worker.js (their worker threads). Deterministic:
 * same sources, same bytes, so CI can compare a rebuild with what is committed.
 */
import { build } from 'esbuild'

// CommonJS dependencies call require() at run time; ESM output needs a real require for them.
const banner = "import { createRequire as __ckptCreateRequire } from 'node:module'; const require = __ckptCreateRequire(import.meta.url);"

const common = {
  bundle: true, platform: 'node', format: 'esm', target: 'node20', legalComments: 'none',
  banner: { js: banner }, logLevel: 'warning', charset: 'utf8',
} as const

await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', })
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' })
// the worker threads' module (src/workers/pool.ts starts dist/worker.js beside the bundle that runs)
await build({ ...common, entryPoints: ['src/workers/worker.ts'], outfile: 'dist/worker.js' })
