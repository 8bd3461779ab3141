package lab.softmax.engine.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * One long row split over threads of a given executor: chunks run the kernel's reduction, the
 * partial normalisers are combined in chunk order (exact up to the rounding of one sum, so the
 * result is deterministic for a given thread count), then the chunks run the output pass.
 * The three-pass algorithms need one more round: the chunks' maxima first. Every task is joined
 * before a method returns; the executor is the caller's (bounded pool, or the FX app's).
 */
public final class ParallelSoftmax {
    /** Chunk boundaries are multiples of this (one cache line of floats × a 512-bit vector's lanes). */
    private static final int ALIGN = 64;

    private final SoftmaxKernel kernel;
    private final Executor executor;
    private final int parts;

    /** @param parts how many chunks (normally the number of threads the executor runs) */
    public ParallelSoftmax(SoftmaxKernel kernel, Executor executor, int parts) {
        if (parts < 1) throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        this.kernel = kernel;
        this.executor = executor;
        this.parts = parts;
    }

    public SoftmaxKernel kernel() { return kernel; }

    public int parts() { return parts; }

    /** y[from, to) = softmax(x[from, to)); returns ln Σ exp(x). */
    public double softmax(float[] x, float[] y, int from, int to) {
        int[] bounds = split(from, to);
        int chunks = bounds.length - 1;
        if (chunks == 1) return kernel.softmax(x, y, from, to);
        float rowMax = Float.NaN;
        if (kernel.algorithm().hasMaxPass()) {
            List<Float> maxima = runAll(chunks, c -> kernel.max(x, bounds[c], bounds[c + 1]));
            rowMax = Float.NEGATIVE_INFINITY;
            for (float m : maxima) rowMax = Math.max(rowMax, m);
        }
        final float max = rowMax;
        List<SoftmaxReduction> partials = runAll(chunks, c -> kernel.reduce(x, y, bounds[c], bounds[c + 1], max));
        SoftmaxReduction total = partials.get(0);
        for (int c = 1; c < chunks; c++) total = total.combine(partials.get(c));
        final SoftmaxReduction row = total;
        runAll(chunks, c -> {
            kernel.normalise(x, y, bounds[c], bounds[c + 1], row);
            return Boolean.TRUE;
        });
        return row.logSumExp();
    }

    private int[] split(int from, int to) {
        int n = to - from;
        int chunks = (int) Math.max(1, Math.min(parts, n / (long) (4 * ALIGN)));
        int[] bounds = new int[chunks + 1];
        bounds[0] = from;
        for (int c = 1; c < chunks; c++) {
            long cut = from + (long) n * c / chunks;
            bounds[c] = (int) (cut - (cut - from) % ALIGN);
        }
        bounds[chunks] = to;
        return bounds;
    }

    /** Runs chunk 0 on the calling thread and the rest on the executor; joins all before returning. */
    private <T> List<T> runAll(int chunks, IntFunction<T> task) {
        List<CompletableFuture<T>> futures = new ArrayList<>(chunks);
        for (int c = 1; c < chunks; c++) {
            final int chunk = c;
            futures.add(CompletableFuture.supplyAsync(() -> task.apply(chunk), executor));
        }
        List<T> results = new ArrayList<>(chunks);
        results.add(task.apply(0));
        for (CompletableFuture<T> f : futures) results.add(f.join());
        return results;
    }
}
