package lab.softmax.engine.collapse;

import java.util.stream.IntStream;

/** Contiguous row ranges on the ForkJoin common pool, joined before return. */
final class Rows {
    interface Body {
        void run(int part, int from, int to);
    }

    private Rows() { }

    static void forEach(int n, int threads, Body body) {
        int parts = Math.max(1, Math.min(threads, n));
        if (parts == 1) {
            body.run(0, 0, n);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(p -> body.run(p, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)));
    }
}
