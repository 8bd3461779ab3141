package lab.softmax.engine.nn;

import java.util.stream.IntStream;

/** Splits [0, n) into contiguous ranges run on the ForkJoin common pool and joined before return. */
final class Parallel {
    interface Range {
        void run(int from, int to);
    }

    private Parallel() { }

    static void forRange(int n, int threads, Range body) {
        int parts = Math.max(1, Math.min(threads, n));
        if (parts == 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(p -> body.run((int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)));
    }
}
