/**
 * Fits Markdown into a byte limit (PR comments: 65,536 characters; job summaries: 1 MiB): whole
 * sections are kept while they fit, open code fences and <details> are closed, and a pointer to
 * the full report ends the text.
 */

export const COMMENT_LIMIT_BYTES = 65_536
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

/** Closes what a cut left open, so the rest of the page renders normally. */
function closeOpen(text: string): string {
  let out = text
  if ((out.match(/^```/gm)?.length ?? 0) % 2 === 1) out += '\n```'
  const open = (out.match(/<details>/g)?.length ?? 0) - (out.match(/<\/details>/g)?.length ?? 0)
  for (let i = 0; i < open; i++) out += '\n\n</details>'
  return out
}

export function fitToLimit(markdown: string, maxBytes: number, pointer: string): { body: string, truncated: boolean } {
  if (bytes(markdown) <= maxBytes) return { body: markdown, truncated: false }
  const notice = `\n\n---\n⚠️ This report was cut to fit. ${pointer}\n`
  const budget = maxBytes - bytes(notice) - 64 // room for closing tags
  const sections = markdown.split(/(?=^### )/m)
  let body = ''
  for (const section of sections) {
    if (bytes(body + section) > budget) break
    body += section
  }
  if (body === '') {
    // not even the first section fits: cut at a line boundary
    for (const line of markdown.split('\n')) {
      if (bytes(body + line + '\n') > budget) break
      body += line + '\n'
    }
  }
  return { body: closeOpen(body.trimEnd()) + notice, truncated: true }
}
