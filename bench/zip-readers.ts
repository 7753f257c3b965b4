/**
 * Why ckpt-audit reads zips with yauzl, not jszip (docs/adr/0001-zip-reader.md): time and peak
 * RSS to get data.pkl out of a torch checkpoint, each approach in its own process.
 * Run: /usr/bin/python3 bench/inspect-vs-torch.py 1 (makes .bench/big_1gib.pt), then
 *      npx node bench/zip-readers.ts .bench/big_1gib.pt .bench/big_4gib.pt
 */
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { openFileSource } from '../src/checkpoint/byte-source.ts'
import { openZip } from '../src/checkpoint/zip-archive.ts'

const [mode, path] = process.argv.slice(2)
if (mode === 'jszip' || mode === 'yauzl') {
  const started = performance.now()
  let bytes: number
  try {
    if (mode === 'jszip') {
      const zip = await JSZip.loadAsync(await readFile(path!))
      const name = Object.keys(zip.files).find(n => n.endsWith('/data.pkl'))!
      bytes = (await zip.file(name)!.async('uint8array')).length
    } else {
      const source = await openFileSource(path!)
      const zip = await openZip(source)
      bytes = (await zip.read(zip.entries.find(e => e.name.endsWith('/data.pkl'))!, 1 << 28)).length
      await source.close()
    }
    console.log(JSON.stringify({ ok: true, ms: performance.now() - started, rssMiB: process.resourceUsage().maxRSS / 1024, bytes }))
  } catch (error) {
    console.log(JSON.stringify({ ok: false, error: (error as Error).message.slice(0, 90), rssMiB: process.resourceUsage().maxRSS / 1024 }))
  }
} else {
  const self = fileURLToPath(import.meta.url)
  console.log('| file | reader | result | time | peak RSS |\n|---|---|---|---|---|')
  for (const file of process.argv.slice(2)) {
    for (const reader of ['yauzl', 'jszip']) {
      const run = spawnSync(process.execPath, ['--max-old-space-size=16384', self, reader, file], { encoding: 'utf8' })
      const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}')
      console.log(`| ${basename(file)} | ${reader} | ${r.ok ? `data.pkl, ${r.bytes} bytes` : `fails: ${r.error}`} | ${r.ok ? `${r.ms.toFixed(0)} ms` : '—'} | ${r.rssMiB.toFixed(0)} MiB |`)
    }
  }
}
