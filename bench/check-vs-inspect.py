#!/usr/bin/python3
"""Benchmark (issue B): `ckpt-audit check` on a manifest of 50 experiments vs `ckpt-audit inspect`
run on the same 50 files one by one, whole processes. Target: check within 2x the inspect total.

Run: /usr/bin/python3 bench/check-vs-inspect.py   (needs python3-torch; writes .bench/, never committed)
Each checkpoint is a 300-tensor, ~40 MiB model with args, hyper_parameters and an optimizer state.
"""
import os, pathlib, platform, subprocess, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from measure import measure, node

root = pathlib.Path(__file__).resolve().parent.parent
work = root / '.bench' / 'fifty'
work.mkdir(parents=True, exist_ok=True)
COUNT = 50
GENERATE = f'''
import argparse, torch
for i in range({COUNT}):
    path = {str(work)!r} + f"/run{{i:02d}}.pt"
    g = torch.Generator().manual_seed(i)
    state = {{f"blocks.{{j}}.{{k}}": torch.randn(64, 160, generator=g) for j in range(100) for k in ("q", "k", "v")}}
    torch.save({{"state_dict": state, "epoch": i % 5, "global_step": 100 * i,
                "args": argparse.Namespace(KL_BETA=0.1 + i / 1000, LR=5e-5, DATA_FILE=f"data{{i}}.json"),
                "hyper_parameters": {{"phase": "grpo", "k": 64}}}}, path)
'''
if not (work / f'run{COUNT - 1:02d}.pt').exists():
    subprocess.run([sys.executable, '-c', GENERATE], check=True)
lines = ['version: 1', 'experiments:']
for i in range(COUNT):
    lines += [f'  run{i:02d}:', f'    checkpoint: run{i:02d}.pt',
              f'    hparams: {{kl_beta: {0.1 + i / 1000}, lr: 5.0e-5, epoch: {i % 5}, phase: grpo, data: {{value: data{i}.json, at: args.DATA_FILE}}}}']
manifest = work / 'ckpt-audit.yml'
manifest.write_text('\n'.join(lines) + '\n')
cli = str(root / 'dist' / 'cli.js')

check = measure([node(), cli, 'check', str(manifest), '--json', os.devnull], repeat=3)
inspect_total, inspect_rss = 0.0, 0.0
for i in range(COUNT):
    wall, rss = measure([node(), cli, 'inspect', '--json', str(work / f'run{i:02d}.pt')])
    inspect_total += wall
    inspect_rss = max(inspect_rss, rss)
size = sum(p.stat().st_size for p in work.glob('*.pt'))
print(f'machine: {platform.machine()}, {os.cpu_count()} cores; {COUNT} checkpoints, {size / 1024 ** 3:.2f} GiB, 300 tensors each')
print(f'ckpt-audit check (50 experiments, one process): {check[0]:7.3f} s  peak RSS {check[1]:6.1f} MiB')
print(f'ckpt-audit inspect x 50 (one process each)    : {inspect_total:7.3f} s  peak RSS {inspect_rss:6.1f} MiB')
print(f'check / inspect-total: {check[0] / inspect_total:.2f}x  (target <= 2x)')
