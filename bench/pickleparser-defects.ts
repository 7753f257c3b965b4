/**
 * Measures why ckpt-audit does not unpickle through pickleparser@0.2.1 (docs/adr/0002-pickle-machine.md):
 * reproduces its defects on 8-byte inputs and real torch pickles, and times both parsers on the
 * same metadata pickle. Run: npx node bench/pickleparser-defects.ts
 */
import { Worker } from 'node:worker_threads'
import { readFileSync } from 'node:fs'
import { Parser } from 'pickleparser'
import { unpickle } from '../src/checkpoint/pickle/unpickle.ts'

const row = (what: string, theirs: string, ours: string) => console.log(`| ${what} | ${theirs} | ${ours} |`)
const ours = (bytes: Uint8Array) => { try { return String(unpickle(bytes, [], { where: 'x', persistentLoad: () => null }).value) } catch (e) { return `error: ${(e as Error).message.slice(0, 60)}` } }
const theirs = (bytes: Uint8Array, options = {}) => { try { return String(new Parser({ persistentResolver: { resolve: () => null }, ...options } as never).parse(bytes)) } catch (e) { return `throws: ${(e as Error).message.slice(0, 60)}` } }

/** The hang kills the process (infinite loop then OOM), so it runs in a worker with a deadline. */
async function hangs(bytes: number[]): Promise<string> {
  const worker = new Worker(`const { Parser } = require('pickleparser'); new Parser().parse(Uint8Array.from(${JSON.stringify(bytes)}))`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } })
  return new Promise(resolve => {
    const timer = setTimeout(() => { void worker.terminate(); resolve('still running after 3 s (killed)') }, 3000)
    worker.on('exit', code => { clearTimeout(timer); resolve(`exited ${code}`) })
    worker.on('error', e => { clearTimeout(timer); resolve(`died: ${e.message.slice(0, 50)}`) })
  })
}

console.log('| input | pickleparser 0.2.1 | ckpt-audit machine |\n|---|---|---|')
const negative = [0x80, 0x03, 0x42, 0xf9, 0xff, 0xff, 0xff, 0x2e]
row('`80 03 42 f9 ff ff ff 2e` (negative BINBYTES)', await hangs(negative), ours(Uint8Array.from(negative)))
row('LONG1 −1', theirs(Uint8Array.from([0x80, 2, 0x8a, 1, 0xff, 0x2e])), ours(Uint8Array.from([0x80, 2, 0x8a, 1, 0xff, 0x2e])))
const magic = Uint8Array.from([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, 0x2e])
row('legacy magic number (10-byte LONG1)', theirs(magic), ours(magic))

// collections.OrderedDict(a=1) as CPython pickles it at protocol 2 (every torch state_dict is one)
const ordered = Uint8Array.from(Buffer.from('800263636f6c6c656374696f6e730a4f726465726564446963740a71002952710158010000006171024b01732e', 'hex'))
row('`OrderedDict(a=1)`, Map mode', theirs(ordered, { unpicklingTypeOfDictionary: 'Map' }), ours(ordered))

// speed on one large metadata pickle: 200,000 dict entries written by CPython
const big = readFileSync(new URL('../.bench/metadata.pkl', import.meta.url), { flag: 'r' })
const time = (f: () => unknown) => { const t = performance.now(); for (let i = 0; i < 5; i++) f(); return (performance.now() - t) / 5 }
console.log(`\nparse of a ${(big.length / 1e6).toFixed(1)} MB CPython pickle (200,000 entries): pickleparser ${time(() => new Parser().parse(big)).toFixed(1)} ms, ckpt-audit ${time(() => unpickle(big, [], { where: 'x' })).toFixed(1)} ms`)
