/**
 * Adversarial pickles through the whole `inspect --json` path (open, unpickle, flatten,
 * render): prints the time of each and its time per MiB. Target (issue 12): each ≤ 1 s.
 * Run: npx node bench/pickle-worst-case.ts [runs]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspectPath } from '../src/cli.ts'
import { binunicodePickle, deepMemoPickle, long1ListPickle, long4Pickle, memoAmplificationPickle, sharedArgsPickle, sharedStatePickle, textLongPickle } from '../test/support/adversarial-pickles.ts'

const MiB = 1024 * 1024
const inputs: Array<[string, () => Uint8Array]> = [
  ['LONG4, 2 MiB integer', () => long4Pickle(2 * MiB)],
  ['400,000 LONG1 (255 bytes each) in a list', () => long1ListPickle(400_000)],
  ['BINUNICODE, 64 MiB string', () => binunicodePickle(64 * MiB)],
  ['text LONG, 1 MiB of digits', () => textLongPickle(MiB)],
  ['deep memo: 100,000 shared levels, 100,000 tuple keys over them', () => deepMemoPickle(100_000, 100_000)],
  ['memo reuse: a 1 MiB embedded checkpoint loaded 20,000 times', () => memoAmplificationPickle('load_from_bytes', 20_000)],
  ['memo reuse: a 1 MiB string encoded 20,000 times', () => memoAmplificationPickle('codecs', 20_000)],
  ['memo reuse: a 100,000-entry state dict BUILT into 4,000 objects', () => sharedStatePickle(100_000, 4_000)],
  ['memo reuse: a 100,000-item argument tuple for 4,000 objects', () => sharedArgsPickle(100_000, 4_000)],
]
const runs = Number(process.argv[2] ?? 3)
const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-pickle-bench-'))
try {
  console.log(`Node ${process.version}, best of ${runs}`)
  for (const [label, build] of inputs) {
    const path = join(work, 'input.pkl')
    const bytes = build()
    writeFileSync(path, bytes)
    let best = Infinity
    let outcome = ''
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      const result = await inspectPath(path)
      JSON.stringify(result)
      best = Math.min(best, performance.now() - start)
      outcome = result.error === null ? 'read' : `${result.error.reason}`
    }
    const mib = bytes.length / MiB
    console.log(`${label.padEnd(66)} ${mib.toFixed(2).padStart(7)} MiB  ${(best / 1000).toFixed(3)} s  ${(best / 1000 / mib).toFixed(3)} s/MiB  (${outcome})`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
