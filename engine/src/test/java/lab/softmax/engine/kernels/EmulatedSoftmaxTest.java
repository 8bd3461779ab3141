package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import lab.softmax.engine.distributions.BigReference;
import lab.softmax.engine.distributions.Normalization;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.numeric.IndependentRounding;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code softmax --precision}: the four algorithms step by step in fp16, bf16, fp32 and fp64, at awkward
 * sizes, against the Distributions lab's references: its 45-digit BigDecimal softmax within a rounding
 * bound for every algorithm, and its own emulated softmax bit for bit for the three-pass recompute,
 * which performs the same operations in the same order (round(exp(round(x - max))), a left-to-right
 * sum, one division per entry).
 */
class EmulatedSoftmaxTest {
    private static final int[] SIZES = {1, 2, 3, 7, 16, 17, 100, 1000};

    /** Gaussian logits (sigma 2), every fourth masked for the "masked" shape, rounded to the precision. */
    private static double[] logits(int n, boolean masked, Precision p, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = p.round(2 * rnd.nextGaussian());
        if (masked) {
            for (int i = 1; i < n; i += 4) x[i] = Double.NEGATIVE_INFINITY;
        }
        return x;
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Precision p : Precision.values()) {
            for (Algorithm a : Algorithm.values()) {
                for (int n : SIZES) {
                    for (boolean masked : new boolean[] {false, true}) all.add(Arguments.of(p, a, n, masked));
                }
            }
        }
        return all.stream();
    }

    /**
     * Per entry, relative to the exact value: the subtraction x - m (u |x - m|), or for the two-pass
     * algorithm x - n ln 2 (u |x|); the exp (u); for the online algorithm each rescale of the running sum
     * when the running max grows (u (1 + |Δmax|), at most u (new maxima + range) over the pass); the sum, which loses at most u times each
     * partial sum (Higham, Accuracy and Stability, (4.4)): u Σ_k P_k / S relative, P_k the exact partial
     * sums in index order (about n u / 2 for similar terms); the division or the multiplication by the
     * rounded inverse (2u). Doubled for the second-order terms; below that the format's subnormal spacing.
     */
    @ParameterizedTest(name = "{0} {1} n={2} masked={3}")
    @MethodSource("cases")
    void withinRoundingBoundsOfTheBigDecimalReference(Precision p, Algorithm a, int n, boolean masked) {
        double[] x = logits(n, masked, p, 100L * n + a.ordinal());
        EmulatedSoftmax.Result r = EmulatedSoftmax.run(a, p, x);
        double[] y = r.probabilities();
        double[] exact = BigReference.softmax(x, 1.0);
        double u = p.unitRoundoff();
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : x) {
            if (v == Double.NEGATIVE_INFINITY) continue;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double range = max - min;
        double partials = 0;
        double running = 0;
        int newMaxima = 0;
        double runningMax = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (v == Double.NEGATIVE_INFINITY) continue;
            running += Math.exp(v - max);
            partials += running;
            if (v > runningMax) {
                newMaxima++;
                runningMax = v;
            }
        }
        double sumError = partials / running;
        double rescales = a == Algorithm.ONLINE ? newMaxima + range : 0;
        for (int i = 0; i < n; i++) {
            String at = p + " " + a + " n=" + n + " [" + i + "] x=" + x[i] + " y=" + y[i] + " exact=" + exact[i];
            assertTrue(IndependentRounding.representable(y[i], p), "not a " + p + " value: " + at);
            if (x[i] == Double.NEGATIVE_INFINITY) {
                assertEquals(0.0, y[i], "masked: " + at);
                continue;
            }
            double reduction = a == Algorithm.TWO_PASS ? Math.abs(x[i]) : max - x[i];
            double tol = 2 * u * (reduction + rescales + sumError + 4) * exact[i] + 2 * p.minSubnormal();
            if (!(Math.abs(y[i] - exact[i]) <= tol)) fail("error " + Math.abs(y[i] - exact[i]) + " > " + tol + " at " + at);
        }
        double lse = BigReference.logSumExp(x, 1.0);
        assertEquals(lse, r.logSumExp(), 2 * u * (rescales + sumError + 4) + 1e-15 * Math.abs(lse), "ln Σ exp(x)");
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void threePassRecomputeIsTheDistributionsLabsSoftmaxBitForBit(Precision p) {
        for (int n : SIZES) {
            for (boolean masked : new boolean[] {false, true}) {
                double[] x = logits(n, masked, p, 7L * n);
                double[] distributions = Normalization.run(x, 1.0, NormalizerKind.SOFTMAX, p, true).probabilities();
                double[] emulated = EmulatedSoftmax.run(Algorithm.THREE_PASS_RECOMPUTE, p, x).probabilities();
                assertArrayEquals(distributions, emulated, 0.0, p + " n=" + n + " masked=" + masked);
            }
        }
    }
}
