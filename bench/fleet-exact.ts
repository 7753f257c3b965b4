// The exact pairwise method bench/fleet.py compares verdicts with: every pair diffed in full,
// no fingerprints. Writes the findings as JSON to argv[3].
import { writeFileSync } from 'node:fs'
import { checkManifest } from '../src/check.ts'

const result = await checkManifest(process.argv[2]!, { exactPairs: true })
writeFileSync(process.argv[3]!, JSON.stringify({ status: result.status, findings: result.findings }))
