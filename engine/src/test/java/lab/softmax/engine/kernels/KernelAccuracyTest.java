package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every algorithm × impl × size against the float64 reference (never against another kernel). */
class KernelAccuracyTest {
    static final int[] SIZES = {1, 3, 7, 15, 16, 17, 31, 64, 207, 1000, 4097, 65537};

    /**
     * fp32 exps are good to ~2 ulp; a sum of N positive terms in fp32 lanes (folded into double
     * every 2048 elements) adds at most ~log2(N)·u in practice. A kernel that rounded x − max to fp32
     * (≈2e-6 at |x − max| ≈ 60) or summed naively in fp32 would exceed this for the larger N.
     */
    static double tolerance(int n) {
        return 5e-7 + 5e-8 * (Math.log(n) / Math.log(2));
    }

    static List<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (SoftmaxKernel k : Kernels.all()) {
            for (KernelInputs in : KernelInputs.values()) list.add(Arguments.of(k.algorithm(), k.impl(), in));
        }
        return list;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesFloat64ReferenceAtEverySize(Algorithm algorithm, Impl impl, KernelInputs inputs) {
        SoftmaxKernel kernel = Kernels.create(algorithm, impl);
        for (int n : SIZES) {
            float[] x = inputs.make(n, 7);
            float[] y = new float[n];
            double lse = kernel.softmax(x, y);
            double err = Fp64Reference.maxRelativeError(x, y, 0, n);
            assertTrue(err <= tolerance(n), () -> kernel.algorithm() + "/" + kernel.impl() + " " + inputs + " n=" + n
                    + ": max relative error " + err + " > " + tolerance(n));
            double refLse = Fp64Reference.logSumExp(x, 0, n);
            assertEquals(refLse, lse, 1e-6 * Math.max(1, Math.abs(refLse)), "log-sum-exp n=" + n);
            double sum = 0;
            for (float v : y) sum += v;
            assertEquals(1.0, sum, 1e-5, "sum of probabilities n=" + n);
        }
    }

    @Test
    void vectorKernelsAreUsedWhenTheModuleIsPresent() {
        // Surefire runs with --add-modules jdk.incubator.vector: the vector kernels must not silently fall back.
        assertTrue(VectorSupport.available(), "Vector API expected in tests");
        assertEquals(Impl.VECTOR, Kernels.create(Algorithm.TWO_PASS, Impl.VECTOR).impl());
    }

    @Test
    void maskedEntriesAreExactlyZero() {
        float[] x = {Float.NEGATIVE_INFINITY, 1f, Float.NEGATIVE_INFINITY, 2f, Float.NEGATIVE_INFINITY};
        for (SoftmaxKernel k : Kernels.all()) {
            float[] y = new float[x.length];
            k.softmax(x, y);
            assertEquals(0f, y[0], k.toString());
            assertEquals(0f, y[2]);
            assertEquals(0f, y[4]);
            assertEquals(1 / (1 + Math.E), y[3 - 2], 1e-6);
        }
    }

    @Test
    void rowsAreIndependentSoftmaxes() {
        int rows = 5;
        int len = 37;
        float[] x = KernelInputs.OUTLIERS.make(rows * len, 3);
        for (int r = 0; r < rows; r++) x[r * len] += 10 * r; // rows on different scales
        for (SoftmaxKernel k : Kernels.all()) {
            float[] y = new float[x.length];
            double[] lse = k.softmaxRows(x, y, len);
            for (int r = 0; r < rows; r++) {
                assertTrue(Fp64Reference.maxRelativeError(x, y, r * len, (r + 1) * len) <= tolerance(len));
                assertEquals(Fp64Reference.logSumExp(x, r * len, (r + 1) * len), lse[r], 1e-6 * (1 + Math.abs(lse[r])));
            }
        }
    }

    @Test
    void inPlaceOutputWorks() {
        for (SoftmaxKernel k : Kernels.all()) {
            float[] x = KernelInputs.OUTLIERS.make(1000, 5);
            float[] original = x.clone();
            k.softmax(x, x);
            assertTrue(Fp64Reference.maxRelativeError(original, x, 0, x.length) <= tolerance(1000), k.toString());
        }
    }
}
