package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

/** Regression: 1 + k*z == k*z in low precision once |z| is large, which left sparsemax with k* = 0. */
class SparsemaxLargeLogitsTest {
    @Test
    void fp16LargeLogitsKeepTheTopEntry() {
        NormalizationResult r = Normalization.run(new double[] {1e4, -1e4}, 1, NormalizerKind.SPARSEMAX, Precision.FP16, true);
        assertArrayEquals(new double[] {1, 0}, r.probabilities(), 0.0);
    }

    @Test
    void tiedLargeLogitsAreUniformInEveryPrecision() {
        for (Precision p : Precision.values()) {
            NormalizationResult r = Normalization.run(new double[] {4096, 4096, 4096, 4096}, 1,
                    NormalizerKind.SPARSEMAX, p, true);
            assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, r.probabilities(), 0.0, p.id());
        }
    }

    @Test
    void fp64HugeLogits() {
        NormalizationResult r = Normalization.run(new double[] {1e17, 1e17 - 1024, 0}, 1, NormalizerKind.SPARSEMAX, Precision.FP64, true);
        assertArrayEquals(new double[] {1, 0, 0}, r.probabilities(), 0.0);
        // 1e4 - 0.75 and 1e4: the gap 0.75 < 1 puts both in the support: p = (0.875, 0.125).
        NormalizationResult s = Normalization.run(new double[] {1e4, 1e4 - 0.75, -1e4}, 1, NormalizerKind.SPARSEMAX, Precision.FP32, true);
        assertEquals(0.875, s.probabilities()[0], 0.0);
        assertEquals(0.125, s.probabilities()[1], 0.0);
    }
}
