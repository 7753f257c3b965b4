// Preloaded by bench/fleet.py (node --import): at exit, this process's I/O counters
// (/proc/self/io: rchar = bytes read through read(), page-cache hits included) go to $CKPT_IO_FILE.
import { readFileSync, writeFileSync } from 'node:fs'
process.on('exit', () => {
  if (process.env.CKPT_IO_FILE) writeFileSync(process.env.CKPT_IO_FILE, readFileSync('/proc/self/io', 'utf8'))
})
