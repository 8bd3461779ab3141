package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Logits where fp32 x·log2 e is no longer an exact integer exponent (|x| ≥ 3e6) up to ±1e30. */
class TwoPassHugeLogitTest {
    /** fp64 softmax relative to the row max: x_i − m is exact in double wherever the weight is not 0. */
    private static double[] reference(float[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : x) m = Math.max(m, v);
        double sum = 0;
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            w[i] = Math.exp((double) x[i] - m);
            sum += w[i];
        }
        for (int i = 0; i < x.length; i++) w[i] /= sum;
        return w;
    }

    private static void check(float[] x, String label) { check(x, label, 1); }

    private static void check(float[] x, String label, int threads) {
        double[] ref = reference(x);
        for (Impl impl : Impl.values()) {
            SoftmaxKernel k = Kernels.create(Algorithm.TWO_PASS, impl);
            float[] y = new float[x.length];
            if (threads == 1) {
                k.softmax(x, y);
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    new ParallelSoftmax(k, pool, threads).softmax(x, y, 0, x.length);
                } finally {
                    pool.shutdownNow();
                }
            }
            // The accuracy tests' bound (fp32 exps and a log-depth sum: 5.6e-7 at n = 3, measured at most 3.3e-7 here);
            // below fp32's normal range only an absolute error counts (a flushed subnormal is not wrong).
            double relative = KernelAccuracyTest.tolerance(x.length);
            for (int i = 0; i < x.length; i++) {
                boolean normal = ref[i] >= Fp64Reference.RELATIVE_FLOOR;
                double err = normal ? Math.abs(y[i] - ref[i]) / ref[i] : Math.abs(y[i] - ref[i]);
                assertTrue(err <= (normal ? relative : 0x1p-124), label + " " + impl + " n=" + x.length + " i=" + i
                        + " x=" + x[i] + " y=" + y[i] + " ref=" + ref[i] + " error " + err);
            }
        }
    }

    @Test
    void quarterSpacedLogitsNear3e6() {
        check(new float[] {3e6f, 3e6f - 0.25f, 3e6f - 0.5f}, "3e6");
        check(new float[] {-3e6f, -3e6f - 0.25f, -3e6f - 0.5f}, "-3e6");
    }

    @Test
    void rowsBetween3e6And1e8AndNear1e30() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] centres = {3e6, -3e6, 1.7e7, -4.2e7, 1e8, -1e8, 1e30, -1e30, 3e38, -3e38};
        for (int n : new int[] {1, 3, 7, 17, 31, 207, 1000, 4097}) {
            for (double c : centres) {
                float[] x = new float[n];
                float ulp = Math.ulp((float) c);
                for (int i = 0; i < n; i++) x[i] = (float) c + ulp * rnd.nextInt(-12, 13);
                check(x, "centre " + c);
                // The same row with moderate logits mixed in: the huge ones dominate or vanish exactly.
                for (int i = 0; i < n; i += 5) x[i] = (float) rnd.nextDouble(-50, 50);
                check(x, "mixed " + c);
            }
        }
    }

    @Test
    void multiThreadedChunksCombineExactExponents() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 100_003;
        for (double c : new double[] {3e6, -5e7, 1e30}) {
            float[] x = new float[n];
            float ulp = Math.ulp((float) c);
            for (int i = 0; i < n; i++) x[i] = (float) c + ulp * rnd.nextInt(-40, 1);
            x[n - 7] = (float) c + ulp * 3;
            check(x, "parallel " + c, 3);
        }
    }

    @Test
    void accuracyReadOutStaysExactForHugeLogits() {
        // m + log Σ rounds to m at 3.3e38; the read-out must not call an exact answer 50 % wrong.
        float[] x = {3.3e38f, 3.3e38f, -1e30f};
        assertTrue(Fp64Reference.maxRelativeError(x, new float[] {0.5f, 0.5f, 0f}, 0, 3) <= 1e-7);
        assertTrue(Fp64Reference.maxRelativeError(x, new float[] {1f, 0f, 0f}, 0, 3) >= 0.5);
    }
}
