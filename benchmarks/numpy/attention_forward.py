#!/usr/bin/env python3
"""One head's fp32 attention forward in NumPy, the yardstick for `softmax-lab attention bench`:
s = q @ k.T / sqrt(d); a = softmax(s) row by row (max subtracted, exp, sum, divide, in place);
y = a @ v. Prints {"n","d","rounds","forward_ms_median","forward_ms_min","forward_ms_max",
"products_ms_median"} as one JSON line (products: the two matrix products alone).

Usage: attention_forward.py [N] [D] [ROUNDS]   (threads: OPENBLAS_NUM_THREADS, default all cores;
time with OpenBLAS's own kernels: unset OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE in that command)
"""
import json
import sys
import time

import numpy as np


def forward(q, k, v):
    s = q @ k.T
    s *= np.float32(1.0 / np.sqrt(q.shape[1]))
    s -= s.max(axis=1, keepdims=True)
    np.exp(s, out=s)
    s /= s.sum(axis=1, keepdims=True)
    return s @ v


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4096
    d = int(sys.argv[2]) if len(sys.argv) > 2 else 64
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rng = np.random.default_rng(2024)
    q, k, v = (rng.standard_normal((n, d), dtype=np.float32) for _ in range(3))
    fwd, prod = [], []
    for r in range(rounds + 1):  # round 0 warms up
        t0 = time.perf_counter()
        forward(q, k, v)
        t1 = time.perf_counter()
        (q @ k.T) @ v
        t2 = time.perf_counter()
        if r > 0:
            fwd.append((t1 - t0) * 1e3)
            prod.append((t2 - t1) * 1e3)
    print(json.dumps({"n": n, "d": d, "rounds": rounds, "forward_ms_median": float(np.median(fwd)),
                      "forward_ms_min": min(fwd), "forward_ms_max": max(fwd),
                      "products_ms_median": float(np.median(prod))}))


if __name__ == "__main__":
    main()
