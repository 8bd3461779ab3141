package lab.softmax.engine.kernels;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The extra threads a benchmark of several threads needs: {@code threads − 1} daemon workers (the
 * caller's thread is the first), none for one thread. Whoever opens it closes it, so no thread
 * outlives the benchmark. Used by the {@code bench} command and the Kernels view alike.
 */
public final class BenchPool implements AutoCloseable {
    private final ExecutorService pool;

    private BenchPool(ExecutorService pool) { this.pool = pool; }

    public static BenchPool forThreads(int threads, String threadName) {
        if (threads <= 1) return new BenchPool(null);
        return new BenchPool(Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }));
    }

    /** The executor for {@link KernelBench}; null when the benchmark runs on one thread. */
    public Executor executor() { return pool; }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
