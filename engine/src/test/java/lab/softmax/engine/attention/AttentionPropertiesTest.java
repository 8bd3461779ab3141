package lab.softmax.engine.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

class AttentionPropertiesTest {
    private static AttentionInput random(int n, int d, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] q = new double[n][d];
        double[][] k = new double[n][d];
        double[][] v = new double[n][d];
        for (double[][] a : new double[][][] {q, k, v}) for (double[] row : a) for (int c = 0; c < d; c++) row[c] = r.nextGaussian();
        return AttentionInput.of(q, k, v);
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int j = 1; j < x.length; j++) if (x[j] > x[best]) best = j;
        return best;
    }

    @Test
    void argmaxIsInvariantUnderPositiveTemperatureAndSsaScaling() {
        AttentionInput in = random(40, 8, 2);
        HeadResult base = Attention.compute(in, AttentionConfig.defaults()).head(0);
        double[] u = new double[8];
        u[0] = 2;
        u[3] = -1.5;
        for (double t : new double[] {0.05, 0.3, 1, 7, 60}) {
            for (SsaConfig ssa : new SsaConfig[] {SsaConfig.off(), new SsaConfig(0.8, u, TokenForm.LINEAR, null),
                    new SsaConfig(0.2, u, TokenForm.GELU, null)}) {
                HeadResult r = Attention.compute(in, AttentionConfig.defaults().withTemperature(t).withSsa(ssa)).head(0);
                for (int i = 0; i < 40; i++) {
                    assertEquals(argmax(base.weights()[i]), argmax(r.weights()[i]), "T=" + t + " row " + i);
                    assertTrue(r.queryTau()[i] > 0);
                }
            }
        }
    }

    @Test
    void entropyRisesWithTemperatureFromOneHotTowardUniform() {
        AttentionInput in = random(30, 8, 3);
        double[] temperatures = {0.001, 0.01, 0.1, 1, 10, 100, 1000};
        double[][] entropy = new double[temperatures.length][];
        for (int t = 0; t < temperatures.length; t++) {
            entropy[t] = Attention.compute(in, AttentionConfig.defaults().withTemperature(temperatures[t])).head(0).entropyOverLogN();
        }
        for (int i = 1; i < 30; i++) {
            for (int t = 1; t < temperatures.length; t++) {
                assertTrue(entropy[t][i] >= entropy[t - 1][i] - 1e-12, "row " + i + " T=" + temperatures[t]);
            }
            assertTrue(entropy[0][i] < 0.05, "T = 0.001: near one-hot, row " + i + " H/ln n " + entropy[0][i]);
            assertTrue(entropy[temperatures.length - 1][i] > 0.9999, "T = 1000: near uniform, row " + i);
        }
    }

    @Test
    void maskedEntriesAreExactlyZeroInEveryPrecisionNormalizerAndTemperature() {
        AttentionInput in = random(20, 4, 4);
        for (Precision p : Precision.values()) {
            for (AttentionNormalizer norm : AttentionNormalizer.values()) {
                for (double t : new double[] {0.01, 1, 100}) {
                    AttentionConfig c = AttentionConfig.defaults().withPrecision(p).withNormalizer(norm).withTemperature(t)
                            .withMask(MaskKind.CAUSAL, 0).withSsa(SsaConfig.position(0.5));
                    HeadResult r = Attention.compute(in, c).head(0);
                    for (int i = 0; i < 20; i++) {
                        for (int j = i + 1; j < 20; j++) {
                            assertEquals(0.0, r.weights()[i][j], 0.0, p + " " + norm + " T=" + t);
                            assertEquals(Double.NEGATIVE_INFINITY, r.logits()[i][j]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void positionAndTokenTermsFollowTheFormula() {
        AttentionInput in = random(12, 4, 5);
        double[] u = {0.7, -0.2, 0.1, 0.4};
        double s = SsaConfig.slopeFromBeta(1.5);
        assertEquals(Math.exp(-Math.exp(1.5)), s, 0.0);
        assertEquals(0.0113, s, 1e-4);
        HeadResult r = Attention.compute(in, AttentionConfig.defaults().withTemperature(2)
                .withSsa(new SsaConfig(s, u, TokenForm.LINEAR, null))).head(0);
        double[][] q = in.q();
        double[][] k = in.k();
        for (int i = 0; i < 12; i++) {
            double tok = 0;
            for (int c = 0; c < 4; c++) tok += u[c] * q[i][c];
            double tau = 1 + s * Math.log(i + 1) + Math.tanh(tok);
            assertEquals(tau, r.queryTau()[i], 1e-15);
            double[] z = new double[12];
            for (int j = 0; j < 12; j++) {
                double g = 0;
                for (int c = 0; c < 4; c++) g += q[i][c] * k[j][c];
                z[j] = tau * g / 2 / 2; // /√d_h (= 2) and /T (= 2)
            }
            double[] w = AttentionReferenceTest.referenceSoftmax(z);
            for (int j = 0; j < 12; j++) assertEquals(w[j], r.weights()[i][j], 1e-12);
        }
    }

    @Test
    void valueTemperatureScalesValueRows() {
        AttentionInput in = random(6, 2, 6);
        double[] uv = {1.0, -0.5};
        HeadResult plain = Attention.compute(in, AttentionConfig.defaults()).head(0);
        HeadResult scaled = Attention.compute(in, AttentionConfig.defaults().withSsa(new SsaConfig(0, null, TokenForm.GELU, uv))).head(0);
        double[][] q = in.q();
        double[][] v = in.v();
        for (int i = 0; i < 6; i++) {
            for (int c = 0; c < 2; c++) {
                double y = 0;
                for (int j = 0; j < 6; j++) {
                    double f = uv[0] * TokenForm.gelu(q[j][0]) + uv[1] * TokenForm.gelu(q[j][1]);
                    y += plain.weights()[i][j] * (1 + Math.tanh(f)) * v[j][c];
                }
                assertEquals(y, scaled.output()[i][c], 1e-12);
            }
        }
        assertEquals(0.0, TokenForm.gelu(0), 0.0);
        assertEquals(0.8411920, TokenForm.gelu(1), 1e-6); // tanh-approximation GELU(1)
    }

    @Test
    void lengthScaledSoftmaxMultipliesLogitsBySLogN() {
        AttentionInput in = random(9, 4, 7);
        HeadResult r = Attention.compute(in, AttentionConfig.defaults().withMask(MaskKind.CAUSAL, 0)
                .withNormalizer(AttentionNormalizer.LENGTH_SCALED_SOFTMAX).withLengthScale(0.5)).head(0);
        double[][] q = in.q();
        double[][] k = in.k();
        for (int i = 0; i < 9; i++) {
            double[] z = new double[9];
            for (int j = 0; j < 9; j++) {
                if (j > i) {
                    z[j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double g = 0;
                for (int c = 0; c < 4; c++) g += q[i][c] * k[j][c];
                z[j] = g / 2 * 0.5 * Math.log(i + 1);
            }
            double[] w = AttentionReferenceTest.referenceSoftmax(z);
            for (int j = 0; j < 9; j++) assertEquals(w[j], r.weights()[i][j], 1e-12, "row " + i);
        }
    }

    @Test
    void sparsemaxZerosAreCountedAndStableMaxRowsSumToOne() {
        AttentionInput in = random(16, 4, 8);
        HeadResult sparse = Attention.compute(in, AttentionConfig.defaults().withNormalizer(AttentionNormalizer.SPARSEMAX)
                .withTemperature(0.2)).head(0);
        int zeros = 0;
        for (int i = 0; i < 16; i++) {
            int count = 0;
            double total = 0;
            for (double w : sparse.weights()[i]) {
                if (w == 0) count++;
                total += w;
            }
            assertEquals(count, sparse.exactZeros()[i]);
            assertEquals(1.0, total, 1e-12);
            zeros += count;
        }
        assertTrue(zeros > 0, "sparsemax at T = 0.2 leaves keys at exactly 0");
        HeadResult stable = Attention.compute(in, AttentionConfig.defaults().withNormalizer(AttentionNormalizer.STABLEMAX)).head(0);
        for (double[] row : stable.weights()) {
            double total = 0;
            for (double w : row) {
                assertTrue(w > 0);
                total += w;
            }
            assertEquals(1.0, total, 1e-12);
        }
    }

    @Test
    void sixteenBitRowsOverflowWithoutTheMaxShiftAndGoFlatAtCloseLogits() {
        // d_h = 1, q = 1: logits are the keys. exp(12) = 162755 > 65504 overflows fp16, not bf16.
        double[][] q = {{1}};
        double[][] k = {{12}, {11}, {2}};
        double[][] v = {{1}, {2}, {3}};
        AttentionInput in = new AttentionInput("t", q, k, v, 1, null);
        HeadResult fp16 = Attention.compute(in, AttentionConfig.defaults().withPrecision(Precision.FP16).withSubtractMax(false)).head(0);
        assertEquals(1, fp16.nanRows(), "Infinity/Infinity is NaN: the overflow shows as data");
        HeadResult shifted = Attention.compute(in, AttentionConfig.defaults().withPrecision(Precision.FP16)).head(0);
        assertEquals(0, shifted.nanRows());
        assertEquals(1 / (1 + Math.exp(-1) + Math.exp(-10)), shifted.weights()[0][0], 2e-3);
        HeadResult bf16 = Attention.compute(in, AttentionConfig.defaults().withPrecision(Precision.BF16).withSubtractMax(false)).head(0);
        assertEquals(0, bf16.nanRows());
        // Logits 1000, 1000.25 and 1000.5 are one fp16 number apart at most: the row comes out flat in fp16.
        double[][] kk = {{1000}, {1000.25}, {1000.5}};
        HeadResult flat = Attention.compute(new AttentionInput("t", q, kk, v, 1, null),
                AttentionConfig.defaults().withPrecision(Precision.FP16)).head(0);
        HeadResult ref = Attention.compute(new AttentionInput("t", q, kk, v, 1, null), AttentionConfig.defaults()).head(0);
        assertEquals(flat.weights()[0][0], flat.weights()[0][1], 0.0, "1000 and 1000.25 round to the same fp16 logit");
        assertTrue(ref.weights()[0][1] > ref.weights()[0][0]);
    }
}
