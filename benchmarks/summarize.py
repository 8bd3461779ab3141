#!/usr/bin/env python3
"""Summarises benchmarks/measure.sh output into the README table (medians over repetitions)."""
import glob, json, os, statistics, sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "target", "measure")
ALGOS = ["three-pass-recompute", "three-pass-reload", "two-pass", "online"]
SIZES = [16384, 262144, 4194304, 67108864]
BYTES = {"three-pass-recompute": 16, "three-pass-reload": 20, "two-pass": 12, "online": 12}
# Published yardstick (context only: other hardware): a clean AVX-512 C implementation of the four
# algorithms on one core of an AMD EPYC Zen 5 VM, ns/element, medians of 22 rounds (benchmarks/README.md)
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
tool_file = os.path.join(out, "c-tool.txt")
c_tool = open(tool_file).read().strip() if os.path.exists(tool_file) else "not recorded (older run)"
c_ours = c_tool.startswith("ours")
c_col = "C same run (AVX2, ours)" if c_ours else "C same run (AVX-512, softmax-ref)"
c, c_err = {}, {}
for f in glob.glob(os.path.join(out, "c-[0-9]*.txt")):
    for line in open(f):
        p = line.strip().split(",")
        if len(p) >= 5:
            try:
                key, value = (p[0], int(p[1])), float(p[2])
            except ValueError:
                continue  # "exit 132": SIGILL, the CPU has no AVX-512
            c.setdefault(key, []).append(value)
            c_err[key] = max(c_err.get(key, 0), float(p[4]))
stream = {}
for f in glob.glob(os.path.join(out, "stream-*.txt")):
    for line in open(f):
        p = line.strip().split(",")
        if len(p) >= 6 and p[0] == "stream" and p[5].startswith("median_GBps="):
            stream.setdefault(p[4], []).append(float(p[5].split("=")[1]))
def probed(d):
    v = d["machine"]["bandwidth_gbps"].get("read")
    return isinstance(v, (int, float)) and v == v and v > 0
probes = [d for d in one if probed(d)]
bw = [max(d["machine"]["bandwidth_gbps"][k] for k in ("read", "copy", "triad")) for d in probes]
probe = {k: statistics.median(d["machine"]["bandwidth_gbps"][k] for d in probes) for k in ("read", "copy", "triad")}
loads = [d["machine"].get("load_average") for d in one + two]
java_bw = statistics.median(bw)
c_bw = max((statistics.median(stream[k]) for k in ("read", "copy", "triad") if k in stream), default=0)
floor_bw = max(java_bw, c_bw)
reps = len(set(os.path.basename(f).split("-")[1].split(".")[0] for f in glob.glob(os.path.join(out, "java1-*.json"))))
print(f"repetitions: {reps} single-thread, {len(two)} two-thread; load average during runs: "
      + ", ".join(f"{l:.1f}" for l in loads if l is not None))
print(f"C yardstick: {c_tool}")
print(f"Java probe, one thread, 64M floats: read {probe['read']:.1f}, copy {probe['copy']:.1f}, triad {probe['triad']:.1f} GB/s")
if stream:
    print("C stream, one thread, 64M floats (median over repetitions): "
          + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in stream.items()) + " GB/s")
print(f"floor bandwidth = best of the Java probe and C read/copy/triad: {floor_bw:.1f} GB/s")
print()
print(f"| N | algorithm | Java ns/element (median, spread over reps) | GB/s | ×floor | {c_col} ns/element | C ×floor "
      "| Java/C time | Java throughput / C | C AVX-512 Zen 5 (published) | Java/published time |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
med, cmed = {}, {}
for n in SIZES:
    for a in ALGOS:
        vals = [r["ns_per_element"] for d in one for r in d["results"] if r["algorithm"] == a and r["n"] == n and r["valid"]]
        if not vals:
            continue
        m = statistics.median(vals)
        med[(a, n)] = m
        floor = BYTES[a] / floor_bw
        doc = C_DOC[(a, n)]
        if (a, n) in c:
            cv = c[(a, n)]
            cm = cmed[(a, n)] = statistics.median(cv)
            ccol = f"{cm:.3f} ({min(cv):.3f}..{max(cv):.3f})"
            cfl = f"{cm / floor:.2f}"
            ratio = f"{m / cm:.2f}"
            thr = f"**{cm / m:.2f}**"
        else:
            ccol = cfl = ratio = thr = "—"
        print(f"| {label(n)} | {a} | {m:.3f} ({min(vals):.3f}..{max(vals):.3f}) | {BYTES[a] / m:.1f} | {m / floor:.2f} | "
              f"{ccol} | {cfl} | {ratio} | {thr} | {doc:.3f} | {m / doc:.2f} |")
if c_err:
    print()
    print("C max relative error vs fp64 on the benchmark input: "
          + f"{max(c_err.values()):.2g} (worst over algorithms and sizes)")
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
for name, table in (("Java", med), ("C", cmed)):
    for n in SIZES:
        if ("two-pass", n) in table and ("three-pass-recompute", n) in table:
            print(f"{name} N={label(n)}: two-pass / three-pass-recompute time = "
                  f"{table[('two-pass', n)] / table[('three-pass-recompute', n)]:.2f}, "
                  f"two-pass / three-pass-reload = {table[('two-pass', n)] / table[('three-pass-reload', n)]:.2f}")
