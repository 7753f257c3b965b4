/**
 * The package as users get it: `npm pack`, installed into an empty project from the tarball
 * alone (offline: the bundle needs no dependency), then the installed command runs.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'

test('npm pack installs into an empty project offline and its ckpt-audit runs check', () => {
  const work = mkdtempSync(join(tmpdir(), 'ckpt-audit-pack-'))
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { encoding: 'utf8' }))[0]
  const files = (packed.files as Array<{ path: string }>).map(f => f.path).sort()
  assert.deepEqual(files.filter(f => !/^(dist|schema)\//.test(f)), ['README.md', 'action.yml', 'package.json'], 'only the bundle, schema, action and docs ship')
  assert.ok(files.includes('dist/cli.js'))
  assert.deepEqual(JSON.parse(readFileSync('package.json', 'utf8')).dependencies, undefined, 'the bundle carries its dependencies')

  const project = join(work, 'project')
  cpSync('examples/okvqa', project, { recursive: true })
  writeFileSync(join(project, 'package.json'), '{"name": "team-experiments", "private": true}\n')
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], { cwd: project, stdio: 'pipe' })
  const run = (...args: string[]) => spawnSync('npx', ['--offline', 'ckpt-audit', ...args], { cwd: project, encoding: 'utf8' })
  const help = run('--help')
  assert.equal(help.status, 0, help.stderr)
  assert.match(help.stdout, /ckpt-audit check \[MANIFEST\]/)
  const failing = run('check', 'ckpt-audit.yml')
  assert.equal(failing.status, 1, failing.stderr)
  assert.match(failing.stdout, /^❌ 1 failing key: kl_beta recorded 0\.15, stored 0\.1/)
  const fixed = run('check', 'ckpt-audit.fixed.yml')
  assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr)
})
