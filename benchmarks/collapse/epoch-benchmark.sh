#!/usr/bin/env bash
# One full-batch epoch of the paper-size model (add mod 113, 40 % = 5107 samples, MLP 200x200):
# Java (fp32 loss, fp16 loss) against NumPy float32, interleaved, REPS rounds, 2 threads each
# (and 1 thread). Prints one JSON line per measurement: wall ms and process CPU ms per epoch.
# Usage: benchmarks/collapse/epoch-benchmark.sh [REPS] [EPOCHS]   (SOFTMAX_LAB=launcher, PYTHON=python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${1:-3}
EPOCHS=${2:-40}
LAB=${SOFTMAX_LAB:-./softmax-lab}
PY=${PYTHON:-python3}
for rep in $(seq 1 "$REPS"); do
  for threads in 2 1; do
    echo "{\"rep\":$rep,\"threads\":$threads,\"impl\":\"java-fp32\",\"result\":$($LAB train grokking --benchmark "$EPOCHS" --threads $threads --json)}"
    echo "{\"rep\":$rep,\"threads\":$threads,\"impl\":\"java-fp16\",\"result\":$($LAB train grokking --benchmark "$EPOCHS" --threads $threads --loss-precision fp16 --json)}"
    echo "{\"rep\":$rep,\"threads\":$threads,\"impl\":\"numpy\",\"result\":$(OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads $PY benchmarks/numpy/grokking_epoch.py "$EPOCHS")}"
  done
done
