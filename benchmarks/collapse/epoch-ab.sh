#!/usr/bin/env bash
# Two builds of Softmax Lab, alternated: REPS rounds of `train grokking --benchmark EPOCHS` on THREADS threads
# for build A then build B (the order swapped every other round), one JSON line per run. The ratio of the
# two runs of a round is what to read on a machine whose speed drifts (see docs/labs/collapse.md).
# Usage: benchmarks/collapse/epoch-ab.sh A_LAUNCHER B_LAUNCHER [REPS] [EPOCHS] [THREADS]
set -euo pipefail
A=$1
B=$2
REPS=${3:-6}
EPOCHS=${4:-60}
THREADS=${5:-2}
for rep in $(seq 1 "$REPS"); do
  if (( rep % 2 )); then order="a b"; else order="b a"; fi
  for which in $order; do
    if [[ $which == a ]]; then lab=$A; else lab=$B; fi
    echo "{\"rep\":$rep,\"build\":\"$which\",\"threads\":$THREADS,\"result\":$($lab train grokking --benchmark "$EPOCHS" --threads "$THREADS" --json)}"
  done
done
