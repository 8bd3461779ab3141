#!/usr/bin/env python3
"""One full-batch training epoch of the paper's MLP in NumPy float32, for comparison with
`softmax-lab train grokking --benchmark`: add mod 113, 40 % train (5107 samples), bias-free
226 -> 200 -> 200 -> 113 ReLU MLP, first layer as a gather (W1[x] + W1[p + y]), softmax CE in
float32, AdamW (betas 0.9/0.99, eps 1e-25). Prints {"ms_per_epoch": ...} as one JSON line.

Usage: grokking_epoch.py [EPOCHS]   (threads: OPENBLAS_NUM_THREADS, default all cores)
"""
import json
import sys
import time

import numpy as np

P, H, FRAC = 113, 200, 0.4


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    rng = np.random.default_rng(42)
    pairs = rng.permutation(P * P)[: int(FRAC * P * P)]
    x, y = pairs // P, pairs % P
    target = (x + y) % P
    n = len(pairs)

    def init(fan_out, fan_in):
        b = 1.0 / np.sqrt(fan_in)
        return rng.uniform(-b, b, size=(fan_in, fan_out)).astype(np.float32)  # stored transposed: in x out

    params = [init(H, 2 * P), init(H, H), init(P, H)]
    m = [np.zeros_like(w) for w in params]
    v = [np.zeros_like(w) for w in params]
    lr, b1, b2, eps = np.float32(0.01), 0.9, 0.99, np.float32(1e-25)
    rows = np.arange(n)
    gather = np.concatenate([x, P + y])

    def epoch(t):
        w1, w2, w3 = params
        z1 = w1[x] + w1[P + y]
        a1 = np.maximum(z1, 0)
        a2 = np.maximum(a1 @ w2, 0)
        z3 = a2 @ w3
        off = z3 - z3.max(axis=1, keepdims=True)
        out = off - np.log(np.exp(off).sum(axis=1, keepdims=True))
        g3 = np.exp(out) * np.float32(1.0 / n)
        g3[rows, target] -= np.float32(1.0 / n)
        d3 = a2.T @ g3
        g2 = (g3 @ w3.T) * (a2 > 0)
        d2 = a1.T @ g2
        g1 = (g2 @ w2.T) * (a1 > 0)
        d1 = np.zeros_like(w1)
        np.add.at(d1, gather, np.concatenate([g1, g1]))
        for i, g in enumerate((d1, d2, d3)):
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            denom = np.sqrt(v[i]) / np.float32(np.sqrt(1 - b2 ** t)) + eps
            params[i] -= (lr / np.float32(1 - b1 ** t)) * m[i] / denom
        return float(-out[rows, target].mean())

    for t in range(1, epochs // 2 + 1):
        epoch(t)
    start = time.perf_counter()
    cpu = time.process_time()
    for t in range(epochs // 2 + 1, epochs // 2 + 1 + epochs):
        loss = epoch(t)
    ms = (time.perf_counter() - start) * 1e3 / epochs
    cpu_ms = (time.process_time() - cpu) * 1e3 / epochs
    print(json.dumps({"impl": "numpy", "numpy": np.__version__, "ms_per_epoch": ms, "cpu_ms_per_epoch": cpu_ms, "epochs_timed": epochs,
                      "train_size": n, "last_loss": loss}), flush=True)


if __name__ == "__main__":
    main()
