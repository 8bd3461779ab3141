#!/usr/bin/env python3
"""Summarises the JSON lines of epoch-benchmark.sh: per implementation and thread count the median and
best wall ms per epoch (with the CPU ms of that run), and per round the Java/NumPy wall-time ratio of the
runs made back to back (same round, same thread count), whose median is the figure to trust on a shared
machine. Usage: epoch-benchmark.sh 5 30 | tee out.jsonl; epoch-summary.py out.jsonl"""
import json
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)          # (impl, threads) -> [(wall, cpu, rep)]
by_round = defaultdict(dict)      # (rep, threads) -> impl -> wall
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith("{"):
        continue
    rec = json.loads(line)
    res = rec["result"]
    wall, cpu = res["ms_per_epoch"], res["cpu_ms_per_epoch"]
    runs[(rec["impl"], rec["threads"])].append((wall, cpu, rec["rep"]))
    by_round[(rec["rep"], rec["threads"])][rec["impl"]] = wall

print("| implementation | threads | runs | median wall ms | best wall ms (CPU ms of that run) |")
print("|---|---|---|---|---|")
for (impl, threads), rs in sorted(runs.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    best = min(rs)
    print(f"| {impl} | {threads} | {len(rs)} | {statistics.median(w for w, _, _ in rs):.1f} "
          f"| {best[0]:.1f} ({best[1]:.1f}) |")

print()
print("| ratio (same round) | threads | median | best | per round |")
print("|---|---|---|---|---|")
for impl in ("java-fp32", "java-fp16"):
    for threads in (1, 2):
        ratios = [r[impl] / r["numpy"] for (rep, t), r in sorted(by_round.items())
                  if t == threads and impl in r and "numpy" in r]
        if ratios:
            print(f"| {impl} / numpy | {threads} | {statistics.median(ratios):.2f} | {min(ratios):.2f} "
                  f"| {' '.join(f'{x:.2f}' for x in ratios)} |")
for threads in (1, 2):
    ratios = [r["java-fp16"] / r["java-fp32"] for (rep, t), r in sorted(by_round.items())
              if t == threads and "java-fp16" in r and "java-fp32" in r]
    if ratios:
        print(f"| java-fp16 / java-fp32 | {threads} | {statistics.median(ratios):.2f} | {min(ratios):.2f} "
              f"| {' '.join(f'{x:.2f}' for x in ratios)} |")
