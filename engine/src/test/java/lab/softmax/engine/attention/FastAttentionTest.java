package lab.softmax.engine.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.nn.Workers;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fp32 fast path against attention written out in double loops here, on awkward sizes and every prefix mask. */
class FastAttentionTest {
    private static float[] gaussian(SplitMix64 r, int count) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    /** Row i's weights in double: g = q·k/√dh · τ_i / T over the visible prefix, softmax with the max subtracted. */
    private static double[] referenceRow(float[] q, float[] k, int i, int m, int dh, double t, float tau, int visible) {
        double[] w = new double[m];
        if (visible == 0) return w;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < visible; j++) {
            double dot = 0;
            for (int d = 0; d < dh; d++) dot += (double) q[i * dh + d] * k[j * dh + d];
            w[j] = dot / Math.sqrt(dh) * tau / t;
            max = Math.max(max, w[j]);
        }
        double sum = 0;
        for (int j = 0; j < visible; j++) sum += w[j] = Math.exp(w[j] - max);
        for (int j = 0; j < visible; j++) w[j] /= sum;
        return w;
    }

    @ParameterizedTest(name = "n={0} m={1} dh={2} dv={3} {4}")
    @CsvSource({
            "1, 1, 1, 1, full", "3, 17, 8, 5, full", "17, 255, 16, 3, causal", "9, 4097, 8, 9, full",
            "5, 33, 7, 4, padding", "4, 6, 3, 2, causal", "47, 300, 16, 7, causal"})
    void matchesTheDoubleReference(int n, int m, int dh, int dv, String maskName) {
        MaskKind mask = MaskKind.parse(maskName);
        int validKeys = Math.max(1, m / 2);
        SplitMix64 r = new SplitMix64(n * 1000L + m);
        float[] q = gaussian(r, n * dh);
        float[] k = gaussian(r, m * dh);
        float[] v = gaussian(r, m * dv);
        float[] tau = new float[n];
        for (int i = 0; i < n; i++) tau[i] = (float) (1 + 0.3 * Math.log(i + 1));
        double t = 0.7;
        FastAttention.Forward f;
        try (Workers w = Workers.of(2).open()) {
            f = FastAttention.forward(q, k, v, n, m, dh, dv, t, tau, mask, validKeys, Algorithm.TWO_PASS, w);
        }
        for (int i = 0; i < n; i++) {
            int visible = FastAttention.visiblePrefix(mask, validKeys, i, m);
            double[] ref = referenceRow(q, k, i, m, dh, t, tau[i], visible);
            for (int j = 0; j < m; j++) {
                double tol = 3e-6 * ref[j] + 1e-9;
                assertEquals(ref[j], f.weight(i, j), tol, "weight (" + i + ", " + j + ")");
            }
            for (int c = 0; c < dv; c++) {
                double y = 0;
                double scale = 0;
                for (int j = 0; j < m; j++) {
                    y += ref[j] * v[j * dv + c];
                    scale += ref[j] * Math.abs(v[j * dv + c]);
                }
                assertEquals(y, f.output(i, c), 1e-5 * scale + 1e-7, "output (" + i + ", " + c + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"full", "causal"})
    void doesNotDependOnTheThreadCount(String maskName) {
        int n = 37;
        int m = 300;
        int dh = 16;
        int dv = 8;
        SplitMix64 r = new SplitMix64(5);
        float[] q = gaussian(r, n * dh);
        float[] k = gaussian(r, m * dh);
        float[] v = gaussian(r, m * dv);
        MaskKind mask = MaskKind.parse(maskName);
        FastAttention.Forward one = FastAttention.forward(q, k, v, n, m, dh, dv, 1, null, mask, m, Algorithm.ONLINE, Workers.of(1));
        FastAttention.Forward two;
        try (Workers w = Workers.of(3).open()) {
            two = FastAttention.forward(q, k, v, n, m, dh, dv, 1, null, mask, m, Algorithm.ONLINE, w);
        }
        assertArrayEquals(one.weights(), two.weights());
        assertArrayEquals(one.output(), two.output());
    }

    @ParameterizedTest(name = "valid keys {0}")
    @CsvSource({"0"})
    void aRowWithNoVisibleKeyIsAllZeros(int validKeys) {
        SplitMix64 r = new SplitMix64(9);
        float[] q = gaussian(r, 3 * 4);
        float[] k = gaussian(r, 5 * 4);
        float[] v = gaussian(r, 5 * 2);
        FastAttention.Forward f = FastAttention.forward(q, k, v, 3, 5, 4, 2, 1, null, MaskKind.PADDING, validKeys,
                Algorithm.TWO_PASS, Workers.of(1));
        for (float x : f.weights()) assertEquals(0f, x);
        for (float x : f.output()) assertEquals(0f, x);
        assertTrue(f.ldw() >= 5 && f.ldo() >= 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"full", "causal", "padding"})
    void theFastHeadGivesTheMetricsOfTheReferencePath(String maskName) {
        SplitMix64 r = new SplitMix64(77);
        int n = 40;
        int d = 8;
        double[][] q = new double[n][d];
        double[][] k = new double[n][d];
        double[][] v = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                q[i][c] = r.nextGaussian();
                k[i][c] = r.nextGaussian();
            }
            for (int c = 0; c < 3; c++) v[i][c] = r.nextGaussian();
        }
        double[] u = new double[d];
        for (int c = 0; c < d; c++) u[c] = 0.2 * r.nextGaussian();
        AttentionInput in = AttentionInput.of(q, k, v);
        AttentionConfig c = AttentionConfig.defaults().withPrecision(lab.softmax.engine.numeric.Precision.FP32)
                .withTemperature(0.8).withMask(MaskKind.parse(maskName), 25)
                .withSsa(new SsaConfig(0.2, u, TokenForm.LINEAR, null)).withMarkedKey(3);
        assertTrue(FastAttention.handles(in, c));
        HeadResult fast = FastAttention.head(in, c);
        HeadResult ref = Attention.compute(in, c).head(0);
        for (int i = 0; i < n; i++) {
            assertEquals(ref.visible()[i], fast.visible()[i], "visible keys of row " + i);
            assertEquals(ref.queryTau()[i], fast.queryTau()[i], 1e-6 * ref.queryTau()[i], "tau of row " + i);
            for (int j = 0; j < n; j++) {
                assertEquals(ref.hidden(i, j), fast.hidden(i, j), "hidden (" + i + ", " + j + ")");
                assertEquals(ref.weights()[i][j], fast.weights()[i][j], 2e-5 * ref.weights()[i][j] + 1e-9,
                        "weight (" + i + ", " + j + ")");
            }
            assertEquals(ref.entropy()[i], fast.entropy()[i], 1e-5 * (1 + ref.entropy()[i]), "entropy of row " + i);
            assertEquals(ref.maxWeight()[i], fast.maxWeight()[i], 1e-5, "max weight of row " + i);
            assertEquals(ref.markedWeight()[i], fast.markedWeight()[i], 1e-5, "marked weight of row " + i);
            for (int col = 0; col < 3; col++) {
                assertEquals(ref.output()[i][col], fast.output()[i][col], 1e-5, "output (" + i + ", " + col + ")");
            }
        }
    }
}
