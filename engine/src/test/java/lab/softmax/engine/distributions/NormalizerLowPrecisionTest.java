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
        int support = 0;
        for (double v : ref) if (v > 0) support++;
        for (int i = 0; i < n; i++) {
            String at = kind + " " + precision + " " + shape + " [" + i + "] z=" + z[i];
            assertTrue(IndependentRounding.representable(p[i], precision), "not a " + precision + " value: " + p[i] + " at " + at);
            assertTrue(p[i] >= 0 && Double.isFinite(p[i]), at);
            double err = Math.abs(p[i] - ref[i]);
            double tol = switch (kind) {
                // relative: input and scaled-logit rounding, the shift, exp, the n-term sum, the division
                case SOFTMAX, STABLEMAX, SOFTPLUS -> 2 * u * (3 * x + n + 6) * ref[i] + precision.minNormal();
                case SPARSEMAX, ENTMAX15 -> 4 * u * (x + 2) * (support + 3);
            };
            if (!(err <= tol)) fail("p=" + p[i] + " reference=" + ref[i] + " error " + err + " > " + tol + " at " + at);
            if (z[i] == Double.NEGATIVE_INFINITY) assertEquals(0.0, p[i], "masked: " + at);
        }
        double sum = 0;
        for (double v : p) sum += v;
        double sumTol = kind == NormalizerKind.SPARSEMAX || kind == NormalizerKind.ENTMAX15
                ? 4 * u * (x + 2) * (support + 3) * support : 2 * u * (3 * x + n + 6);
        assertEquals(1.0, sum, sumTol, "sum");
        assertEquals(0, r.nanCount());
        // Reference zeros (masked, outside a sparse support) are exact zeros, never underflow.
        for (int i = 0; i < n; i++) {
            if (ref[i] == 0) assertEquals(0.0, p[i], "exact zero expected at " + i);
        }
        int expectedUnderflow = 0;
        for (int i = 0; i < n; i++) if (p[i] == 0 && r.reference()[i] > 0) expectedUnderflow++;
        assertEquals(expectedUnderflow, r.underflowCount());
        assertFalse(r.underflowCount() > 0 && precision == Precision.FP32 && kind == NormalizerKind.SOFTMAX && x < 50,
                "fp32 softmax of logits within 50 of each other cannot underflow");
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
