#!/usr/bin/python3
"""Writes the okvqa example: tiny, real torch checkpoints that reproduce the seed case.

Run: /usr/bin/python3 examples/okvqa/make_checkpoints.py   (Debian python3-torch 1.13)

The story: a team documented a run as KL_BETA=0.15, "3 GRPO epochs", started from RCE epoch 5;
the checkpoint held KL_BETA 0.1, a 0-based epoch counter at 0, and weights from RCE epoch 2.
A retriever (backbone + input_proj, query_proj,
cand_proj) trained by RCE, then GRPO runs with different KL_BETA. What the files hold:
- rce/rce_epoch2.pt and kl012/rce_epoch5.pt: RCE checkpoints (0-based epoch counters 1 and 4).
- kl012_frozen, kl015_unfrozen, kl018_frozen: GRPO from rce_epoch5 with a tiny learning rate, so
  their weights are nearly identical whatever KL_BETA said (kl018 stores KL_BETA as a float32
  0-dim tensor). The frozen runs keep the backbone bit-identical to rce_epoch5.
- v3_k64_grpo: GRPO from rce_epoch2 (not epoch 5) with a larger learning rate, KL_BETA 0.1 (the
  docs said 0.15), 0-based epoch 0; its projection layers moved, its backbone is rce_epoch2's.
  Saved twice: grpo_epoch1.pt (plain dict) and grpo_epoch1_v2format.ckpt (Lightning-style dict).
expected.json records the ground truth computed here by torch.
"""
import argparse, json, pathlib
import torch

ROOT = pathlib.Path(__file__).resolve().parent / 'results' / 'okvqa' / 'model_cpk'
PROJ = ('input_proj.weight', 'input_proj.bias', 'query_proj.weight', 'cand_proj.weight')


def initial():
    g = torch.Generator().manual_seed(2024)
    return {'backbone.embed.weight': torch.randn(32, 16, generator=g), 'backbone.layer.weight': torch.randn(16, 16, generator=g),
            'backbone.layer.bias': torch.randn(16, generator=g), 'input_proj.weight': torch.randn(8, 16, generator=g),
            'input_proj.bias': torch.randn(8, generator=g), 'query_proj.weight': torch.randn(8, 8, generator=g),
            'cand_proj.weight': torch.randn(8, 8, generator=g)}


def step(state, seed, scale, frozen_backbone=True):
    """One 'training' update: noise of the given scale on trainable tensors."""
    g = torch.Generator().manual_seed(seed)
    out = {}
    for name, tensor in state.items():
        moves = not (frozen_backbone and name.startswith('backbone.'))
        out[name] = tensor + scale * torch.randn(tensor.shape, generator=g) if moves else tensor.clone()
    return out


def save(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(obj, path)


def mean_abs_diff(a, b):
    total = sum((a[k].double() - b[k].double()).abs().sum().item() for k in a)
    return total / sum(a[k].numel() for k in a)


rce2 = step(initial(), 2, 0.05, frozen_backbone=False)
rce5 = step(rce2, 5, 0.05, frozen_backbone=False)
save(ROOT / 'rce' / 'rce_epoch2.pt', {'state_dict': rce2, 'epoch': 1, 'phase': 'rce', 'val_loss': 7.8863,
                                      'args': argparse.Namespace(LR=1e-4, DATA_FILE='rce_data.json')})
save(ROOT / 'kl012' / 'rce_epoch5.pt', {'state_dict': rce5, 'epoch': 4, 'phase': 'rce', 'val_loss': 7.7421,
                                        'args': argparse.Namespace(LR=1e-4, DATA_FILE='rce_data.json')})
runs = {
    'kl012_frozen': (0.12, 5e-6, True, 12),
    'kl015_unfrozen': (0.15, 5e-6, False, 15),
    'kl018_frozen': (torch.tensor(0.18), 5e-6, True, 18),
}
weights = {'rce_epoch2': rce2, 'rce_epoch5': rce5}
for name, (kl, lr, frozen, seed) in runs.items():
    state = step(rce5, seed, 2e-4, frozen_backbone=frozen)
    weights[name] = state
    save(ROOT / name / 'grpo_epoch1.pt', {'state_dict': state, 'epoch': 0, 'phase': 'grpo',
                                          'args': argparse.Namespace(KL_BETA=kl, LR=lr, K=64, DATA_FILE='rl_data_k64_v3.json',
                                                                     FREEZE_BACKBONE=frozen)})
v3 = step(rce2, 3, 0.02, frozen_backbone=True)
weights['v3_k64_grpo'] = v3
args = argparse.Namespace(KL_BETA=0.1, LR=2e-5, K=64, DATA_FILE='rl_data_k64_v3.json', FREEZE_BACKBONE=True)
save(ROOT / 'v3_k64_grpo' / 'grpo_epoch1.pt', {'state_dict': v3, 'epoch': 0, 'phase': 'grpo', 'args': args})
save(ROOT / 'v3_k64_grpo' / 'grpo_epoch1_v2format.ckpt',
     {'state_dict': {f'model.{k}': v for k, v in v3.items()}, 'epoch': 0, 'global_step': 120, 'phase': 'grpo',
      'hyper_parameters': {'args': vars(args)}, 'pytorch-lightning_version': '1.9.0'})

pairs = {f'{a} vs {b}': mean_abs_diff(weights[a], weights[b]) for a, b in [
    ('v3_k64_grpo', 'kl012_frozen'), ('v3_k64_grpo', 'kl015_unfrozen'), ('kl012_frozen', 'kl015_unfrozen'),
    ('kl012_frozen', 'kl018_frozen'), ('v3_k64_grpo', 'rce_epoch2'), ('v3_k64_grpo', 'rce_epoch5')]}
identical = {name: sorted(k for k in weights[name] if torch.equal(weights[name][k], weights[parent][k]))
             for name, parent in [('v3_k64_grpo', 'rce_epoch2'), ('kl012_frozen', 'rce_epoch5'), ('kl018_frozen', 'rce_epoch5')]}
(pathlib.Path(__file__).resolve().parent / 'expected.json').write_text(
    json.dumps({'mean_abs_diff': pairs, 'identical_to_parent': identical}, indent=1, sort_keys=True) + '\n')
for p in sorted(ROOT.rglob('*.*')):
    print(p.relative_to(ROOT), p.stat().st_size)
print(json.dumps(pairs, indent=1))
