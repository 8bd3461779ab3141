package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
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
        Matmul.multiply(a, 0, k, 1, b, 0, n, c, n, m, n, k, 1);
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
        Matmul.multiplyAdd(at, 0, 1, m, b, 0, n, d, n, m, n, k, 2);
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
        Matmul.multiply(a, 0, k, 1, b, 0, n, one, n, m, n, k, 1);
        Matmul.multiply(a, 0, k, 1, b, 0, n, two, n, m, n, k, 2);
        assertArrayEquals(one, two);
    }
}
