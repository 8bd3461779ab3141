package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

/**
 * Regression: when every softplus(x_i) underflows to 0 (all logits below -745 in fp64, about
 * -17 in fp16) the plain ratio is 0/0. The true distribution is well defined: p_i is then
 * proportional to e^(x_i), so the result must match the BigDecimal reference, not be NaN.
 */
class SoftplusNegativeLogitsTest {
    @Test
    void fp64AllLogitsBelowTheExpRange() {
        double[] z = {-800, -801, -803.5, Double.NEGATIVE_INFINITY};
        double[] ref = BigReference.softplus(z, 1);
        NormalizationResult r = Normalization.run(z, 1, NormalizerKind.SOFTPLUS, Precision.FP64, true);
        for (int i = 0; i < z.length; i++) assertEquals(ref[i], r.probabilities()[i], 1e-15, "entry " + i);
        assertEquals(0, r.nanCount());
        assertEquals(0.0, r.probabilities()[3]);
    }

    @Test
    void fp16AndFp32WhenTheSoftplusValuesFlushToZero() {
        double[] z = {-20, -21, -1e4};
        double[] ref = BigReference.softplus(z, 1);
        for (Precision p : new Precision[] {Precision.FP16, Precision.BF16, Precision.FP32}) {
            double[] z2 = p == Precision.FP32 ? new double[] {-120, -121, -1e4} : z;
            double[] ref2 = p == Precision.FP32 ? BigReference.softplus(z2, 1) : ref;
            NormalizationResult r = Normalization.run(z2, 1, NormalizerKind.SOFTPLUS, p, true);
            assertEquals(0, r.nanCount(), p.id());
            for (int i = 0; i < z2.length; i++) {
                assertEquals(ref2[i], r.probabilities()[i], 8 * p.unitRoundoff(), p.id() + " entry " + i);
            }
        }
    }
}
