package lab.softmax.engine.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * Attention rows against a reference written here: plain double loops for the logits, and the
 * softmax of each row in BigDecimal (exp of the gap to the row maximum, summed exactly).
 */
class AttentionReferenceTest {
    private static final int[] SIZES = {1, 3, 17, 255, 4097};
    private static final MathContext MC = MathContext.DECIMAL128;

    /** softmax over the entries that are not -Infinity; all hidden gives all zeros. */
    static double[] referenceSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : z) max = Math.max(max, x);
        double[] w = new double[z.length];
        if (max == Double.NEGATIVE_INFINITY) return w;
        BigDecimal[] e = new BigDecimal[z.length];
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < z.length; j++) {
            if (z[j] == Double.NEGATIVE_INFINITY) continue;
            e[j] = new BigDecimal(Math.exp(z[j] - max)); // z - max is exact for these inputs' gaps, exp to 1 ulp
            sum = sum.add(e[j], MC);
        }
        for (int j = 0; j < z.length; j++) {
            if (e[j] != null) w[j] = e[j].divide(sum, MC).doubleValue();
        }
        return w;
    }

    /** Random Q, K (with a few ±1e4 outliers in K) and V; d columns. */
    private static double[][][] inputs(int n, int m, int d, int dv, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] q = new double[n][d];
        double[][] k = new double[m][d];
        double[][] v = new double[m][dv];
        for (double[] row : q) for (int c = 0; c < d; c++) row[c] = r.nextGaussian();
        for (double[] row : k) for (int c = 0; c < d; c++) row[c] = r.nextGaussian();
        for (double[] row : v) for (int c = 0; c < dv; c++) row[c] = r.nextGaussian();
        if (m > 2) {
            k[m / 2][0] = 1e4;
            k[m - 1][0] = -1e4;
        }
        return new double[][][] {q, k, v};
    }

    private static boolean shown(MaskKind mask, int valid, double[][] pattern, int i, int j) {
        boolean s = switch (mask) {
            case FULL, PATTERN -> true;
            case CAUSAL -> j <= i;
            case PADDING -> j < valid;
        };
        return s && (pattern == null || pattern[i][j] != Double.NEGATIVE_INFINITY);
    }

    private static void compareFp64(int n, int m, MaskKind mask, int valid, double[][] pattern, double temperature, double slope) {
        int d = 4;
        int dv = 3;
        double[][][] in = inputs(n, m, d, dv, 31L * n + m);
        AttentionInput input = new AttentionInput("test", in[0], in[1], in[2], 1, pattern);
        AttentionConfig c = AttentionConfig.defaults().withMask(mask, valid).withTemperature(temperature)
                .withSsa(SsaConfig.position(slope)).withMarkedKey(m - 1);
        HeadResult r = Attention.compute(input, c).head(0);
        for (int i = 0; i < n; i++) {
            double tau = 1 + slope * Math.log(i + 1);
            double[] z = new double[m];
            int visible = 0;
            for (int j = 0; j < m; j++) {
                if (!shown(mask, valid, pattern, i, j)) {
                    z[j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                visible++;
                double g = 0;
                for (int a = 0; a < d; a++) g += in[0][i][a] * in[1][j][a];
                z[j] = g / Math.sqrt(d) * tau / temperature;
            }
            double[] w = referenceSoftmax(z);
            double entropy = 0;
            for (int j = 0; j < m; j++) {
                String at = "n=" + n + " m=" + m + " " + mask + " row " + i + " key " + j;
                if (z[j] == Double.NEGATIVE_INFINITY) {
                    assertEquals(0.0, r.weights()[i][j], 0.0, at + " (hidden)");
                } else {
                    assertEquals(w[j], r.weights()[i][j], 1e-12 + 1e-9 * w[j], at);
                }
                if (w[j] > 0) entropy -= w[j] * Math.log(w[j]);
            }
            for (int a = 0; a < dv; a++) {
                double y = 0;
                for (int j = 0; j < m; j++) y += w[j] * in[2][j][a];
                assertEquals(y, r.output()[i][a], 1e-9, "output row " + i);
            }
            assertEquals(entropy, r.entropy()[i], 1e-9, "entropy row " + i);
            assertEquals(visible, r.visible()[i]);
            assertEquals(visible <= 1 ? 0 : entropy / Math.log(visible), r.entropyOverLogN()[i], 1e-9);
            assertEquals(w[m - 1], r.markedWeight()[i], 1e-12 + 1e-9 * w[m - 1]);
            assertTrue(!Double.isNaN(r.entropy()[i]));
        }
    }

    @Test
    void fp64RowsMatchTheReferenceOnAwkwardSizesAndMasks() {
        for (int m : SIZES) {
            int n = Math.min(m, 24);
            compareFp64(n, m, MaskKind.FULL, 0, null, 1.0, 0);
            compareFp64(n, m, MaskKind.CAUSAL, 0, null, 0.7, 0.3);
            compareFp64(n, m, MaskKind.PADDING, (m + 1) / 2, null, 3.0, 0);
            compareFp64(n, m, MaskKind.PADDING, 0, null, 1.0, 0); // every row masked
            // A user pattern: random -Infinity entries and row 0 entirely hidden.
            SplitMix64 r = new SplitMix64(m);
            double[][] pattern = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) pattern[i][j] = i == 0 || r.nextDouble() < 0.3 ? Double.NEGATIVE_INFINITY : 0;
            }
            compareFp64(n, m, MaskKind.PATTERN, 0, pattern, 1.0, 0.1);
        }
    }

    @Test
    void fp32KernelRowsMatchTheReference() {
        // d_h = 1 and q = 1, so the logits are the keys exactly in float and only the softmax differs.
        for (Algorithm algorithm : new Algorithm[] {Algorithm.TWO_PASS, Algorithm.ONLINE}) {
            for (int m : SIZES) {
                SplitMix64 r = new SplitMix64(m * 7L);
                int n = Math.min(m, 5);
                double[][] q = new double[n][1];
                double[][] k = new double[m][1];
                double[][] v = new double[m][1];
                for (double[] row : q) row[0] = 1;
                for (int j = 0; j < m; j++) {
                    k[j][0] = (float) (r.nextGaussian() * 4);
                    v[j][0] = (float) r.nextGaussian();
                }
                if (m > 2) {
                    k[1][0] = 1e4;
                    k[2][0] = -1e4;
                }
                AttentionConfig c = AttentionConfig.defaults().withPrecision(Precision.FP32).withAlgorithm(algorithm)
                        .withMask(MaskKind.CAUSAL, 0);
                HeadResult res = Attention.compute(new AttentionInput("t", q, k, v, 1, null), c).head(0);
                for (int i = 0; i < n; i++) {
                    double[] z = new double[m];
                    for (int j = 0; j < m; j++) z[j] = j <= i ? k[j][0] : Double.NEGATIVE_INFINITY;
                    double[] w = referenceSoftmax(z);
                    for (int j = 0; j < m; j++) {
                        if (j > i) assertEquals(0.0, res.weights()[i][j], 0.0);
                        else assertEquals(w[j], res.weights()[i][j], 1e-30 + 2e-6 * w[j], algorithm + " m=" + m + " row " + i + " key " + j);
                    }
                }
            }
        }
    }

    @Test
    void allMaskedRowsAreZeroNeverNaNInEveryPrecisionAndNormalizer() {
        double[][][] in = inputs(3, 5, 2, 2, 1);
        double[][] pattern = new double[3][5];
        java.util.Arrays.fill(pattern[1], Double.NEGATIVE_INFINITY);
        AttentionInput input = new AttentionInput("t", in[0], in[1], in[2], 1, pattern);
        for (Precision p : Precision.values()) {
            for (AttentionNormalizer norm : AttentionNormalizer.values()) {
                HeadResult r = Attention.compute(input, AttentionConfig.defaults().withPrecision(p).withNormalizer(norm)
                        .withMask(MaskKind.PATTERN, 0).withMarkedKey(0)).head(0);
                for (int j = 0; j < 5; j++) assertEquals(0.0, r.weights()[1][j], 0.0, p + " " + norm);
                for (double y : r.output()[1]) assertEquals(0.0, y, 0.0);
                assertEquals(0.0, r.entropy()[1], 0.0);
                assertEquals(0.0, r.entropyOverLogN()[1], 0.0);
                assertEquals(0.0, r.maxWeight()[1], 0.0);
                assertEquals(0, r.visible()[1]);
                assertEquals(0, r.nanRows(), p + " " + norm);
                double total = 0;
                for (double w : r.weights()[0]) total += w;
                assertEquals(1.0, total, p.unitRoundoff() * 16, p + " " + norm + " row 0 sums to 1");
            }
        }
    }

    @Test
    void multiHeadSplitsColumnsAndConcatenatesOutputs() {
        double[][][] a = inputs(6, 6, 3, 2, 5);
        double[][][] b = inputs(6, 6, 3, 2, 6);
        AttentionInput joined = AttentionInput.perHead("t", java.util.List.of(a[0], b[0]), java.util.List.of(a[1], b[1]),
                java.util.List.of(a[2], b[2]), null);
        AttentionConfig c = AttentionConfig.defaults().withMask(MaskKind.CAUSAL, 0);
        AttentionResult both = Attention.compute(joined, c);
        HeadResult h0 = Attention.compute(AttentionInput.of(a[0], a[1], a[2]), c).head(0);
        HeadResult h1 = Attention.compute(AttentionInput.of(b[0], b[1], b[2]), c).head(0);
        for (int i = 0; i < 6; i++) {
            assertEquals(java.util.Arrays.toString(h0.weights()[i]), java.util.Arrays.toString(both.head(0).weights()[i]));
            assertEquals(java.util.Arrays.toString(h1.weights()[i]), java.util.Arrays.toString(both.head(1).weights()[i]));
            assertEquals(h0.output()[i][1], both.output()[i][1], 0.0);
            assertEquals(h1.output()[i][0], both.output()[i][2], 0.0);
        }
    }
}
