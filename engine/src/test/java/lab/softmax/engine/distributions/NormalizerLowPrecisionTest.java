package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.engine.numeric.IndependentRounding;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fp32, fp16 and bf16 against the BigDecimal reference within error bounds of the format's
 * unit roundoff; every output a value of the format; exact zeros where the reference has them.
 */
class NormalizerLowPrecisionTest {

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (NormalizerKind kind : NormalizerKind.values()) {
            for (int n : TestLogits.SIZES) {
                // The same vectors as the fp64 test, so the (costly) references are shared.
                long seed = 1000L * n + kind.ordinal();
                double[] gaussian = TestLogits.gaussian(n, 2.0, seed);
                double[] masked = TestLogits.masked(n, seed);
                for (Precision p : new Precision[] {Precision.FP32, Precision.FP16, Precision.BF16}) {
                    if (p != Precision.FP32 && n > 17) continue;
                    all.add(Arguments.of(kind, p, "gaussian n=" + n, gaussian, 1.0));
                    all.add(Arguments.of(kind, p, "masked n=" + n, masked, 1.0));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} T={4}")
    @MethodSource("cases")
    void withinRoundoffBoundsOfReference(NormalizerKind kind, Precision precision, String shape, double[] z, double temperature) {
        NormalizationResult r = Normalization.run(z, temperature, kind, precision, true);
        double[] p = r.probabilities();
        double[] ref = BigReference.of(kind, z, temperature);
        double u = precision.unitRoundoff();
        double x = TestLogits.maxAbsFinite(z) / temperature;
        int n = z.length;
        for (int i = 0; i < n; i++) {
            String at = kind + " " + precision + " " + shape + " [" + i + "] z=" + z[i];
            assertTrue(IndependentRounding.representable(p[i], precision), "not a " + precision + " value: " + p[i] + " at " + at);
            assertTrue(p[i] >= 0 && Double.isFinite(p[i]), at);
            double err = Math.abs(p[i] - ref[i]);
            double tol = switch (kind) {
                // relative: input and scaled-logit rounding, the shift, exp, the n-term sum, the division
                case SOFTMAX, STABLEMAX, SOFTPLUS -> 2 * u * (3 * x + n + 6) * ref[i] + precision.minNormal();
                case SPARSEMAX, ENTMAX15 -> SparseRoundingBound.of(kind, z, temperature, ref, u, i);
            };
            if (!(err <= tol)) fail("p=" + p[i] + " reference=" + ref[i] + " error " + err + " > " + tol + " at " + at);
            if (z[i] == Double.NEGATIVE_INFINITY) assertEquals(0.0, p[i], "masked: " + at);
        }
        double sum = 0;
        for (double v : p) sum += v;
        double sumTol = 2 * u * (3 * x + n + 6);
        if (kind == NormalizerKind.SPARSEMAX || kind == NormalizerKind.ENTMAX15) {
            sumTol = 0;
            for (int i = 0; i < n; i++) sumTol += SparseRoundingBound.of(kind, z, temperature, ref, u, i);
        }
        assertEquals(1.0, sum, sumTol, "sum");
        assertEquals(0, r.nanCount());
        // Reference zeros (masked, outside a sparse support) are exact zeros, never underflow.
        for (int i = 0; i < n; i++) {
            if (ref[i] == 0) assertEquals(0.0, p[i], "exact zero expected at " + i);
        }
        // Underflow as the lab counts it, recounted against the BigDecimal reference (not the lab's own fp64 one).
        int expectedUnderflow = 0;
        for (int i = 0; i < n; i++) if (p[i] == 0 && ref[i] > 0) expectedUnderflow++;
        assertEquals(expectedUnderflow, r.underflowCount());
        assertFalse(r.underflowCount() > 0 && precision == Precision.FP32 && kind == NormalizerKind.SOFTMAX && x < 50,
                "fp32 softmax of logits within 50 of each other cannot underflow");
    }

    /**
     * Softmax of {0, -5, -20, -120, -800} at T = 1 in closed form: p_i = e^(z_i) / sum, sum = 1 + e^-5 + ...
     * e^-20 / sum = 2.1e-9 is below fp16's smallest subnormal (2^-24 = 6e-8); e^-120 / sum = 7.7e-53 is below
     * fp32's and bf16's (1.4e-45, 9.2e-41) but a normal float64; e^-800 is 0 in float64 too (an exact zero,
     * not an underflow). So the lab must count 2, 1, 1 and 0 underflows.
     */
    @org.junit.jupiter.api.Test
    void underflowIsCountedWhereTheClosedFormIsInsideFloat64ButBelowTheFormat() {
        double[] z = {0, -5, -20, -120, -800};
        double sum = 1 + Math.exp(-5) + Math.exp(-20) + Math.exp(-120);
        java.util.Map<Precision, Integer> expected = java.util.Map.of(Precision.FP16, 2, Precision.BF16, 1, Precision.FP32, 1, Precision.FP64, 0);
        for (Precision precision : Precision.values()) {
            NormalizationResult r = Normalization.run(z, 1.0, NormalizerKind.SOFTMAX, precision, true);
            double[] p = r.probabilities();
            assertEquals(1 / sum, p[0], 2 * precision.unitRoundoff(), precision + " top entry");
            assertTrue(p[1] > 0 && p[3] == (precision == Precision.FP64 ? p[3] : 0), precision + " " + java.util.Arrays.toString(p));
            assertEquals(Math.exp(-120) / sum, r.reference()[3], 1e-12 * Math.exp(-120), "float64 reference of e^-120");
            assertEquals(0.0, p[4], "e^-800 is 0 in every format");
            assertEquals(expected.get(precision), r.underflowCount(), precision + " " + java.util.Arrays.toString(p));
            assertEquals(1, r.exactZeroCount(), precision + ": e^-800 is an exact zero, not an underflow");
        }
    }

    static Stream<Arguments> largeHalfPrecisionCases() {
        List<Arguments> all = new ArrayList<>();
        for (NormalizerKind kind : NormalizerKind.values()) {
            for (int n : new int[] {1000, 4097}) {
                long seed = 1000L * n + kind.ordinal();
                for (Precision p : new Precision[] {Precision.FP16, Precision.BF16}) {
                    all.add(Arguments.of(kind, p, "masked n=" + n, TestLogits.masked(n, seed)));
                }
            }
        }
        return all.stream();
    }

    /**
     * Long vectors in fp16/bf16: the running sum absorbs small terms, so no tight error bound
     * holds; what must hold is that every output is a non-negative value of the format, masked
     * and outside-the-support entries are exact zeros, and absorption is counted when it happens.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("largeHalfPrecisionCases")
    void longVectorsStayInTheFormat(NormalizerKind kind, Precision precision, String shape, double[] z) {
        NormalizationResult r = Normalization.run(z, 1.0, kind, precision, true);
        double[] p = r.probabilities();
        double[] ref = BigReference.of(kind, z, 1.0);
        for (int i = 0; i < p.length; i++) {
            assertTrue(p[i] >= 0 && Double.isFinite(p[i]), kind + " " + precision + " [" + i + "] = " + p[i]);
            assertTrue(IndependentRounding.representable(p[i], precision), "not a " + precision + " value: " + p[i]);
            if (ref[i] == 0) assertEquals(0.0, p[i], "exact zero at " + i);
        }
        if (kind == NormalizerKind.SOFTMAX || kind == NormalizerKind.STABLEMAX || kind == NormalizerKind.SOFTPLUS) {
            assertTrue(r.absorbedCount() > 0, "a sum of ~" + p.length + " terms in " + precision + " absorbs some of them");
        }
    }
}
