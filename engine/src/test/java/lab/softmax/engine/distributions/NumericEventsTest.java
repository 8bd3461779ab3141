package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Overflow without the max shift, absorption of small terms, and underflow that is counted as such. */
class NumericEventsTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Test
    void fp32SoftmaxWithoutMaxShiftOverflowsAbove88point7() {
        double[] z = {89.0, 0.0, 1.0};
        NormalizationResult r = Normalization.run(z, 1, NormalizerKind.SOFTMAX, Precision.FP32, false);
        assertTrue(r.overflowCount() > 0, "e^89 > 3.4e38 must overflow in fp32");
        assertTrue(Double.isNaN(r.probabilities()[0]), "Infinity / Infinity");
        assertEquals(1, r.nanCount());
        assertEquals(0.0, r.probabilities()[1]);
        assertEquals(0.0, r.probabilities()[2]);
        assertEquals(2, r.underflowCount(), "finite / Infinity = 0 where the true value is > 0: flagged");
        assertTrue(Double.isNaN(r.entropyNats()));

        NormalizationResult shifted = Normalization.run(z, 1, NormalizerKind.SOFTMAX, Precision.FP32, true);
        assertEquals(0, shifted.overflowCount());
        assertEquals(0, shifted.nanCount());
        double[] ref = BigReference.softmax(z, 1);
        for (int i = 0; i < z.length; i++) assertEquals(ref[i], shifted.probabilities()[i], 1e-6 * ref[i]);

        NormalizationResult below = Normalization.run(new double[] {88.5, 0}, 1, NormalizerKind.SOFTMAX, Precision.FP32, false);
        assertEquals(0, below.overflowCount(), "e^88.5 < 3.4e38");
        assertEquals(1.0, below.probabilities()[0]);
    }

    @ParameterizedTest(name = "{0}: overflow above {1}")
    @CsvSource({"fp64, 709.5, 710.0", "fp32, 88.5, 88.8", "fp16, 11.0, 11.1", "bf16, 88.0, 89.0"})
    void overflowThresholdsWithoutMaxShift(String precision, double fits, double overflows) {
        Precision p = Precision.parse(precision);
        assertEquals(0, Normalization.run(new double[] {fits, 0}, 1, NormalizerKind.SOFTMAX, p, false).overflowCount());
        NormalizationResult r = Normalization.run(new double[] {overflows, 0}, 1, NormalizerKind.SOFTMAX, p, false);
        assertEquals(1, r.overflowCount());
        assertEquals(1, r.nanCount());
        NormalizationResult viaTemperature = Normalization.run(new double[] {overflows / 4, 0}, 0.25, NormalizerKind.SOFTMAX, p, false);
        assertEquals(1, viaTemperature.overflowCount(), "z/T crosses the threshold at T = 1/4");
    }

    /**
     * 1 + e^-gap == 1 once e^-gap < u = 2^-p, i.e. gap > p ln 2: 7.62 (fp16), 5.55 (bf16),
     * 16.6 (fp32), 36.7 (fp64). Beyond it the computed sum is exactly 1 and the top entry exactly 1.
     */
    @ParameterizedTest(name = "{0}: absorbed beyond {1} < gap < {2}")
    @CsvSource({"fp16, 7.0, 8.0", "bf16, 5.0, 6.0", "fp32, 16.0, 17.5", "fp64, 36.0, 37.5"})
    void absorptionGap(String precision, double kept, double absorbed) {
        Precision p = Precision.parse(precision);
        double threshold = p.significandBits() * Math.log(2);
        assertTrue(kept < threshold && threshold < absorbed, "the test's gaps straddle p ln 2 = " + threshold);

        NormalizationResult near = Normalization.run(new double[] {0, -kept}, 1, NormalizerKind.SOFTMAX, p, true);
        assertEquals(0, near.absorbedCount());
        assertTrue(near.probabilities()[0] < 1.0);

        NormalizationResult far = Normalization.run(new double[] {0, -absorbed}, 1, NormalizerKind.SOFTMAX, p, true);
        assertEquals(1, far.absorbedCount());
        assertEquals(1.0, far.probabilities()[0], 0.0, "the sum is exactly 1");
        assertTrue(far.probabilities()[1] > 0, "the small term is absorbed in the sum, not flushed to zero");
        assertEquals(0, far.underflowCount());
        assertEquals(1.0, far.denominator(), 0.0);
        assertTrue(far.sumRoundedToOne());
        assertEquals(1 + Math.exp(-kept), near.denominator(), 2 * p.unitRoundoff());
        assertTrue(!near.sumRoundedToOne());
    }

    @Test
    void underflowCountsOnlyTruePositivesThatBecameZero() {
        // fp16: e^-20 = 2.1e-9 < 2^-25 flushes to 0 (true value > 0); -Infinity is a masked, meant 0.
        NormalizationResult r = Normalization.run(new double[] {0, -20, NEG_INF, -16}, 1, NormalizerKind.SOFTMAX, Precision.FP16, true);
        assertEquals(0.0, r.probabilities()[1]);
        assertEquals(0.0, r.probabilities()[2]);
        assertTrue(r.probabilities()[3] > 0, "e^-16 = 1.1e-7 is an fp16 subnormal, not 0");
        assertEquals(1, r.underflowCount());
        assertEquals(1, r.exactZeroCount());

        assertEquals(1, Normalization.run(new double[] {0, -110}, 1, NormalizerKind.SOFTMAX, Precision.FP32, true).underflowCount());
        assertEquals(0, Normalization.run(new double[] {0, -100}, 1, NormalizerKind.SOFTMAX, Precision.FP32, true).underflowCount());
        // Sparse zeros are by design: exact zeros, not underflow, in every precision.
        for (Precision p : Precision.values()) {
            for (NormalizerKind k : new NormalizerKind[] {NormalizerKind.SPARSEMAX, NormalizerKind.ENTMAX15}) {
                NormalizationResult s = Normalization.run(new double[] {0, -5, -20, NEG_INF}, 1, k, p, true);
                assertEquals(0, s.underflowCount(), k + " " + p);
                assertEquals(3, s.exactZeroCount(), k + " " + p);
                assertEquals(1.0, s.probabilities()[0], 0.0, k + " " + p);
            }
        }
        // StableMax decays like 1/x^2, not e^-x: at gap 2e4 in fp32 (softmax flushes beyond 103) p is still 1e-8.
        NormalizationResult st = Normalization.run(new double[] {1e4, -1e4}, 1, NormalizerKind.STABLEMAX, Precision.FP32, true);
        assertEquals(0, st.underflowCount());
        assertEquals(1.0 / (10001.0 * 10001.0 + 1), st.probabilities()[1], 1e-14);
        // ... but in fp16 that 1e-8 is below half the smallest subnormal (3e-8): a true underflow.
        NormalizationResult st16 = Normalization.run(new double[] {1e4, -1e4}, 1, NormalizerKind.STABLEMAX, Precision.FP16, true);
        assertEquals(1, st16.underflowCount());
    }

    @Test
    void denominatorIsTheComputedSum() {
        NormalizationResult r = Normalization.run(new double[] {0, 0, 0, Double.NEGATIVE_INFINITY}, 1, NormalizerKind.SOFTMAX, Precision.FP16, true);
        assertEquals(3.0, r.denominator(), 0.0);
        assertTrue(!r.sumRoundedToOne(), "equal logits: nothing absorbed");
        NormalizationResult st = Normalization.run(new double[] {1, -1}, 1, NormalizerKind.STABLEMAX, Precision.FP64, true);
        assertEquals(2.5, st.denominator(), 0.0, "s(1) + s(-1) = 2 + 1/2");
        NormalizationResult over = Normalization.run(new double[] {90, 0}, 1, NormalizerKind.SOFTMAX, Precision.FP32, false);
        assertEquals(Double.POSITIVE_INFINITY, over.denominator());
        // 4096 equal terms of 1 in fp16: the sum stalls at 2048 (2048 + 1 ties to even): 2048 terms absorbed.
        NormalizationResult stall = Normalization.run(new double[4096], 1, NormalizerKind.SOFTMAX, Precision.FP16, true);
        assertEquals(2048.0, stall.denominator(), 0.0);
        assertEquals(2048, stall.absorbedCount());
        assertEquals(0x1p-11, stall.probabilities()[0], 0.0, "each p = 1/2048 instead of 1/4096");
    }

    @Test
    void temperatureScalesTheLogits() {
        double[] z = {2.0, 1.0, -0.5, NEG_INF};
        for (double t : new double[] {0.01, 0.1, 1, 10, 100}) {
            double[] ref = BigReference.softmax(z, t);
            double[] p = Normalization.run(z, t, NormalizerKind.SOFTMAX, Precision.FP64, true).probabilities();
            for (int i = 0; i < z.length; i++) assertEquals(ref[i], p[i], 1e-14, "T=" + t);
        }
        // T -> 0: one-hot; T -> large: towards uniform over the unmasked entries.
        assertEquals(1.0, Normalization.run(z, 0.01, NormalizerKind.SOFTMAX, Precision.FP64, true).probabilities()[0], 1e-40);
        NormalizationResult hot = Normalization.run(z, 100, NormalizerKind.SOFTMAX, Precision.FP64, true);
        assertEquals(Math.log(3), hot.entropyNats(), 1e-3);
    }

    @Test
    void maxShiftDoesNotChangeShiftFreeNormalisers() {
        double[] z = TestLogits.gaussian(17, 3, 5);
        for (NormalizerKind k : new NormalizerKind[] {NormalizerKind.STABLEMAX, NormalizerKind.SPARSEMAX, NormalizerKind.ENTMAX15}) {
            double[] on = Normalization.run(z, 1, k, Precision.FP16, true).probabilities();
            double[] off = Normalization.run(z, 1, k, Precision.FP16, false).probabilities();
            org.junit.jupiter.api.Assertions.assertArrayEquals(on, off, 0.0, k.id());
        }
    }
}
