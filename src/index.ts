// The Action's entry point (action.yml `main: dist/index.js`).
import { run } from './main.ts'

await run()
