package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParallelAndTwoPassTest {
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() { pool = Executors.newFixedThreadPool(3); }

    @AfterAll
    static void stopPool() { pool.shutdownNow(); }

    @Test
    void multiThreadedEqualsSingleThreadedWithinRounding() {
        int n = 200_003;
        for (KernelInputs inputs : new KernelInputs[] {KernelInputs.OUTLIERS, KernelInputs.MASKED, KernelInputs.SPREAD_1E4}) {
            float[] x = inputs.make(n, 11);
            for (SoftmaxKernel k : Kernels.all()) {
                float[] single = new float[n];
                float[] multi = new float[n];
                double lse1 = k.softmax(x, single);
                double lse4 = new ParallelSoftmax(k, pool, 4).softmax(x, multi, 0, n);
                assertEquals(lse1, lse4, 1e-9 * Math.max(1, Math.abs(lse1)), k.algorithm() + "/" + k.impl());
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    if (single[i] >= Fp64Reference.RELATIVE_FLOOR) {
                        worst = Math.max(worst, Math.abs(multi[i] - single[i]) / single[i]);
                    } else {
                        assertTrue(Math.abs(multi[i] - single[i]) <= 0x1p-124);
                    }
                }
                // Only the sum's rounding differs: a few fp32 ulps at most.
                assertTrue(worst <= 4e-7, k.algorithm() + "/" + k.impl() + " " + inputs + ": " + worst);
                assertTrue(Fp64Reference.maxRelativeError(x, multi, 0, n) <= KernelAccuracyTest.tolerance(n));
            }
        }
    }

    @Test
    void parallelOnTinyRowsFallsBackToOneChunk() {
        float[] x = {1, 2, 3};
        for (SoftmaxKernel k : Kernels.all()) {
            float[] y = new float[3];
            new ParallelSoftmax(k, pool, 2).softmax(x, y, 0, 3);
            assertTrue(Fp64Reference.maxRelativeError(x, y, 0, 3) <= 1e-6);
        }
    }

    @Test
    void twoPassReductionNeverOverflowsOrUnderflowsForLogitsUpTo1e30() {
        for (Impl impl : Impl.values()) {
            SoftmaxKernel k = Kernels.create(Algorithm.TWO_PASS, impl);
            for (int n : KernelAccuracyTest.SIZES) {
                float[] x = KernelInputs.HUGE_1E30.make(n, 13);
                ExtendedSum s = (ExtendedSum) k.reduce(x, null, 0, n, Float.NaN);
                assertTrue(Double.isFinite(s.mantissa()) && Double.isFinite(s.exponent()), impl + " n=" + n + ": " + s);
                // The largest term is p·2^E with p ∈ [0.7, 1.42]; the rest add at most (n − 1)·1.42.
                assertTrue(s.mantissa() >= 0.7 && s.mantissa() <= 1.42 * n, impl + " n=" + n + ": " + s);
                // And log-sum-exp is the max logit (every other term is smaller by ~1e22 in the exponent).
                float max = Float.NEGATIVE_INFINITY;
                for (float v : x) max = Math.max(max, v);
                assertEquals(max, s.logSumExp(), Math.abs(max) * 1e-6);
            }
            // Also when every logit is tiny: pass 1 must not underflow to 0.
            float[] tiny = KernelInputs.HUGE_1E30.make(4097, 17);
            for (int i = 0; i < tiny.length; i++) tiny[i] = -Math.abs(tiny[i]);
            ExtendedSum s = (ExtendedSum) k.reduce(tiny, null, 0, tiny.length, Float.NaN);
            assertTrue(s.mantissa() >= 0.7 && Double.isFinite(s.exponent()), impl + ": " + s);
        }
    }

    @Test
    void twoPassOnLogitsBelowMinus2To127StaysFiniteAndMasksStayZero() {
        // Documented limit: finite logits below −2^127 count as −2^127 (their exps are 0 in any format anyway).
        float[] x = new float[100];
        java.util.Arrays.fill(x, -3e38f);
        x[7] = Float.NEGATIVE_INFINITY;
        x[50] = -2.5e38f;
        for (Impl impl : Impl.values()) {
            float[] y = new float[x.length];
            Kernels.create(Algorithm.TWO_PASS, impl).softmax(x, y);
            double sum = 0;
            for (float v : y) {
                assertTrue(Float.isFinite(v));
                sum += v;
            }
            assertEquals(0f, y[7]);
            assertEquals(1.0, sum, 1e-5, impl.id());
        }
    }

    @Test
    void extendedSumsCombineExactlyByPowersOfTwo() {
        ExtendedSum a = new ExtendedSum(100, 1.25);
        ExtendedSum b = new ExtendedSum(98, 1.5);
        ExtendedSum c = a.combine(b);
        assertEquals(100, c.exponent());
        assertEquals(1.25 + 1.5 / 4, c.mantissa(), 0);
        assertEquals(c, b.combine(a));
        assertEquals(a, a.combine(ExtendedSum.EMPTY));
    }
}
