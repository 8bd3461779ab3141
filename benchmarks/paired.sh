#!/usr/bin/env bash
# The Vector API kernels paired with the C yardstick in one process (lab.softmax.benchmarks.PairedWithC):
# Java and C alternate every ~2 ms on the same arrays; one JSON line per (algorithm, N) with the median of
# the per-pair ratios C time / Java time = Java throughput / C throughput (see benchmarks/README.md).
# Usage: benchmarks/paired.sh [SIZES] [SAMPLES] [ALGORITHMS]
#   e.g. benchmarks/paired.sh 16K,256K 21 two-pass,online
# The C is built here with -march=native: AVX-512 on an AVX-512 host, else AVX2 + FMA (PAIRED_C_AVX2=1 forces
# AVX2); the first line names the CPU and both sides' vector ISA. Pinned to one CPU with taskset when available
# (PAIRED_CPU, default 1). Needs gcc and JDK 25.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${1:-16K,256K}"
SAMPLES="${2:-21}"
ALGORITHMS="${3:-three-pass-recompute,three-pass-reload,two-pass,online}"
CPU="${PAIRED_CPU:-1}"
PIN=()
command -v taskset > /dev/null && PIN=(taskset -c "$CPU")

cd "$ROOT"
if [ -f bin/jdk25.sh ]; then source bin/jdk25.sh && select_jdk25 > /dev/null; fi
LIB="$ROOT/benchmarks/target/libsoftmax_simd.so"
FORCE=()
[ "${PAIRED_C_AVX2:-0}" = 1 ] && FORCE=(-DSOFTMAX_AVX2)
# PAIRED_JAVA_AVX2=1: the JVM limited to AVX2 (-XX:UseAVX=2, 256-bit SPECIES_PREFERRED); with PAIRED_C_AVX2=1 an
# AVX-512 host runs the AVX2-host comparison (AVX2 code on this core and memory system, not a Zen 3)
# PAIRED_JAVA_OPTS: more JVM flags, e.g. -XX:+UseTransparentHugePages (Java and C then share heap arrays on huge pages)
JAVA_OPTS=(${PAIRED_JAVA_OPTS:-})
[ "${PAIRED_JAVA_AVX2:-0}" = 1 ] && JAVA_OPTS+=(-XX:UseAVX=2)
mkdir -p benchmarks/target
"${PIN[@]}" gcc -O3 -march=native "${FORCE[@]}" -fopenmp -fPIC -shared -DSOFTMAX_SHARED \
    -o "$LIB" benchmarks/c/softmax_simd.c -lm
if [ ! -f benchmarks/target/classpath.txt ] || [ ! -f benchmarks/target/classes/lab/softmax/benchmarks/PairedWithC.class ] \
    || [ -n "$(find engine/src benchmarks/src -newer benchmarks/target/classpath.txt -name '*.java' -print -quit)" ]; then
  "${PIN[@]}" ./mvnw -B -o -q -pl benchmarks -am package -DskipTests
fi
exec "${PIN[@]}" java "${JAVA_OPTS[@]}" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    lab.softmax.benchmarks.PairedWithC --library "$LIB" --sizes "$SIZES" --samples "$SAMPLES" \
    --algorithms "$ALGORITHMS" 2> >(grep -v -e '^WARNING: Using incubator modules' >&2)
