#!/usr/bin/env python3
"""Summarises benchmarks/measure.sh output into the README table (medians over repetitions)."""
import glob, json, os, statistics, sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "target", "measure")
ALGOS = ["three-pass-recompute", "three-pass-reload", "two-pass", "online"]
SIZES = [16384, 262144, 4194304, 67108864]
BYTES = {"three-pass-recompute": 16, "three-pass-reload": 20, "two-pass": 12, "online": 12}
# reference/kernels.md §5(a): C AVX-512 on the Zen 5 class, ns/element (used when softmax-ref cannot run here)
C_DOC = {("three-pass-recompute", 16384): 0.208, ("three-pass-reload", 16384): 0.170, ("two-pass", 16384): 0.204, ("online", 16384): 0.182,
         ("three-pass-recompute", 262144): 0.235, ("three-pass-reload", 262144): 0.201, ("two-pass", 262144): 0.216, ("online", 262144): 0.197,
         ("three-pass-recompute", 4194304): 0.372, ("three-pass-reload", 4194304): 0.389, ("two-pass", 4194304): 0.320, ("online", 4194304): 0.329,
         ("three-pass-recompute", 67108864): 0.616, ("three-pass-reload", 67108864): 0.608, ("two-pass", 67108864): 0.452, ("online", 67108864): 0.500}

def label(n):
    return f"{n >> 20}M" if n >= 1 << 20 else f"{n >> 10}K"

def load(pattern):
    docs = []
    for f in sorted(glob.glob(os.path.join(out, pattern))):
        try:
            docs.append(json.load(open(f)))
        except Exception:
            pass
    return docs

one, two, wall = load("java1-*.json"), load("java2-*.json"), load("javaw-*.json")
c = {}
for f in glob.glob(os.path.join(out, "c-*.txt")):
    for line in open(f):
        p = line.strip().split(",")
        if len(p) >= 3:
            try:
                key, value = (p[0], int(p[1])), float(p[2])
            except ValueError:
                continue  # "exit 132": SIGILL, the CPU has no AVX-512
            c.setdefault(key, []).append(value)
bw = [max(d["machine"]["bandwidth_gbps"][k] for k in ("read", "copy", "triad")) for d in one]
probe = {k: statistics.median(d["machine"]["bandwidth_gbps"][k] for d in one) for k in ("read", "copy", "triad")}
loads = [d["machine"].get("load_average") for d in one + two]
floor_bw = statistics.median(bw)
print(f"repetitions: {len(one)} single-thread, {len(two)} two-thread; load average during runs: "
      + ", ".join(f"{l:.1f}" for l in loads if l is not None))
print(f"Java probe, one thread, 64M floats: read {probe['read']:.1f}, copy {probe['copy']:.1f}, triad {probe['triad']:.1f} GB/s "
      f"(floor uses the best of the three: {floor_bw:.1f} GB/s)")
print()
print("| N | algorithm | ns/element (median, spread over reps) | GB/s | ×floor | C ns/element | Java/C time |")
print("|---|---|---|---|---|---|---|")
med = {}
for n in SIZES:
    for a in ALGOS:
        vals = [r["ns_per_element"] for d in one for r in d["results"] if r["algorithm"] == a and r["n"] == n and r["valid"]]
        if not vals:
            continue
        m = statistics.median(vals)
        med[(a, n)] = m
        floor = BYTES[a] / floor_bw
        if (a, n) in c:
            cref, src = statistics.median(c[(a, n)]), "same run"
        else:
            cref, src = C_DOC[(a, n)], "doc §5(a)"
        print(f"| {label(n)} | {a} | {m:.3f} ({min(vals):.3f}..{max(vals):.3f}) | {BYTES[a] / m:.1f} | {m / floor:.2f} | "
              f"{cref:.3f} ({src}) | {m / cref:.2f} |")
print()
for a in ALGOS:
    vals = [r["ns_per_element"] for d in two for r in d["results"] if r["algorithm"] == a and r["valid"]]
    ones = [r["ns_per_element"] for d in wall for r in d["results"] if r["algorithm"] == a and r["valid"]]
    if vals:
        m2 = statistics.median(vals)
        line = f"64M, {a}: two threads {m2:.3f} ns/element (spread {min(vals):.3f}..{max(vals):.3f}, wall clock)"
        if ones:
            m1 = statistics.median(ones)
            pairs = [o / t for o, t in zip(ones, vals)]
            line += (f"; one thread wall clock {m1:.3f} ({min(ones):.3f}..{max(ones):.3f}); speed-up {m1 / m2:.2f}x "
                     f"(per-repetition pairs {', '.join(f'{p:.2f}' for p in pairs)})")
        print(line)
for n in SIZES:
    if ("two-pass", n) in med and ("three-pass-recompute", n) in med:
        print(f"N={label(n)}: two-pass / three-pass-recompute time = {med[('two-pass', n)] / med[('three-pass-recompute', n)]:.2f}, "
              f"two-pass / three-pass-reload = {med[('two-pass', n)] / med[('three-pass-reload', n)]:.2f}")
