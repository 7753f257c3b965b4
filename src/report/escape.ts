/**
 * The one escaping module: every value from a manifest or a checkpoint passes through here
 * before it enters Markdown. Nothing it returns can close a table cell, open HTML, start a link,
 * mention a user or team, or reference an issue.
 */

/** Breaks `@mention` and `#123` triggers with a zero-width space. */
function defuse(text: string): string {
  return text.replaceAll('@', '@\u200b').replace(/#(?=\d)/g, '#\u200b')
}

/** Plain text for prose and table cells. */
export function text(value: string): string {
  const escaped = value
    .replaceAll('\\', '\\\\') // first: in GFM `\\|` is an escaped backslash followed by a live pipe
    .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    .replace(/[|`*_[\]~!()]/g, c => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>')
  return defuse(escaped)
}

/** Text inside raw HTML (a `<summary>` line): Markdown is not parsed there, so only entities work. */
export function html(value: string): string {
  return defuse(value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replace(/\r\n|\r|\n/g, ' '))
}

/** Inline code; the fence is one backtick longer than the longest run inside. */
export function code(value: string, inTable = false): string {
  const flat = value.replace(/\r\n|\r|\n/g, ' ')
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : ''
  // a pipe splits a GFM table cell even inside a code span, unless escaped; backslashes right
  // before it are doubled, since the table scanner reads `\\` as a pair (cmark-gfm scan_table_cell)
  const body = inTable ? flat.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes}\\|`) : flat
  return defuse(`${fence}${pad}${body}${pad}${fence}`)
}

/** Inline code inside a table cell. */
export function cellCode(value: string): string {
  return code(value, true)
}

/** The hidden marker of the sticky comment. Manifest paths cannot close the HTML comment. */
export function marker(manifest: string): string {
  return `<!-- ckpt-audit:${manifest.replace(/--+/g, '-').replace(/[<>]/g, '_')} -->`
}
