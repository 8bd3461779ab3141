package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MatmulTest {

    private static float[] random(int n, Random rnd) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (rnd.nextGaussian());
        return a;
    }

    @Test
    void productAndTransposedProductMatchADoubleReference() {
        Random rnd = new Random(11);
        int m = 37;
        int k = 300;   // more than one k block
        int n = 2 * Matmul.COLUMN_MULTIPLE;
        float[] a = random(m * k, rnd);
        float[] b = random(k * n, rnd);
        float[] c = new float[m * n];
        on(1, w -> Matmul.multiply(a, 0, k, 1, b, 0, n, c, n, m, n, k, w));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) s += (double) a[i * k + t] * b[t * n + j];
                assertEquals(s, c[i * n + j], 1e-4 * Math.sqrt(k), "C[" + i + "][" + j + "]");
            }
        }
        // A^T B with A stored as k x m: A'(i, t) = a[t * m + i]
        float[] at = random(k * m, rnd);
        float[] d = random(m * n, rnd);
        float[] before = d.clone();
        on(2, w -> Matmul.multiplyAdd(at, 0, 1, m, b, 0, n, d, n, m, n, k, w));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = before[i * n + j];
                for (int t = 0; t < k; t++) s += (double) at[t * m + i] * b[t * n + j];
                assertEquals(s, d[i * n + j], 1e-4 * Math.sqrt(k), "D[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        Random rnd = new Random(5);
        int m = 103;
        int k = 70;
        int n = Matmul.COLUMN_MULTIPLE * 3;
        float[] a = random(m * k, rnd);
        float[] b = random(k * n, rnd);
        float[] one = new float[m * n];
        float[] two = new float[m * n];
        on(1, w -> Matmul.multiply(a, 0, k, 1, b, 0, n, one, n, m, n, k, w));
        on(2, w -> Matmul.multiply(a, 0, k, 1, b, 0, n, two, n, m, n, k, w));
        assertArrayEquals(one, two);
    }

    /**
     * The documented order, written as the plainest loop: each C element starts at 0 (or its old
     * value) and takes one fused multiply-add per k in index order. The blocked, packed kernel must
     * match it bit for bit.
     */
    private static float[] sequentialFma(float[] a, int rs, int ks, float[] b, int ldb, float[] c0, int m, int n, int k) {
        float[] c = c0 == null ? new float[m * n] : c0.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = c[i * n + j];
                for (int t = 0; t < k; t++) s = Math.fma(a[i * rs + t * ks], b[t * ldb + j], s);
                c[i * n + j] = s;
            }
        }
        return c;
    }

    @Test
    void awkwardSizesMatchTheSequentialOrderBitForBit() {
        Random rnd = new Random(23);
        int[] ms = {1, 4, 5, 6, 7, 13, 37};
        int[] ks = {0, 1, 3, 255, 256, 257, 600};
        int[] ns = {Matmul.COLUMN_MULTIPLE, 2 * Matmul.COLUMN_MULTIPLE, 3 * Matmul.COLUMN_MULTIPLE, 17 * Matmul.COLUMN_MULTIPLE, 33 * Matmul.COLUMN_MULTIPLE};
        for (int m : ms) {
            for (int k : ks) {
                for (int n : ns) {
                    if ((long) m * n * k > 3_000_000) continue;
                    float[] a = random(m * k, rnd);
                    float[] at = random(k * m, rnd);
                    float[] b = random(k * n, rnd);
                    float[] c0 = random(m * n, rnd);
                    String size = "m=" + m + " n=" + n + " k=" + k;
                    float[] expected = sequentialFma(a, k, 1, b, n, null, m, n, k);
                    float[] expectedT = sequentialFma(at, 1, m, b, n, c0, m, n, k);
                    for (int threads : new int[] {1, 2, 3}) {
                        float[] c = random(m * n, rnd);   // garbage that multiply must ignore
                        on(threads, w -> Matmul.multiply(a, 0, k, 1, b, 0, n, c, n, m, n, k, w));
                        assertArrayEquals(expected, c, size + " threads=" + threads);
                        float[] d = c0.clone();
                        on(threads, w -> Matmul.multiplyAdd(at, 0, 1, m, b, 0, n, d, n, m, n, k, w));
                        assertArrayEquals(expectedT, d, "transposed, accumulate, " + size + " threads=" + threads);
                    }
                }
            }
        }
    }

    @Test
    void fusedBiasReluAndMaskAreAppliedToTheFinishedSum() {
        Random rnd = new Random(31);
        int m = 23;
        int k = 300;   // two k blocks: the epilogue must run once, after the last
        int n = 2 * Matmul.COLUMN_MULTIPLE;
        float[] a = random(m * k, rnd);
        float[] b = random(k * n, rnd);
        float[] bias = random(n, rnd);
        float[] mask = random(m * n, rnd);
        mask[0] = 0f;   // relu'(0) = 0
        float[] sum = sequentialFma(a, k, 1, b, n, null, m, n, k);
        for (int threads : new int[] {1, 2}) {
            float[] relu = new float[m * n];
            on(threads, w -> Matmul.multiplyBiasRelu(a, k, b, n, relu, n, bias, true, m, n, k, w));
            float[] linear = new float[m * n];
            on(threads, w -> Matmul.multiplyBiasRelu(a, k, b, n, linear, n, bias, false, m, n, k, w));
            float[] masked = new float[m * n];
            on(threads, w -> Matmul.multiplyMasked(a, k, b, n, masked, n, mask, m, n, k, w));
            int negatives = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int e = i * n + j;
                    float withBias = sum[e] + bias[j];
                    assertEquals(withBias, linear[e], "linear " + i + "," + j);
                    assertEquals(Math.max(withBias, 0f), relu[e], "relu " + i + "," + j);
                    assertEquals(mask[e] > 0 ? sum[e] : 0f, masked[e], "masked " + i + "," + j);
                    if (withBias < 0) negatives++;
                }
            }
            assertTrue(negatives > 0 && negatives < m * n, "the test exercises both sides of the ReLU");
        }
    }

    @Test
    void longReductionsWithASharedPackedBGiveTheSameResultForAnyThreadCount() {
        // k > m: the weight-gradient shape, where the threads first pack B together and then share it
        Random rnd = new Random(41);
        int m = 11;
        int k = 700;
        int n = 5 * Matmul.COLUMN_MULTIPLE;
        float[] at = random(k * m, rnd);
        float[] b = random(k * n, rnd);
        float[] expected = sequentialFma(at, 1, m, b, n, null, m, n, k);
        for (int threads = 1; threads <= 6; threads++) {
            float[] c = new float[m * n];
            on(threads, w -> Matmul.multiply(at, 0, 1, m, b, 0, n, c, n, m, n, k, w));
            assertArrayEquals(expected, c, "threads=" + threads);
            // with scratch the caller keeps (too small: the product allocates its own), left dirty between calls
            for (float[] scratch : new float[][] {new float[Matmul.sharedPackSize(k, n)], new float[10]}) {
                java.util.Arrays.fill(scratch, Float.NaN);
                float[] d = new float[m * n];
                on(threads, w -> Matmul.multiply(at, 0, 1, m, b, 0, n, d, n, m, n, k, w, scratch));
                assertArrayEquals(expected, d, "threads=" + threads + ", scratch of " + scratch.length);
            }
        }
    }

    @Test
    void aPackedBMultipliesAnyBlockOfRowsInTheSequentialOrder() {
        // B given transposed (B = Kᵀ of a row-major K) and as a plain row-major matrix, with column counts that
        // need padding, more than one 256-column block and more than one k block
        Random rnd = new Random(53);
        int[][] shapes = {{64, 300}, {300, 70}, {3, 17}, {257, 513}};
        Matmul.PackedB packed = new Matmul.PackedB();
        for (int[] shape : shapes) {
            int k = shape[0];
            int n = shape[1];
            int nPad = Matmul.paddedColumns(n);
            int m = 23;
            float[] a = random(m * k, rnd);
            float[] key = random(n * k, rnd);   // n x k: B(t, j) = key[j * k + t]
            float[] bT = new float[k * nPad];
            for (int t = 0; t < k; t++) {
                for (int j = 0; j < n; j++) bT[t * nPad + j] = key[j * k + t];
            }
            float[] plain = random(k * n, rnd);
            float[] bPlain = new float[k * nPad];
            for (int t = 0; t < k; t++) System.arraycopy(plain, t * n, bPlain, t * nPad, n);
            String size = "k=" + k + " n=" + n;
            for (int threads : new int[] {1, 2}) {
                on(threads, w -> Matmul.pack(key, 0, 1, k, k, n, packed, w));
                assertEquals(nPad, packed.columns(), size);
                float[] c = random(m * nPad, rnd);   // garbage that the product must overwrite
                for (int r0 = 0; r0 < m; r0 += 7) Matmul.multiplyPacked(a, k, packed, c, nPad, r0, Math.min(m, r0 + 7));
                assertArrayEquals(sequentialFma(a, k, 1, bT, nPad, null, m, nPad, k), c, "transposed " + size + " threads=" + threads);
                on(threads, w -> Matmul.pack(plain, 0, n, 1, k, n, packed, w));
                float[] d = random(m * nPad, rnd);
                Matmul.multiplyPacked(a, k, packed, d, nPad, 0, m);
                assertArrayEquals(sequentialFma(a, k, 1, bPlain, nPad, null, m, nPad, k), d, "plain " + size + " threads=" + threads);
            }
        }
    }

    /** Runs a product on an open team of this many threads, closed afterwards. */
    private static void on(int threads, Consumer<Workers> product) {
        try (Workers w = Workers.of(threads).open()) {
            product.accept(w);
        }
    }
}
