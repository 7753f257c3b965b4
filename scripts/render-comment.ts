/**
 * Renders the golden PR comment of the okvqa example (test/report/golden/okvqa.md) to
 * docs/pr-comment.html with a GitHub-flavoured Markdown renderer (marked), then to
 * docs/pr-comment.png with headless Chromium (apt-get install chromium fonts-noto-color-emoji).
 * Run: npx node scripts/render-comment.ts
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { commentHtml } from './comment-html.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
writeFileSync(`${root}/docs/pr-comment.html`, await commentHtml(readFileSync(`${root}/test/report/golden/okvqa.md`, 'utf8')))
execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--window-size=920,1500', `--user-data-dir=${root}/.bench/chromium`,
  `--screenshot=${root}/docs/pr-comment.png`, `file://${root}/docs/pr-comment.html`], { stdio: 'ignore' })
console.log('wrote docs/pr-comment.html and docs/pr-comment.png')
