package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every normaliser in float64 against the 45-digit BigDecimal reference, over awkward sizes,
 * outliers, +-1e4 logits, -Infinity masks and temperatures.
 */
class NormalizerFp64ReferenceTest {
    private static final double U = 0x1p-53;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (NormalizerKind kind : NormalizerKind.values()) {
            for (int n : TestLogits.SIZES) {
                long seed = 1000L * n + kind.ordinal();
                all.add(Arguments.of(kind, "gaussian n=" + n, TestLogits.gaussian(n, 2.0, seed), 1.0));
                all.add(Arguments.of(kind, "outliers n=" + n, TestLogits.outliers(n, seed), 1.0));
                all.add(Arguments.of(kind, "extreme n=" + n, TestLogits.extreme(n, seed), 1.0));
                all.add(Arguments.of(kind, "masked n=" + n, TestLogits.masked(n, seed), 1.0));
                if (n <= 1000) {
                    all.add(Arguments.of(kind, "gaussian T=0.01 n=" + n, TestLogits.gaussian(n, 2.0, seed + 1), 0.01));
                    all.add(Arguments.of(kind, "gaussian T=0.37 n=" + n, TestLogits.gaussian(n, 2.0, seed + 2), 0.37));
                    all.add(Arguments.of(kind, "outliers T=100 n=" + n, TestLogits.outliers(n, seed + 3), 100.0));
                    all.add(Arguments.of(kind, "masked T=3 n=" + n, TestLogits.masked(n, seed + 4), 3.0));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} T={3}")
    @MethodSource("cases")
    void matchesBigDecimalReference(NormalizerKind kind, String shape, double[] z, double temperature) {
        NormalizationResult r = Normalization.run(z, temperature, kind, Precision.FP64, true);
        double[] p = r.probabilities();
        double[] ref = BigReference.of(kind, z, temperature);
        assertEquals(z.length, p.length);

        double x = TestLogits.maxAbsFinite(z) / temperature;
        int n = z.length;
        for (int i = 0; i < n; i++) {
            String at = kind + " " + shape + " n=" + n + " T=" + temperature + " [" + i + "] z=" + z[i];
            if (z[i] == Double.NEGATIVE_INFINITY) {
                assertEquals(0.0, p[i], "masked entry must be exactly 0: " + at);
                continue;
            }
            double err = Math.abs(p[i] - ref[i]);
            double tol = switch (kind) {
                // Relative: input rounding u|x| (twice, x_i and the max), exp, n-term sum, division.
                case SOFTMAX, STABLEMAX, SOFTPLUS -> 4 * U * (3 * x + n + 4) * ref[i] + Double.MIN_NORMAL;
                // Absolute, to 1e-12 (as bisection on tau to 1e-12 would give) plus the rounding of x = z/T.
                case SPARSEMAX, ENTMAX15 -> 1e-12 + 4 * U * x;
            };
            if (!(err <= tol)) fail("p=" + p[i] + " reference=" + ref[i] + " error " + err + " > " + tol + " at " + at);
            if (kind == NormalizerKind.SPARSEMAX || kind == NormalizerKind.ENTMAX15) {
                if (ref[i] == 0) assertEquals(0.0, p[i], "outside the support must be exactly 0: " + at);
                if (ref[i] > 1e-9) assertTrue(p[i] > 0, "inside the support must be > 0: " + at);
            }
        }
        double sum = Arrays.stream(p).sum();
        assertEquals(1.0, sum, 1e-12, "sum " + kind + " " + shape + " n=" + n);
        // In fp64 the lab's reference is the result itself, so r.underflowCount() is 0 by definition; the
        // independent check is against the BigDecimal reference: no entry it gives mass may come out 0.
        int underflows = 0;
        for (int i = 0; i < n; i++) if (p[i] == 0 && ref[i] > 0) underflows++;
        assertEquals(0, underflows, "entries > 0 in the 45-digit reference that came out exactly 0");
        assertEquals(0, r.nanCount());
        assertEquals(0, r.overflowCount());
        assertReadOuts(r, ref, z, temperature);
    }

    /** Entropy and top-k mass from the reference probabilities; log-sum-exp (same for every kind) once, with softmax. */
    private static void assertReadOuts(NormalizationResult r, double[] ref, double[] z, double temperature) {
        double h = 0;
        for (double v : ref) if (v > 0) h -= v * Math.log(v);
        assertEquals(h, r.entropyNats(), 1e-10 * Math.max(1, h), "entropy");
        double[] sorted = ref.clone();
        Arrays.sort(sorted);
        for (int k : new int[] {1, 2, 5}) {
            double mass = 0;
            for (int j = 0; j < Math.min(k, sorted.length); j++) mass += sorted[sorted.length - 1 - j];
            assertEquals(mass, r.topKMass(k), 1e-11, "top-" + k + " mass");
        }
        if (r.kind() == NormalizerKind.SOFTMAX) {
            double lse = BigReference.logSumExp(z, temperature);
            assertEquals(lse, r.logSumExp(), 1e-14 * Math.max(1, Math.abs(lse)) * (z.length + 4), "log-sum-exp");
        }
    }
}
