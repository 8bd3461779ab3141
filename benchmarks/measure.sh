#!/usr/bin/env bash
# Same-run measurement of the Java kernels against the C reference (../shared/tools) and the
# bandwidth floor. Usage: benchmarks/measure.sh [REPETITIONS] [OUT_DIR]
# Each repetition: C `stream` and `softmax-ref` (when the CPU can run them), then
# `softmax-lab bench` single-thread at 16K/256K/4M/64M (thread CPU time), then one and two threads
# at 64M (wall clock, for the speed-up).
# benchmarks/summarize.py OUT_DIR turns the files into the README table (medians over repetitions).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPS="${1:-3}"
OUT="${2:-$ROOT/benchmarks/target/measure}"
TOOLS="$ROOT/../shared/tools"
mkdir -p "$OUT"
uptime > "$OUT/uptime-start.txt"
for rep in $(seq 1 "$REPS"); do
  if [ -x "$TOOLS/stream" ]; then
    "$TOOLS/stream" 1 67108864 5 > "$OUT/stream-$rep.txt" 2>&1 || echo "exit $?" >> "$OUT/stream-$rep.txt"
    for algo in three-pass-recompute three-pass-reload two-pass online; do
      for n in 16384 262144 4194304 67108864; do
        "$TOOLS/softmax-ref" bench "$algo" "$n" 9 >> "$OUT/c-$rep.txt" 2>&1 || echo "$algo,$n,exit $?" >> "$OUT/c-$rep.txt"
      done
    done
  fi
  "$ROOT/softmax-lab" bench --impls vector --sizes 16K,256K,4M,64M --threads 1 --seconds 1 --probe-size 64M --json \
      > "$OUT/java1-$rep.json" 2> "$OUT/java1-$rep.err"
  # one and two threads at 64M, both wall-clock, back to back: the pair gives the speed-up
  "$ROOT/softmax-lab" bench --impls vector --sizes 64M --threads 1 --wall-clock --seconds 1 --probe-size 0 --json \
      > "$OUT/javaw-$rep.json" 2> "$OUT/javaw-$rep.err"
  "$ROOT/softmax-lab" bench --impls vector --sizes 64M --threads 2 --seconds 1 --probe-size 0 --json \
      > "$OUT/java2-$rep.json" 2> "$OUT/java2-$rep.err"
  uptime >> "$OUT/uptime-reps.txt"
done
echo "done: $OUT"
