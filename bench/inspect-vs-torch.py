#!/usr/bin/python3
"""Benchmark: `ckpt-audit inspect` vs `torch.load` on a ~4 GiB fp32 checkpoint, whole processes.

Run: /usr/bin/python3 bench/inspect-vs-torch.py [GiB]   (needs python3-torch; writes .bench/, never committed)
Prints wall time and peak RSS of each and the ratios. Target (issue A): >= 50x faster, RSS <= 100 MB.
This process never imports torch: a forked child's peak RSS would start at the parent's.
"""
import os, pathlib, platform, subprocess, sys
sys.path.insert(0, os.path.dirname(__file__))
from measure import measure, node

root = pathlib.Path(__file__).resolve().parent.parent
work = root / '.bench'
work.mkdir(exist_ok=True)
gib = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
path = work / f'big_{gib:g}gib.pt'
GENERATE = f'''
import argparse, torch
per = 64 * 1024 * 1024  # 256 MiB fp32 tensors
count = max(1, int({gib} * 1024 ** 3 / (per * 4)))
g = torch.Generator().manual_seed(0)
state = {{f"layers.{{i}}.weight": torch.empty(per).uniform_(generator=g) for i in range(count)}}
torch.save({{"state_dict": state, "args": argparse.Namespace(KL_BETA=0.1, LR=5e-5), "epoch": 0}}, {str(path)!r})
'''
if not path.exists():
    subprocess.run([sys.executable, '-c', GENERATE], check=True)
torch_version = subprocess.run([sys.executable, '-c', 'import torch; print(torch.__version__)'], capture_output=True, text=True).stdout.strip()
ours = measure([node(), str(root / 'dist' / 'cli.js'), 'inspect', '--json', str(path)], repeat=3)
theirs = measure([sys.executable, '-c', f'import torch; torch.load({str(path)!r})'], repeat=2)  # best of 2: the page cache is warm for the second
print(f'machine: {platform.machine()}, {os.cpu_count()} cores; torch {torch_version}; node {subprocess.run([node(), "--version"], capture_output=True, text=True).stdout.strip()}')
print(f'file: {path.name}, {path.stat().st_size / 1024 ** 3:.2f} GiB')
print(f'ckpt-audit inspect : {ours[0]:8.3f} s  peak RSS {ours[1]:8.1f} MiB')
print(f'torch.load         : {theirs[0]:8.3f} s  peak RSS {theirs[1]:8.1f} MiB')
print(f'speed-up: {theirs[0] / ours[0]:.0f}x   peak RSS: {theirs[1] / ours[1]:.0f}x less')
