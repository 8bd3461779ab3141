package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

/**
 * Logits a format cannot hold: z/T beyond fp16's 65504 (e.g. z = 700 at T = 0.01) becomes
 * +-Infinity when the model holds it in fp16. Every normaliser must return (NaN/Infinity shown
 * as data, counted as overflow), never throw.
 */
class ScaledLogitOverflowTest {
    @Test
    void everyNormaliserSurvivesLogitsBeyondTheFormat() {
        double[][] inputs = {{700, 0}, {1e5}, {-1e5, -1e5}, {-1e5, 3}, {1e5, -1e5, 2}};
        for (double[] z : inputs) {
            for (NormalizerKind kind : NormalizerKind.values()) {
                for (boolean shift : new boolean[] {true, false}) {
                    double t = z[0] == 700 ? 0.01 : 1;
                    NormalizationResult r = Normalization.run(z, t, kind, Precision.FP16, shift);
                    assertEquals(z.length, r.probabilities().length);
                    assertTrue(r.overflowCount() > 0, kind + " " + java.util.Arrays.toString(z) + ": the scaled logit overflowed");
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
