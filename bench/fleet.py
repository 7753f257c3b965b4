#!/usr/bin/python3
"""Benchmark (issue K): `ckpt-audit check` with `weights: always` on a fleet of 32 checkpoints of
128 MiB (4 GiB): three roots, runs trained from each (backbone frozen, head trained), a run whose
declared parent is wrong, two near-duplicate clusters (runs with different kl_beta whose weights
differ by ~1e-6), and two twins. Measured in one run:
  - bytes read by the check process (/proc/self/io rchar, written at exit by bench/io-at-exit.mjs),
    target <= 1.05x the fleet's size;
  - wall time, target <= 2x `cat` of every file (page cache warm for both);
  - peak RSS (os.wait4), target <= 300 MB;
  - verdicts equal to the exact pairwise method (bench/fleet-exact.ts: every pair diffed in full);
  - a second run with --cache reads <= 1% of the fleet's bytes;
  - the merge of 4 shards equals the single run (findings as sets).
Run: /usr/bin/python3 bench/fleet.py   (needs python3-torch; `npm run bundle` first; files go to
$BENCH_DIR, default /tmp/ckpt-fleet, and are deleted afterwards unless BENCH_KEEP=1).
"""
import json, os, pathlib, platform, shutil, subprocess, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from measure import measure, node

root = pathlib.Path(__file__).resolve().parent.parent
work = pathlib.Path(os.environ.get('BENCH_DIR', '/tmp/ckpt-fleet'))
work.mkdir(parents=True, exist_ok=True)
cli = str(root / 'dist' / 'cli.js')
io_hook = str(root / 'bench' / 'io-at-exit.mjs')

GENERATE = r'''
import sys, torch
work = sys.argv[1]
N = 4 * 1024 * 1024                       # 8 tensors of 16 MiB fp32: 128 MiB per checkpoint
def g(seed): return torch.Generator().manual_seed(seed)
def save(state, name, wrap=True): torch.save({"state_dict": state} if wrap else state, f"{work}/{name}.pt")
roots = [{f"{part}.{i}.weight": torch.randn(N, generator=g(100 * r + i + (4 if part == "head" else 0)))
          for part in ("backbone", "head") for i in range(4)} for r in range(3)]
def child(r, seed, scale=1e-2, base=None):
    src = base if base is not None else roots[r]
    out = dict(src)                       # backbone tensors shared: saved bit-identical (frozen)
    for i in range(4):
        k = f"head.{i}.weight"
        out[k] = src[k] + scale * torch.randn(N, generator=g(10_000 + 10 * seed + i))
    return out
for r in range(3): save(roots[r], f"root{r}")
plan = {0: 8, 1: 8, 2: 11}               # 27 runs + 3 roots + 2 twins = 32 files
seed = 0
for r, count in plan.items():
    cluster = child(r, 999 + r)           # runs 0..3 of root 0 and 0..2 of root 1 are one run, nudged
    for j in range(count):
        seed += 1
        in_cluster = (r == 0 and j < 4) or (r == 1 and j < 3)
        state = child(r, seed, 1e-6, cluster) if in_cluster else child(r, seed)
        save(state, f"run{r}_{j}")
        if (r, j) in ((0, 5), (2, 3)): save(state, f"run{r}_{j}_twin", wrap=False)
'''

files = sorted(work.glob('*.pt'))
if len(files) != 32:
    for f in files: f.unlink()
    started = time.perf_counter()
    subprocess.run(['/usr/bin/python3', '-c', GENERATE, str(work)], check=True)
    print(f'generated in {time.perf_counter() - started:.0f} s', file=sys.stderr)
    files = sorted(work.glob('*.pt'))
size = sum(f.stat().st_size for f in files)

lines = ['version: 1', 'checks: {weights: always, fail_on: []}', 'experiments:']
for r in range(3): lines += [f'  root{r}:', f'    checkpoint: root{r}.pt', f'    hparams: {{kl_beta: 0.{r}}}']
for f in files:
    name = f.stem
    if not name.startswith('run') or name.endswith('_twin'): continue
    r = int(name[3])
    declared = 0 if name == 'run1_7' else r      # run1_7 was trained from root1 but is recorded under root0
    lines += [f'  {name}:', f'    checkpoint: {name}.pt', f'    parent: root{declared}', '    frozen: ["backbone.*"]',
              f'    hparams: {{kl_beta: 0.{r}{name[5:]}1}}']
    if (work / f'{name}_twin.pt').exists(): lines.append(f'    twins: [{name}_twin.pt]')
manifest = work / 'fleet.yml'
manifest.write_text('\n'.join(lines) + '\n')


def cat_seconds():
    best = None
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(['cat', *map(str, files)], stdout=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - started
        best = wall if best is None else min(best, wall)
    return best


def check(*args, repeat=1):
    """(wall s, peak RSS MiB, bytes read) of one `check` process."""
    io_file = work / 'io.txt'
    env = {**os.environ, 'CKPT_IO_FILE': str(io_file)}
    wall, rss = measure([node(), '--import', io_hook, cli, 'check', str(manifest), *args], env=env, repeat=repeat)
    rchar = int(next(l.split()[1] for l in io_file.read_text().splitlines() if l.startswith('rchar:')))
    return wall, rss, rchar


def finding_set(path):
    return sorted(json.dumps(f, sort_keys=True) for f in json.loads(pathlib.Path(path).read_text())['findings'])


def designed_verdicts():
    """What the fleet was built to hold: the two near-duplicate clusters (runs 0..3 of root 0, 0..2 of root 1),
    run1_7's wrong parent and, since its backbone is root1's, its frozen layers changed against root0."""
    clusters = [[f'run0_{j}' for j in range(4)], [f'run1_{j}' for j in range(3)]]
    pairs = {(a, b) for c in clusters for i, a in enumerate(c) for b in c[i + 1:]}
    return sorted([('near-duplicate', a, b) for a, b in pairs] + [('parent-mismatch', 'run1_7', ''), ('frozen-changed', 'run1_7', '')])


def found_verdicts(path):
    out = []
    for f in json.loads(pathlib.Path(path).read_text())['findings']:
        if f['code'] == 'near-duplicate':
            a, b = f['message'].split(' have ')[0].split(' and ')
            out.append(('near-duplicate', a, b))
        elif f['code'] in ('parent-mismatch', 'frozen-changed'):
            out.append((f['code'], f['experiment'], ''))
    return sorted(out)


def verdict_set(path):
    """Findings without their numbers: code, severity, experiment, and the message up to its first parenthesis
    (`run0_0 and run0_1 have near-identical weights`): an estimated median differs from the exact one in the 3rd digit."""
    return sorted((f['code'], f['severity'], f['experiment'], f['message'].split(' (')[0])
                  for f in json.loads(pathlib.Path(path).read_text())['findings'])


try:
    cat = cat_seconds()
    wall, rss, rchar = check('--no-cache', '--json', str(work / 'single.json'), repeat=2)
    cache = work / 'cache'
    shutil.rmtree(cache, ignore_errors=True)
    check('--cache', str(cache), '--json', os.devnull)
    _, _, cached = check('--cache', str(cache), '--json', os.devnull)
    started = time.perf_counter()
    subprocess.run([node(), str(root / 'bench' / 'fleet-exact.ts'), str(manifest), str(work / 'exact.json')], check=True)
    exact_wall = time.perf_counter() - started
    for i in range(1, 5):
        subprocess.run([node(), cli, 'check', str(manifest), '--no-cache', '--shard', f'{i}/4', '--json', str(work / f'shard-{i}.json')],
                       check=True, stdout=subprocess.DEVNULL)
    merged = subprocess.run([node(), cli, 'merge', *[str(work / f'shard-{i}.json') for i in range(1, 5)], '--json', str(work / 'merged.json')],
                            stdout=subprocess.DEVNULL)
    single = finding_set(work / 'single.json')
    codes = sorted({json.loads(f)['code'] for f in single})
    print(f'machine: {platform.machine()}, {os.cpu_count()} cores, '
          f'{os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3:.0f} GiB; fleet: {len(files)} checkpoints, {size / 1024 ** 3:.2f} GiB')
    print(f'check (fingerprints)   : {wall:6.2f} s, peak RSS {rss:6.1f} MiB, read {rchar / 1024 ** 3:.2f} GiB = {rchar / size:.3f}x the fleet (target <= 1.05x)')
    print(f'cat of every file      : {cat:6.2f} s; check / cat = {wall / cat:.2f}x (target <= 2x); RSS target <= 300 MB')
    print(f'second run, --cache    : read {cached / 1024 ** 2:.1f} MiB = {100 * cached / size:.2f}% of the fleet (target <= 1%)')
    print(f'exact pairwise method  : {exact_wall:6.2f} s; verdicts equal: {verdict_set(work / "exact.json") == verdict_set(work / "single.json")}, '
          f'messages equal: {finding_set(work / "exact.json") == single} ({len(single)} findings: {", ".join(codes)})')
    print(f'merge of 4 shards      : findings equal: {finding_set(work / "merged.json") == single}; exit code {merged.returncode}')
    found, designed = found_verdicts(work / 'single.json'), designed_verdicts()
    print(f'verdicts as designed   : {found == designed} ({len(found)} found: 9 near-duplicate pairs, 1 parent-mismatch, 1 frozen-changed expected)'
          + ('' if found == designed else f'; missing {sorted(set(designed) - set(found))}, extra {len(set(found) - set(designed))}'))
finally:
    if os.environ.get('BENCH_KEEP') != '1':
        shutil.rmtree(work, ignore_errors=True)
