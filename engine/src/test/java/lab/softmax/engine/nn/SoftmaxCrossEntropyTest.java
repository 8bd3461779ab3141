package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {

    /** -ln softmax(z)_c in double via a plain log-sum-exp (the reference). */
    private static double reference(double[] z, int c) {
        double max = Arrays.stream(z).max().orElseThrow();
        double s = 0;
        for (double v : z) s += Math.exp(v - max);
        return -(z[c] - max - Math.log(s));
    }

    @Test
    void lossMatchesLogSumExpInFloat64() {
        double[] z = {1.5, -0.25, 3.0, 0.0, -4.0};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(Precision.FP64);
        for (int c = 0; c < z.length; c++) {
            assertEquals(reference(z, c), ce.evaluate(z, z.length, c, 1, null), 1e-14);
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesInFloat64() {
        double[] z = {0.3, -1.7, 2.4, 0.9, -0.2, 1.1, -3.0};
        int n = 5;
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(Precision.FP64);
        for (int c = 0; c < z.length; c++) {
            double[] grad = new double[z.length];
            ce.evaluate(z, z.length, c, n, grad);
            for (int k = 0; k < z.length; k++) {
                double h = 1e-6;
                double[] up = z.clone();
                double[] down = z.clone();
                up[k] += h;
                down[k] -= h;
                double fd = (reference(up, c) - reference(down, c)) / (2 * h) / n;
                assertEquals(fd, grad[k], 1e-9, "c " + c + ", k " + k);
            }
        }
    }

    @Test
    void float32GradientAtTheTargetIsExactlyZeroOnceCollapsed() {
        double[] z = new double[113];
        Arrays.fill(z, -17);
        z[0] = 0;
        double[] grad = new double[113];
        double loss = new SoftmaxCrossEntropy(Precision.FP32).evaluate(z, 113, 0, 5107, grad);
        assertEquals(0.0, loss, 0);
        assertEquals(0.0, grad[0], 0);
        // the other entries stay tiny but non-zero in fp32: e^-17 / 5107 ~ 8e-12
        assertEquals(Math.exp(-17) / 5107, grad[1], 1e-6 * grad[1]);
    }

    @Test
    void float32DoesNotCollapseWithAGapOf16() {
        double[] z = new double[113];
        Arrays.fill(z, -16);
        z[0] = 0;
        double[] grad = new double[113];
        double loss = new SoftmaxCrossEntropy(Precision.FP32).evaluate(z, 113, 0, 1, grad);
        assertTrue(loss > 0);
        assertNotEquals(0.0, grad[0]);
    }

    @Test
    void float64NeedsAGapPast36() {
        double[] z = {0, -36.0, -40};
        assertTrue(new SoftmaxCrossEntropy(Precision.FP64).evaluate(z, 3, 0, 1, null) > 0);
        z[1] = -37.5;
        assertEquals(0.0, new SoftmaxCrossEntropy(Precision.FP64).evaluate(z, 3, 0, 1, null), 0);
    }

    @Test
    void float16GradientIsRoundedToHalfAndFlushesTinyTerms() {
        double[] z = {0, -6, -12};
        double[] grad = new double[3];
        new SoftmaxCrossEntropy(Precision.FP16).evaluate(z, 3, 0, 5107, grad);
        for (double g : grad) assertEquals(Precision.FP16.round(g), g, 0, "every entry is an fp16 value");
        // e^-12 / 5107 ~ 1.2e-9 is below half the smallest fp16 subnormal (2^-25 ~ 3e-8)
        assertEquals(0.0, grad[2], 0);
        assertTrue(grad[1] > 0);
    }

    /**
     * The row-of-floats entry point (the training loop's) gives the double-array path's loss and
     * gradient bit for bit: for float32 it is a separate float-arithmetic implementation.
     */
    @Test
    void floatRowsGiveTheSameBitsAsTheDoublePath() {
        java.util.Random rnd = new java.util.Random(3);
        for (int classes : new int[] {1, 2, 3, 5, 8, 113}) {
            int stride = classes + 3;
            int rows = 40;
            float[] logits = new float[rows * stride];
            for (int r = 0; r < rows; r++) {
                double scale = Math.pow(10, r % 5 - 1);   // from soft to fully collapsed rows
                for (int j = 0; j < classes; j++) logits[r * stride + j] = (float) (scale * rnd.nextGaussian());
            }
            int last = classes - 1;
            // row 10 has scale 0.1: a tie for the maximum that really is the maximum (argmax = the first)
            logits[10 * stride] = logits[10 * stride + last] = 50f;
            logits[5 * stride + last / 2] = 1e30f;            // everything else absorbed
            logits[11 * stride + last] = Float.NaN;
            logits[12 * stride + last / 2] = Float.POSITIVE_INFINITY;
            logits[13 * stride] = Float.NEGATIVE_INFINITY;    // a masked class
            for (Precision p : new Precision[] {Precision.FP32, Precision.FP16, Precision.BF16, Precision.FP64}) {
                SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(p);
                for (RowLoss loss : new RowLoss[] {ce, new StableMaxCrossEntropy()}) {
                    float[] grad = new float[rows * stride];
                    for (int r = 0; r < rows; r++) {
                        int target = (r * 31) % classes;
                        double[] z = new double[classes];
                        for (int j = 0; j < classes; j++) z[j] = logits[r * stride + j];
                        double[] g = new double[classes];
                        double expected = loss.evaluate(z, classes, target, 5107, g);
                        String where = p + " " + loss.getClass().getSimpleName() + " classes " + classes + " row " + r;
                        assertEquals(expected, loss.evaluate(logits, r * stride, classes, target, 5107, grad), 0, where);
                        assertEquals(expected, loss.evaluate(logits, r * stride, classes, target, 5107, null), 0, where);
                        for (int j = 0; j < classes; j++) {
                            assertEquals(Float.floatToRawIntBits((float) g[j]), Float.floatToRawIntBits(grad[r * stride + j]),
                                    where + " class " + j + ": " + g[j] + " vs " + grad[r * stride + j]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void vectorArgmaxIsTheFirstStrictMaximumAsAScalarLoopFindsIt() {
        java.util.Random rnd = new java.util.Random(3);
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, -1f};
        for (int classes = 1; classes <= 41; classes++) {
            for (int trial = 0; trial < 200; trial++) {
                float[] row = new float[classes + 3];
                for (int j = 0; j < row.length; j++) {
                    row[j] = rnd.nextInt(4) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextInt(5) - 2;
                }
                int expected = 0;
                for (int j = 1; j < classes; j++) if (row[2 + j] > row[2 + expected]) expected = j;
                assertEquals(expected, SoftmaxCrossEntropy.argmax(row, 2, classes), java.util.Arrays.toString(row));
            }
        }
    }
}
