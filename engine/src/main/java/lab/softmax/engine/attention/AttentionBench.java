package lab.softmax.engine.attention;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import lab.softmax.engine.io.InputException;
import java.util.Arrays;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.nn.Matmul;
import lab.softmax.engine.nn.Workers;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;

/**
 * Times one head's full fp32 forward ({@link FastAttention}: Q Kᵀ, softmax rows, A V) against the
 * engine's own two matrix products of the same shapes alone ({@link Matmul#multiply}, the same B
 * transposed and padded as the forward packs it), alternating the two each round so that both see the
 * same machine, and reports medians. The ratio says how much the softmax rows (and the scaling and
 * packing) add to the multiply-adds. Both reuse their buffers from round to round.
 */
public final class AttentionBench {
    /**
     * Medians in nanoseconds over the timed rounds, with the spread (min, max) of each, and the median of the
     * rounds' own ratios (forward over the products timed right after it: on a shared machine whose load
     * changes from second to second, the steadier figure), and the medians of the calling thread's CPU time
     * (with one thread, all the work: time the thread waited for a core left out).
     */
    public record Result(int n, int dh, int threads, int rounds, Algorithm algorithm,
                         double forwardNs, double forwardMinNs, double forwardMaxNs,
                         double productsNs, double productsMinNs, double productsMaxNs, double pairedRatio,
                         double forwardCpuNs, double productsCpuNs) {
        /** Forward time over the products' time. */
        public double ratio() { return forwardNs / productsNs; }

        /** The calling thread's CPU time in the forward over that in the products. */
        public double cpuRatio() { return forwardCpuNs / productsCpuNs; }

        /** Multiply-adds of the two products: 2 n² d_h. */
        public double gflops() { return 2.0 * 2 * n * (double) n * dh / forwardNs; }
    }

    private AttentionBench() { }

    public static Result run(int n, int dh, int threads, int rounds, Algorithm algorithm, Cancellation cancel) {
        // Q Kᵀ is n² floats: 16384 keeps it at 1 GiB
        if (n < 1 || n > 16_384) throw new InputException("n", n + " is outside 1..16384");
        if (dh < 1 || dh > 1024) throw new InputException("dh", dh + " is outside 1..1024");
        if (threads < 1 || threads > 256) throw new InputException("threads", threads + " is outside 1..256");
        if (rounds < 1 || rounds > 1000) throw new InputException("rounds", rounds + " is outside 1..1000");
        SplitMix64 r = new SplitMix64(2024);
        float[] q = gaussian(r, n * dh);
        float[] k = gaussian(r, n * dh);
        float[] v = gaussian(r, n * dh);
        int pad = Matmul.paddedColumns(n);
        int dPad = Matmul.paddedColumns(dh);
        float[] kT = new float[dh * pad];
        float[] scores = new float[n * pad];
        float[] vPad = new float[pad * dPad];
        for (int j = 0; j < n; j++) {
            for (int d = 0; d < dh; d++) {
                kT[d * pad + j] = k[j * dh + d];
                vPad[j * dPad + d] = v[j * dh + d];
            }
        }
        float[] out = new float[n * dPad];
        long[] forward = new long[rounds];
        long[] products = new long[rounds];
        long[] forwardCpu = new long[rounds];
        long[] productsCpu = new long[rounds];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        FastAttention.Workspace workspace = new FastAttention.Workspace();
        try (Workers w = Workers.of(threads).open()) {
            for (int round = -1; round < rounds; round++) { // round -1 warms up both
                cancel.throwIfCancelled();
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                FastAttention.forward(q, k, v, n, n, dh, dh, 1, null, MaskKind.FULL, n, algorithm, w, workspace);
                long t1 = System.nanoTime();
                long c1 = cpu.getCurrentThreadCpuTime();
                Matmul.multiply(q, 0, dh, 1, kT, 0, pad, scores, pad, n, pad, dh, w);
                Matmul.multiply(scores, 0, pad, 1, vPad, 0, dPad, out, dPad, n, dPad, pad, w);
                long t2 = System.nanoTime();
                long c2 = cpu.getCurrentThreadCpuTime();
                if (round >= 0) {
                    forward[round] = t1 - t0;
                    products[round] = t2 - t1;
                    forwardCpu[round] = c1 - c0;
                    productsCpu[round] = c2 - c1;
                }
            }
        }
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) ratios[i] = forward[i] / (double) products[i];
        Arrays.sort(forward);
        Arrays.sort(products);
        return new Result(n, dh, threads, rounds, algorithm, median(forward), forward[0], forward[rounds - 1],
                median(products), products[0], products[rounds - 1], median(ratios), median(forwardCpu), median(productsCpu));
    }

    private static double median(long[] a) {
        return median(Arrays.stream(a).asDoubleStream().toArray());
    }

    private static double median(double[] a) {
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        int h = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2.0;
    }

    private static float[] gaussian(SplitMix64 r, int count) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
