package lab.softmax.engine.kernels;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import lab.softmax.engine.task.Cancellation;

/**
 * A STREAM-like single-thread memory-bandwidth probe in Java, for the roofline: read (a max
 * reduction, Vector API when available), copy (b = a) and triad (a = b + s·c), counted the STREAM
 * way (no write-allocate), median of the repetitions, timed with thread CPU time.
 */
public final class BandwidthProbe {
    /** Median GB/s of each kernel. */
    public record Result(int n, double readGbps, double copyGbps, double triadGbps) { }

    private BandwidthProbe() { }

    public static Result measure(int n, int repetitions, Cancellation cancellation) {
        if (n < 1 || repetitions < 1) throw new IllegalArgumentException("n and repetitions must be >= 1");
        float[] a = new float[n];
        float[] b = new float[n];
        float[] c = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i & 1023;
            b[i] = 1;
            c[i] = 2;
        }
        SoftmaxKernel reader = Kernels.create(Algorithm.THREE_PASS_RECOMPUTE, Impl.VECTOR);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] read = new double[repetitions];
        double[] copy = new double[repetitions];
        double[] triad = new double[repetitions];
        float sink = 0;
        for (long done = 0; done < 16_000_000 || done < 3L * n; done += n) { // warm-up: let C2 compile the loops
            cancellation.throwIfCancelled();
            sink += reader.max(a, 0, n);
            triad(a, b, c, 0.5f);
            System.arraycopy(a, 0, b, 0, n);
        }
        for (int r = 0; r < repetitions; r++) {
            cancellation.throwIfCancelled();
            long t0 = mx.getCurrentThreadCpuTime();
            sink += reader.max(a, 0, n);
            long t1 = mx.getCurrentThreadCpuTime();
            System.arraycopy(a, 0, b, 0, n);
            long t2 = mx.getCurrentThreadCpuTime();
            triad(a, b, c, 0.5f);
            long t3 = mx.getCurrentThreadCpuTime();
            read[r] = 4.0 * n / Math.max(1, t1 - t0);
            copy[r] = 8.0 * n / Math.max(1, t2 - t1);
            triad[r] = 12.0 * n / Math.max(1, t3 - t2);
        }
        if (sink == 42.4242f) System.out.print(""); // keeps the read from being optimised away
        return new Result(n, median(read), median(copy), median(triad));
    }

    private static void triad(float[] a, float[] b, float[] c, float s) {
        for (int i = 0; i < a.length; i++) a[i] = b[i] + s * c[i];
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
