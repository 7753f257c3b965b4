#!/usr/bin/python3
"""Benchmark (issues C and G): `ckpt-audit diff` vs torch on two ~2 GiB fp32 checkpoints, whole processes,
and vs the floor: the time to read both files (`cat a b > /dev/null`, measured in the same run).

Run: /usr/bin/python3 bench/diff-vs-torch.py [GiB]   (needs python3-torch)
Files go to $BENCH_DIR (default .bench/, never committed); BENCH_DELETE=1 deletes them afterwards.
CKPT_AUDIT_CLI=src runs src/cli.ts (Node 24 strips the types) instead of the bundled dist/cli.js.
torch's side loads both files and computes the same statistic (element-weighted mean |a-b| in
float64, per tensor). Targets: time <= 0.7x torch's and <= 3x the floor, peak RSS <= 200 MB
(1/10 of torch's), the statistic equal to torch's to 1e-9 relative.
This process never imports torch: a forked child's peak RSS would start at the parent's.
"""
import json, os, pathlib, platform, subprocess, sys
sys.path.insert(0, os.path.dirname(__file__))
from measure import measure, node

root = pathlib.Path(__file__).resolve().parent.parent
work = pathlib.Path(os.environ.get('BENCH_DIR', root / '.bench'))
work.mkdir(parents=True, exist_ok=True)
gib = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
a, b = work / f'diff_a_{gib:g}.pt', work / f'diff_b_{gib:g}.pt'
GENERATE = f'''
import torch
per = 32 * 1024 * 1024  # 128 MiB fp32 tensors
count = max(1, int({gib} * 1024 ** 3 / (per * 4)))
g = torch.Generator().manual_seed(0)
state = {{f"layers.{{i}}.weight": torch.empty(per).uniform_(generator=g) for i in range(count)}}
torch.save({{"state_dict": state}}, {str(a)!r})
for i in range(count // 2, count):  # half the layers frozen (bit-identical), half trained
    state[f"layers.{{i}}.weight"] += 1e-3 * torch.empty(per).normal_(generator=g)
torch.save({{"state_dict": state}}, {str(b)!r})
'''
TORCH_DIFF = f'''
import torch
x = torch.load({str(a)!r})["state_dict"]; y = torch.load({str(b)!r})["state_dict"]
total, count = 0.0, 0
for k in x:
    total += (x[k].double() - y[k].double()).abs().sum().item(); count += x[k].numel()
print(total / count)
'''
if not b.exists():
    subprocess.run([sys.executable, '-c', GENERATE], check=True)
torch_version = subprocess.run([sys.executable, '-c', 'import torch; print(torch.__version__)'], capture_output=True, text=True).stdout.strip()
cli = str(root / 'src' / 'cli.ts') if os.environ.get('CKPT_AUDIT_CLI') == 'src' else str(root / 'dist' / 'cli.js')
ours_argv = [node(), cli, 'diff', '--json', str(a), str(b)]
theirs = measure([sys.executable, '-c', TORCH_DIFF], repeat=2)
floor = measure(['sh', '-c', f'cat {a} {b} > /dev/null'], repeat=3)
ours = measure(ours_argv, repeat=3)
ours_mean = json.loads(subprocess.run(ours_argv, capture_output=True, text=True).stdout)['mean_abs_diff']
torch_mean = float(subprocess.run([sys.executable, '-c', TORCH_DIFF], capture_output=True, text=True).stdout)
print(f'machine: {platform.machine()}, {os.cpu_count()} cores; torch {torch_version}; {cli}')
print(f'files: 2 x {a.stat().st_size / 1024 ** 3:.2f} GiB fp32, half the tensors bit-identical')
print(f'floor (cat a b)   : {floor[0]:8.3f} s')
print(f'ckpt-audit diff   : {ours[0]:8.3f} s  peak RSS {ours[1]:8.1f} MiB')
print(f'torch load + diff : {theirs[0]:8.3f} s  peak RSS {theirs[1]:8.1f} MiB')
print(f'ratio to the floor: {ours[0] / floor[0]:.2f}x (target <= 3x)')
print(f'time ratio: {ours[0] / theirs[0]:.2f}x of torch (target <= 0.7x)   peak RSS: {ours[1] / theirs[1]:.3f} of torch (target <= 0.1)')
print(f'mean |a-b|: ours {ours_mean!r}, torch {torch_mean!r}, relative difference {abs(ours_mean - torch_mean) / torch_mean:.1e} (target <= 1e-9)')
if os.environ.get('BENCH_DELETE') == '1':
    a.unlink()
    b.unlink()
