#!/usr/bin/env python3
"""Prints each run of collapse scenarios as a compact table (epoch, train/test accuracy, SC, zero loss,
mean |logit|, NLM cosine) at a few epochs, plus the first epoch with SC > 50 %.
Usage: summarize.py SCENARIO.json... [--every N]"""
import json
import sys

argv = sys.argv[1:]
every = 0
if "--every" in argv:
    i = argv.index("--every")
    every = int(argv[i + 1])
    del argv[i:i + 2]
args = argv
for path in args:
    doc = json.load(open(path))
    print(f"## {path}: {doc['title']}")
    for run in doc["state"]["runs"]:
        ms = run["metrics"]
        sc50 = next((m["epoch"] for m in ms if m["sc_fraction"] > 0.5), None)
        print(f"### {run['label']}  (SC>50% at {sc50}, {len(ms)} logged epochs)")
        print("epoch  train  test   SC     zero   |z|      gap     nlm")
        for i, m in enumerate(ms):
            if every and m["epoch"] % every != 0 and i != len(ms) - 1:
                continue
            print(f"{m['epoch']:6d} {m['train_acc']:.3f} {m['test_acc']:.3f} {m['sc_fraction']:.3f} "
                  f"{m['zero_loss_fraction']:.3f} {m['mean_abs_logit']:8.2f} {m['mean_top2_gap']:7.2f} {m['nlm_cosine']:.3f}")
