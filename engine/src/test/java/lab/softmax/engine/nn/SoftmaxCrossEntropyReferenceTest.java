package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import lab.softmax.engine.distributions.BigReference;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The low-precision softmax cross-entropy against references that share no code with it: bit for bit
 * against torch's operations written out in Java float arithmetic ({@link TorchCrossEntropy}), and
 * within a derived rounding bound against the 45-digit BigDecimal log-sum-exp. Rows of 1 to 23 classes
 * (awkward lengths for the vector lanes), logits of scale 0.1 to 30, every target.
 */
class SoftmaxCrossEntropyReferenceTest {
    private static float[] row(Random rnd, int classes) {
        float[] z = new float[classes];
        double scale = new double[] {0.1, 1, 4, 30}[rnd.nextInt(4)];
        for (int j = 0; j < classes; j++) z[j] = (float) (scale * rnd.nextGaussian());
        return z;
    }

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FP16", "BF16", "FP32"})
    void lossAndGradientAreTorchsOperationsBitForBit(Precision p) {
        Random rnd = new Random(17 + p.ordinal());
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(p);
        for (int classes = 1; classes <= 23; classes++) {
            for (int trial = 0; trial < 40; trial++) {
                float[] z = row(rnd, classes);
                int target = rnd.nextInt(classes);
                int batch = 1 + rnd.nextInt(5000);
                String at = p + " classes=" + classes + " target=" + target + " N=" + batch + " z=" + java.util.Arrays.toString(z);
                float[] grad = new float[classes];
                double loss = ce.evaluate(z, 0, classes, target, batch, grad);
                assertEquals(TorchCrossEntropy.loss(z, target, p), loss, 0.0, "loss " + at);
                double[] expected = TorchCrossEntropy.gradient(z, target, batch, p);
                for (int j = 0; j < classes; j++) assertEquals(expected[j], grad[j], 0.0, "gradient [" + j + "] " + at);
            }
        }
    }

    /**
     * Against the exact loss of the logits as the precision holds them, x = round(z):
     * loss = log sum exp(x - max) - (x_c - max). The engine computes x_c - max, the exps and their sum and
     * the log in the internal precision (fp32 for the 16-bit formats; u_i) and stores out_c in the precision
     * (u): |error| <= u |loss| + u_i ((|x_c - max| + lse) (1 + u_i) + (classes + 3) lse') where lse' =
     * max(lse, 1) bounds the sum's relative error's effect on its log, to first order, doubled for safety.
     * The gradient, (softmax_j - [j = c]) / N exactly, is computed from exp(out_j) with out_j stored in the
     * precision: relative error u (|out_j| + 3) on softmax_j, plus the rounding of the result.
     */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void lossAndGradientAreWithinTheirRoundingBoundOfTheBigDecimalReference(Precision p) {
        Random rnd = new Random(29 + p.ordinal());
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(p);
        double u = p.unitRoundoff();
        double ui = Rounding.internal(p).unitRoundoff();
        for (int classes = 1; classes <= 23; classes += 2) {
            for (int trial = 0; trial < 10; trial++) {
                float[] z = row(rnd, classes);
                int target = rnd.nextInt(classes);
                int batch = 1 + rnd.nextInt(100);
                double[] x = new double[classes];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < classes; j++) {
                    x[j] = p.round(z[j]);
                    max = Math.max(max, x[j]);
                }
                double lse = BigReference.logSumExp(x, 1.0) - max;
                double exact = lse + (max - x[target]);
                double[] softmax = BigReference.softmax(x, 1.0);
                String at = p + " classes=" + classes + " target=" + target + " z=" + java.util.Arrays.toString(z);

                double[] grad = new double[classes];
                double[] zd = new double[classes];
                for (int j = 0; j < classes; j++) zd[j] = z[j];
                double loss = ce.evaluate(zd, classes, target, batch, grad);
                double tol = 2 * (u * exact + ui * ((max - x[target] + lse) * (1 + ui) + (classes + 3) * Math.max(lse, 1)));
                assertEquals(exact, loss, tol, "loss " + at);
                for (int j = 0; j < classes; j++) {
                    double g = (softmax[j] - (j == target ? 1 : 0)) / batch;
                    double out = Math.abs(Math.log(softmax[j]));
                    double gTol = 2 * (u * (out + 3) * softmax[j] / batch + u * Math.abs(g) + u / batch) + p.minSubnormal();
                    assertEquals(g, grad[j], gTol, "gradient [" + j + "] " + at);
                }
            }
        }
    }
}
