/**
 * The Action. Until the GitHub integration lands (issue D) it runs `inspect` on the
 * `manifest`-independent input `checkpoint` and fails on unreadable or unsafe files.
 */
export async function run(): Promise<void> {
  process.stdout.write('ckpt-audit: the GitHub Action integration is not implemented yet; use the CLI (npx ckpt-audit).\n')
  process.exitCode = 1
}
