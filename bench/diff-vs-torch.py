#!/usr/bin/python3
"""Benchmark (issue C): `ckpt-audit diff` vs torch on two ~2 GiB fp32 checkpoints, whole processes.

Run: /usr/bin/python3 bench/diff-vs-torch.py [GiB]   (needs python3-torch; writes .bench/, never committed)
torch's side loads both files and computes the same statistic (element-weighted mean |a-b| in
float64, per tensor). Target: time <= 0.7x torch's, peak RSS <= 1/10 of torch's.
This process never imports torch: a forked child's peak RSS would start at the parent's.
"""
import os, pathlib, platform, subprocess, sys
sys.path.insert(0, os.path.dirname(__file__))
from measure import measure, node

root = pathlib.Path(__file__).resolve().parent.parent
work = root / '.bench'
work.mkdir(exist_ok=True)
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
theirs = measure([sys.executable, '-c', TORCH_DIFF], repeat=2)
ours = measure([node(), str(root / 'dist' / 'cli.js'), 'diff', '--json', str(a), str(b)], repeat=2)
print(f'machine: {platform.machine()}, {os.cpu_count()} cores; torch {torch_version}')
print(f'files: 2 x {a.stat().st_size / 1024 ** 3:.2f} GiB fp32, half the tensors bit-identical')
print(f'ckpt-audit diff   : {ours[0]:8.3f} s  peak RSS {ours[1]:8.1f} MiB')
print(f'torch load + diff : {theirs[0]:8.3f} s  peak RSS {theirs[1]:8.1f} MiB')
print(f'time ratio: {ours[0] / theirs[0]:.2f}x of torch (target <= 0.7x)   peak RSS: {ours[1] / theirs[1]:.3f} of torch (target <= 0.1)')
