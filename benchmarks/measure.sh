#!/usr/bin/env bash
# Same-run measurement of the Java kernels against a C yardstick and the bandwidth floor.
# Usage: benchmarks/measure.sh [REPETITIONS] [OUT_DIR]
# The C yardstick: our C (benchmarks/c/softmax_simd.c, built here with gcc -march=native into
# benchmarks/target/: AVX-512 on an AVX-512 host, else AVX2 + FMA), or, when SOFTMAX_REF_TOOLS names a directory holding AVX-512 `softmax-ref` and
# `stream` binaries (not part of this repository) that this CPU can run, those;
# OUT_DIR/c-tool.txt says which one ran. Each repetition: C stream; then for each N of 16K/256K/4M/64M
# the C softmax bench and `softmax-lab bench` single-thread (both thread CPU time) back to back;
# then Java with one and two threads at 64M (wall clock, for the speed-up).
# benchmarks/summarize.py OUT_DIR turns the files into the README table (medians over repetitions).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPS="${1:-3}"
OUT="${2:-$ROOT/benchmarks/target/measure}"
TOOLS="${SOFTMAX_REF_TOOLS:-}"
OURS="$ROOT/benchmarks/target/softmax_simd"
mkdir -p "$OUT" "$ROOT/benchmarks/target"
uptime > "$OUT/uptime-start.txt"

C_REF=""; C_STREAM=""; C_LABEL="none"
if [ -n "$TOOLS" ] && { [ ! -x "$TOOLS/softmax-ref" ] || [ ! -x "$TOOLS/stream" ]; }; then
  echo "error: SOFTMAX_REF_TOOLS=$TOOLS must be a directory with executable softmax-ref and stream" >&2
  exit 2
fi
if [ -n "$TOOLS" ] && ( "$TOOLS/softmax-ref" bench two-pass 1024 1 ) > /dev/null 2>&1; then
  C_REF="$TOOLS/softmax-ref bench"; C_STREAM="$TOOLS/stream"; C_LABEL="softmax-ref (AVX-512) from $TOOLS"
elif command -v gcc > /dev/null; then
  # without SOFTMAX_REF_TOOLS, or when its AVX-512 binaries die with SIGILL on this CPU: build and check our C
  [ -n "$TOOLS" ] && echo "note: $TOOLS/softmax-ref does not run on this CPU (no AVX-512?); using benchmarks/c/softmax_simd.c" >&2
  if gcc -O3 -march=native -fopenmp -o "$OURS" "$ROOT/benchmarks/c/softmax_simd.c" -lm \
      && "$OURS" check > "$OUT/c-check.txt" 2>&1; then
    C_REF="$OURS bench"; C_STREAM="$OURS stream"
    C_LABEL="ours: benchmarks/c/softmax_simd.c ($("$OURS" isa), gcc -O3 -march=native) on $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), family$(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2)"
  else
    C_LABEL="ours failed to build or check (see c-check.txt)"
  fi
fi
echo "$C_LABEL" > "$OUT/c-tool.txt"
echo "C yardstick: $C_LABEL"

for rep in $(seq 1 "$REPS"); do
  [ -n "$C_REF" ] && { $C_STREAM 1 67108864 5 > "$OUT/stream-$rep.txt" 2>&1 || echo "exit $?" >> "$OUT/stream-$rep.txt"; }
  # size by size, C then Java back to back, so that each pair sees the same state of the shared machine
  for size in 16K 256K 4M 64M; do
    case "$size" in *K) n=$(( ${size%K} * 1024 ));; *M) n=$(( ${size%M} * 1048576 ));; esac
    if [ -n "$C_REF" ]; then
      for algo in three-pass-recompute three-pass-reload two-pass online; do
        $C_REF "$algo" "$n" 15 >> "$OUT/c-$rep.txt" 2>&1 || echo "$algo,$n,exit $?" >> "$OUT/c-$rep.txt"
      done
    fi
    probe=0; [ "$size" = 64M ] && probe=64M
    "$ROOT/softmax-lab" bench --impls vector --sizes "$size" --threads 1 --seconds 1 --probe-size "$probe" --json \
        > "$OUT/java1-$rep-$size.json" 2> "$OUT/java1-$rep-$size.err"
  done
  # one and two threads at 64M, both wall-clock, back to back: the pair gives the speed-up
  "$ROOT/softmax-lab" bench --impls vector --sizes 64M --threads 1 --wall-clock --seconds 1 --probe-size 0 --json \
      > "$OUT/javaw-$rep.json" 2> "$OUT/javaw-$rep.err"
  "$ROOT/softmax-lab" bench --impls vector --sizes 64M --threads 2 --seconds 1 --probe-size 0 --json \
      > "$OUT/java2-$rep.json" 2> "$OUT/java2-$rep.err"
  uptime >> "$OUT/uptime-reps.txt"
done
echo "done: $OUT"
