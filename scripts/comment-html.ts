/** The PR comment as a GitHub-like HTML page (marked, GFM): used by render-comment.ts and checked by test/docs.test.ts. */
import { marked } from 'marked'

const css = `body{font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
.comment{max-width:880px;margin:16px auto;background:#fff;border:1px solid #d0d7de;border-radius:6px}
.head{background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:8px 16px;border-radius:6px 6px 0 0;color:#59636e}
.head b{color:#1f2328}.md{padding:16px}
table{border-collapse:collapse;margin:8px 0;display:block;overflow:auto}th,td{border:1px solid #d0d7de;padding:4px 10px}
tr:nth-child(2n){background:#f6f8fa}code{background:rgba(175,184,193,.2);padding:.1em .3em;border-radius:4px;font-size:85%}
pre{background:#f6f8fa;padding:12px;border-radius:6px;overflow:auto}pre code{background:none}h2{border-bottom:1px solid #d0d7de;padding-bottom:.3em}
details{margin:6px 0}summary{cursor:pointer}`

export async function commentHtml(markdown: string): Promise<string> {
  const body = await marked.parse(markdown, { gfm: true })
  return `<!doctype html><meta charset="utf-8"><title>ckpt-audit PR comment</title><style>${css}</style>
<div class="comment"><div class="head"><b>github-actions</b> bot commented</div><div class="md">${body}</div></div>`
}
