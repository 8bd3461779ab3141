package lab.softmax.engine.kernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * The benchmark behind {@code bench} and the Kernels view. For each size: build one seeded input,
 * check every kernel against the float64 reference, warm up, then time the kernels round-robin with
 * the order rotated each round and report medians (so that drift of a shared machine hits every
 * kernel alike; benchmarks/README.md). One thread is timed
 * with thread CPU time (robust on a shared machine); several threads with wall-clock time.
 * Results of a size are delivered through the callback as soon as that size is done.
 */
public final class KernelBench {
    /** A kernel whose fp64 check is worse than this is reported invalid and not timed. */
    public static final double VALID_ERROR = 2e-5;

    static final long WARM_UP_ELEMENTS = 16_000_000;
    static final long MAX_WARM_UP_NS = 10_000_000_000L;

    private final Executor executor;
    private final boolean wallClock;

    /** @param executor runs the extra threads when {@code threads > 1} (a bounded pool of at least threads − 1) */
    public KernelBench(Executor executor) { this(executor, false); }

    /**
     * @param wallClock time one thread with the wall clock too (as several threads always are), so
     *                  that one- and two-thread figures of the same run can be compared
     */
    public KernelBench(Executor executor, boolean wallClock) {
        this.executor = executor;
        this.wallClock = wallClock;
    }

    public List<BenchResult> run(BenchConfig config, Progress progress, Cancellation cancellation,
                                 Consumer<BenchResult> onResult) {
        if (config.threads() > 1 && executor == null) {
            throw new IllegalArgumentException("threads: " + config.threads() + " needs an executor for the extra threads");
        }
        List<BenchResult> all = new ArrayList<>();
        int sizeIndex = 0;
        for (int n : config.sizes()) {
            cancellation.throwIfCancelled();
            progress.report((double) sizeIndex / config.sizes().size(), "n = " + n + ": checking against fp64");
            List<BenchResult> results = runSize(config, n, cancellation);
            for (BenchResult r : results) {
                all.add(r);
                onResult.accept(r);
            }
            sizeIndex++;
        }
        progress.report(1, "done");
        return all;
    }

    private List<BenchResult> runSize(BenchConfig config, int n, Cancellation cancellation) {
        float[] x = BenchInputs.normalWithOutliers(n, config.seed());
        float[] y = new float[n];
        List<Timed> kernels = new ArrayList<>();
        for (Algorithm a : config.algorithms()) {
            for (Impl impl : config.impls()) {
                SoftmaxKernel k = Kernels.create(a, impl);
                boolean duplicate = kernels.stream().anyMatch(t -> t.kernel.algorithm() == a && t.kernel.impl() == k.impl());
                if (!duplicate) kernels.add(new Timed(k, new ParallelSoftmax(k, executor, config.threads())));
            }
        }
        for (Timed t : kernels) { // correctness before anything is timed
            Arrays.fill(y, Float.NaN);
            t.call(x, y, n);
            t.error = Fp64Reference.maxRelativeError(x, y, 0, n);
            t.valid = t.error <= VALID_ERROR;
        }
        List<Timed> timed = kernels.stream().filter(t -> t.valid).toList();
        long budgetNs = (long) (config.seconds() * 1e9);
        // A tiny budget (tests) gets a short warm-up: its times are not meant to be read.
        long warmUpElements = (long) Math.min(WARM_UP_ELEMENTS, Math.max(1_000_000, config.seconds() * 1e8));
        for (Timed t : timed) t.warmUp(x, y, n, budgetNs / 4, warmUpElements, cancellation);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpuTime = !wallClock && config.threads() == 1 && mx.isCurrentThreadCpuTimeSupported();
        int rounds = 0;
        for (; rounds < BenchConfig.MAX_ROUNDS; rounds++) {
            boolean spent = timed.stream().allMatch(t -> t.spentNs >= budgetNs);
            if (rounds >= BenchConfig.MIN_ROUNDS && spent) break;
            for (int j = 0; j < timed.size(); j++) {
                cancellation.throwIfCancelled();
                Timed t = timed.get((j + rounds) % timed.size());
                long t0 = cpuTime ? mx.getCurrentThreadCpuTime() : System.nanoTime();
                for (int r = 0; r < t.reps; r++) t.call(x, y, n);
                long t1 = cpuTime ? mx.getCurrentThreadCpuTime() : System.nanoTime();
                t.samples.add((double) (t1 - t0) / t.reps / n);
                t.spentNs += t1 - t0;
            }
        }
        List<BenchResult> results = new ArrayList<>();
        for (Timed t : kernels) results.add(t.result(n, config.threads()));
        return flagSlowVectors(results);
    }

    /** A vector kernel slower than its scalar twin was not compiled to vector code (boxed vectors). */
    private static List<BenchResult> flagSlowVectors(List<BenchResult> results) {
        List<BenchResult> out = new ArrayList<>();
        for (BenchResult r : results) {
            BenchResult scalar = results.stream().filter(s -> s.algorithm() == r.algorithm() && s.impl() == Impl.SCALAR)
                    .findFirst().orElse(null);
            boolean slow = r.impl() == Impl.VECTOR && scalar != null && r.nsPerElement() > scalar.nsPerElement();
            out.add(slow ? r.withNote("not intrinsified: vector slower than scalar") : r);
        }
        return out;
    }

    /** One kernel's state during a size's benchmark. */
    private static final class Timed {
        final SoftmaxKernel kernel;
        final ParallelSoftmax parallel;
        final List<Double> samples = new ArrayList<>();
        double error;
        boolean valid;
        int reps = 1;
        long spentNs;

        Timed(SoftmaxKernel kernel, ParallelSoftmax parallel) {
            this.kernel = kernel;
            this.parallel = parallel;
        }

        void call(float[] x, float[] y, int n) {
            if (parallel.parts() == 1) kernel.softmax(x, y, 0, n);
            else parallel.softmax(x, y, 0, n);
        }

        /**
         * Runs until C2 has compiled the loops: at least {@code warmUpElements} elements (vector code
         * runs ~1000× slower before C2 compiles it, so a time budget alone is not enough) and the time
         * budget; then sizes a round to ~2 ms (at least one call).
         */
        void warmUp(float[] x, float[] y, int n, long budgetNs, long warmUpElements, Cancellation cancellation) {
            long start = System.nanoTime();
            long elements = 0;
            int calls = 0;
            while (calls < 2 || System.nanoTime() - start < budgetNs
                    || (elements < (kernel.impl() == Impl.VECTOR ? warmUpElements : warmUpElements / 8)
                        && System.nanoTime() - start < MAX_WARM_UP_NS)) {
                if ((calls & 63) == 0) cancellation.throwIfCancelled();
                call(x, y, n);
                calls++;
                elements += n;
            }
            long t0 = System.nanoTime();
            call(x, y, n);
            long one = Math.max(1, System.nanoTime() - t0);
            reps = (int) Math.max(1, Math.min(1_000_000, 2_000_000L / one));
        }

        BenchResult result(int n, int threads) {
            int bits = kernel.impl() == Impl.VECTOR ? VectorSupport.vectorBits() : 0;
            if (!valid || samples.isEmpty()) {
                return new BenchResult(kernel.algorithm(), kernel.impl(), n, threads, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, error, 0, bits, valid, valid ? "" : "failed the fp64 check: not timed");
            }
            double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
            double median = BandwidthProbe.median(s);
            double min = Arrays.stream(s).min().orElse(median);
            double max = Arrays.stream(s).max().orElse(median);
            double gbps = kernel.algorithm().minBytesPerElement(4) / median;
            return new BenchResult(kernel.algorithm(), kernel.impl(), n, threads, median, min, max, gbps, error,
                    s.length, bits, true, "");
        }
    }
}
