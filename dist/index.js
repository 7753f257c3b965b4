import { createRequire as __ckptCreateRequire } from 'node:module'; const require = __ckptCreateRequire(import.meta.url);

// src/main.ts
async function run() {
  process.stdout.write("ckpt-audit: the GitHub Action integration is not implemented yet; use the CLI (npx ckpt-audit).\n");
  process.exitCode = 1;
}

// src/index.ts
await run();
