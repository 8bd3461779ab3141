package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

/**
 * Logits a format cannot hold: z/T beyond fp16's 65504 (e.g. z = 700 at T = 0.01) becomes
 * +-Infinity when the model holds it in fp16. Every normaliser must return (NaN/Infinity shown
 * as data, counted as overflow), never throw.
 */
class ScaledLogitOverflowTest {
    /**
     * The closed form, entry by entry. In fp16, x = round(round(z)/round(T)): 700/round(0.01) = 69985 and
     * round(1e5) are beyond 65504, so x is {+Inf, 0}, {+Inf}, {-Inf, -Inf}, {-Inf, 3}, {+Inf, -Inf, 2}.
     * A -Inf acts as a mask (probability exactly 0, the rest normalised as usual); with no finite entry
     * every probability is 0/0 = NaN; with a +Inf the distribution is Inf/Inf: NaN at that entry, and
     * the other entries get 0 (their terms over an infinite sum: softmax without the shift, StableMax,
     * softplus) or NaN (softmax with the shift, where x - max is NaN; sparsemax and entmax, whose
     * threshold is undefined). Overflows counted: each scaled logit that became infinite, plus each
     * term that became +Inf (exp(+Inf) unshifted, s(+Inf), softplus(+Inf)).
     */
    @Test
    void everyNormaliserGivesTheClosedFormForLogitsBeyondTheFormat() {
        double[][] inputs = {{700, 0}, {1e5}, {-1e5, -1e5}, {-1e5, 3}, {1e5, -1e5, 2}};
        double inf = Double.POSITIVE_INFINITY;
        double[][] scaled = {{inf, 0}, {inf}, {-inf, -inf}, {-inf, 3}, {inf, -inf, 2}};
        assertTrue(700 / lab.softmax.engine.numeric.IndependentRounding.fp16(0.01f) > 65504, "700 / fp16(0.01) overflows fp16");
        assertTrue(1e5 >= 65520, "1e5 rounds past fp16's largest value (ties at 65520 go to Infinity)");
        for (int c = 0; c < inputs.length; c++) {
            double[] z = inputs[c];
            double[] x = scaled[c];
            double t = z[0] == 700 ? 0.01 : 1;
            assertEquals(z.length, x.length);
            int scaledOverflows = 0;
            int plusInfinities = 0;
            boolean anyFinite = false;
            for (int i = 0; i < x.length; i++) {
                if (Double.isInfinite(x[i])) scaledOverflows++;
                if (x[i] == inf) plusInfinities++;
                if (Double.isFinite(x[i])) anyFinite = true;
            }
            for (NormalizerKind kind : NormalizerKind.values()) {
                for (boolean shift : new boolean[] {true, false}) {
                    NormalizationResult r = Normalization.run(z, t, kind, Precision.FP16, shift);
                    double[] p = r.probabilities();
                    String at = kind + " shift=" + shift + " z=" + Arrays.toString(z) + " -> " + Arrays.toString(p);
                    boolean termsOverflow = kind == NormalizerKind.STABLEMAX || kind == NormalizerKind.SOFTPLUS
                            || (kind == NormalizerKind.SOFTMAX && !shift);
                    assertEquals(scaledOverflows + (termsOverflow ? plusInfinities : 0), r.overflowCount(), at);
                    double[] expected = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        if (!anyFinite) {
                            expected[i] = Double.NaN;
                        } else if (plusInfinities > 0) {
                            boolean allUndefined = kind == NormalizerKind.SPARSEMAX || kind == NormalizerKind.ENTMAX15
                                    || (kind == NormalizerKind.SOFTMAX && shift);
                            expected[i] = x[i] == inf || allUndefined ? Double.NaN : 0.0;
                        } else {
                            expected[i] = x[i] == -inf ? 0.0 : 1.0;   // one finite entry left: all its mass
                        }
                    }
                    assertArrayEquals(expected, p, 0.0, at);
                }
            }
        }
    }

    @Test
    void softmaxTopEntryOverflowGivesNaN() {
        NormalizationResult r = Normalization.run(new double[] {700, 0}, 0.01, NormalizerKind.SOFTMAX, Precision.FP16, true);
        assertTrue(Double.isNaN(r.probabilities()[0]), "Infinity - Infinity");
        assertEquals(1.0, Normalization.run(new double[] {700, 0}, 0.01, NormalizerKind.SOFTMAX, Precision.FP32, true).probabilities()[0]);
    }

    @Test
    void fittingLogitsCountNoOverflow() {
        NormalizationResult r = Normalization.run(new double[] {655, 0}, 0.01, NormalizerKind.SPARSEMAX, Precision.FP16, true);
        assertEquals(0, r.overflowCount());
        assertEquals(1.0, r.probabilities()[0]);
    }
}
