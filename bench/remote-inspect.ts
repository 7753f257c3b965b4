/**
 * Remote reads (issue J): `inspect` of a 4 GiB torch checkpoint served by nginx on loopback, the
 * bytes and requests counted from nginx's access log; the same with 20 ms added per request by a
 * proxy (wall time against round trips); and `check` of the okvqa example over HTTP against the
 * local report. Targets: <= 1 MiB, <= 8 requests, wall <= 10 round trips, identical reports.
 * Writes the checkpoint with /usr/bin/python3 (torch) under /tmp and deletes it afterwards.
 * Run: npx node bench/remote-inspect.ts
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspectPath, main } from '../src/cli.ts'
import { startNginx, startProxy } from '../test/support/servers.ts'

const ROUND_TRIP_MS = 20
const work = mkdtempSync(join(tmpdir(), 'ckpt-remote-bench-'))
chmodSync(work, 0o755)
try {
  execFileSync('/usr/bin/python3', ['-c', `
import torch
sd = {'model': {'w': torch.zeros(2**30)}, 'hyper_parameters': {'kl_beta': 0.1, 'lr': 2e-5}, 'epoch': 3, 'kl': torch.tensor(0.1)}
torch.save(sd, ${JSON.stringify(join(work, 'big.pt'))})
`], { stdio: 'inherit' })
  const size = statSync(join(work, 'big.pt')).size
  const nginx = await startNginx(work)
  try {
    const sum = (lines: string[]) => lines.reduce((total, line) => total + Number(line.split(' ')[2]), 0)

    const started = performance.now()
    const result = await inspectPath(`${nginx.origin}/big.pt`)
    const wall = performance.now() - started
    const lines = nginx.log()
    const local = await inspectPath(join(work, 'big.pt'))
    const same = JSON.stringify({ ...result, path: '' }) === JSON.stringify({ ...local, path: '' })

    const proxy = await startProxy(nginx.origin, { delayMs: ROUND_TRIP_MS })
    const slowStart = performance.now()
    await inspectPath(`${proxy.origin}/big.pt`)
    const slowWall = performance.now() - slowStart
    const slowRequests = proxy.requests
    await proxy.stop()

    // weights over the network: diff streams both 4 GiB files by range; peak RSS sampled in-process
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 20)
    const diffStart = performance.now()
    let diffText = ''
    await main(['diff', `${nginx.origin}/big.pt`, join(work, 'big.pt'), '--json'], t => { diffText += t })
    const diffWall = performance.now() - diffStart
    clearInterval(sampler)
    const diff = JSON.parse(diffText) as { identical: boolean, elements: number }

    const okvqa = await okvqaSame()
    console.log(JSON.stringify({
      file_bytes: size, error: result.error, same_as_local: same,
      requests: lines.length, bytes_sent: sum(lines), wall_ms: Math.round(wall),
      delayed: { round_trip_ms: ROUND_TRIP_MS, requests: slowRequests, wall_ms: Math.round(slowWall), round_trips: +(slowWall / ROUND_TRIP_MS).toFixed(1) },
      diff_remote_vs_local: { identical: diff.identical, elements: diff.elements, wall_ms: Math.round(diffWall), peak_rss_mib: Math.round(peak / 2 ** 20) },
      okvqa_check_same_as_local: okvqa,
    }, null, 2))
  } finally {
    await nginx.stop()
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** `check --json` of the okvqa example with `root:` an http URL equals the local report. */
async function okvqaSame(): Promise<boolean> {
  const example = fileURLToPath(new URL('../examples/okvqa/', import.meta.url))
  const copy = join(work, 'okvqa')
  cpSync(example, copy, { recursive: true })
  const nginx = await startNginx(join(copy, 'results', 'okvqa'))
  try {
    const json = async (manifest: string) => {
      let text = ''
      await main(['check', manifest, '--json', '-'], t => { text += t })
      return text.replaceAll('remote.yml', 'ckpt-audit.yml')
    }
    writeFileSync(join(copy, 'remote.yml'), readFileSync(join(copy, 'ckpt-audit.yml'), 'utf8').replace('root: results/okvqa/model_cpk', `root: ${nginx.origin}/model_cpk`))
    return (await json(join(copy, 'ckpt-audit.yml'))) === (await json(join(copy, 'remote.yml')))
  } finally {
    await nginx.stop()
  }
}
