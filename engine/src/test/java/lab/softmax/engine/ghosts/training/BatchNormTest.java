package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * BatchNorm's two modes against values worked out by hand (torch.nn.BatchNorm1d semantics: biased
 * variance to normalise, unbiased variance into the running average, momentum 0.1, ε = 1e-5), and the
 * CNN+BN's use of them: batch statistics in its training step, running statistics everywhere else.
 */
class BatchNormTest {
    private static final double EPS = 1e-5;
    /** γ = (2, 0.5), β = (0.5, −1) at offsets 0 and 2. */
    private static final double[] THETA = {2, 0.5, 0.5, -1};

    /** Four rows of two channels: channel 0 is 1, 2, 3, 4 (mean 2.5, variance 1.25, unbiased 5/3); channel 1 is −2, 0, 0, 2 (mean 0, variance 2, unbiased 8/3). */
    private static final double[] BATCH = {1, -2, 2, 0, 3, 0, 4, 2};

    @Test
    void trainingModeNormalisesByTheBatchAndMovesTheRunningStatistics() {
        BatchNorm bn = new BatchNorm(2);
        double[] hat = new double[8];
        double[] y = new double[8];
        bn.trainForward(THETA, 0, 2, BATCH, 4, hat, y);
        double s0 = Math.sqrt(1.25 + EPS);
        double s1 = Math.sqrt(2 + EPS);
        double[] expected = {
            2 * (-1.5 / s0) + 0.5, 0.5 * (-2 / s1) - 1,
            2 * (-0.5 / s0) + 0.5, 0.5 * (0 / s1) - 1,
            2 * (0.5 / s0) + 0.5, 0.5 * (0 / s1) - 1,
            2 * (1.5 / s0) + 0.5, 0.5 * (2 / s1) - 1,
        };
        assertArrayEquals(expected, y, 1e-15);
        assertArrayEquals(new double[] {0.1 * 2.5, 0}, bn.runningMean(), 1e-16);
        assertArrayEquals(new double[] {0.9 + 0.1 * 5 / 3.0, 0.9 + 0.1 * 8 / 3.0}, bn.runningVar(), 1e-15);
        // a second batch: the averages compound with momentum 0.1 (channel 0 is 10, 10, 10, 14: mean 11, unbiased 4)
        bn.trainForward(THETA, 0, 2, new double[] {10, 0, 10, 0, 10, 0, 14, 0}, 4, hat, y);
        assertArrayEquals(new double[] {0.9 * 0.25 + 0.1 * 11, 0}, bn.runningMean(), 1e-15);
        assertArrayEquals(new double[] {0.9 * (0.9 + 0.5 / 3) + 0.1 * 4, 0.9 * (0.9 + 0.8 / 3)}, bn.runningVar(), 1e-15);
    }

    @Test
    void inferenceModeUsesTheRunningStatisticsNotTheBatch() {
        BatchNorm bn = new BatchNorm(2);
        double[] hat = new double[8];
        double[] y = new double[8];
        // fresh layer: running mean 0, variance 1, so inference is γ·u/√(1 + ε) + β whatever the rows are
        bn.evalForward(THETA, 0, 2, BATCH, 0, 4, hat, y);
        assertEquals(2 * 1 / Math.sqrt(1 + EPS) + 0.5, y[0], 1e-15);
        assertEquals(0.5 * -2 / Math.sqrt(1 + EPS) - 1, y[1], 1e-15);
        assertEquals(2 * 4 / Math.sqrt(1 + EPS) + 0.5, y[6], 1e-15);
        bn.trainForward(THETA, 0, 2, BATCH, 4, hat, y);
        // one row (3, 1) after one training batch: running mean (0.25, 0), variance (16/15, 7/6)
        double[] one = new double[2];
        bn.evalForward(THETA, 0, 2, new double[] {3, 1}, 0, 1, new double[2], one);
        assertEquals(2 * (3 - 0.25) / Math.sqrt(16 / 15.0 + EPS) + 0.5, one[0], 1e-14);
        assertEquals(0.5 * 1 / Math.sqrt(7 / 6.0 + EPS) - 1, one[1], 1e-14);
        assertArrayEquals(new double[] {0.25, 0}, bn.runningMean(), 1e-16, "inference leaves the running statistics alone");
    }

    @Test
    void trainingBackwardIsTheGradientThroughTheBatchStatistics() {
        // loss = Σ w_i y_i: dL/du by central differences of a fresh layer's training forward
        double[] w = {0.3, -1.1, 0.7, 0.2, -0.4, 0.9, 1.5, -0.6};
        BatchNorm bn = new BatchNorm(2);
        double[] hat = new double[8];
        double[] y = new double[8];
        bn.trainForward(THETA, 0, 2, BATCH, 4, hat, y);
        double[] grad = new double[4];
        double[] du = new double[8];
        bn.trainBackward(THETA, 0, 2, hat, w.clone(), 4, grad, du);
        double h = 1e-6;
        for (int i = 0; i < 8; i++) {
            double[] up = BATCH.clone();
            double[] down = BATCH.clone();
            up[i] += h;
            down[i] -= h;
            assertEquals((weighted(up, w) - weighted(down, w)) / (2 * h), du[i], 1e-8, "du[" + i + "]");
        }
        // dL/dγ_c = Σ w·x̂ and dL/dβ_c = Σ w over the channel's rows
        assertEquals(w[0] * hat[0] + w[2] * hat[2] + w[4] * hat[4] + w[6] * hat[6], grad[0], 1e-15);
        assertEquals(w[1] + w[3] + w[5] + w[7], grad[3], 1e-15);
    }

    private static double weighted(double[] u, double[] w) {
        double[] y = new double[8];
        new BatchNorm(2).trainForward(THETA, 0, 2, u, 4, new double[8], y);
        double s = 0;
        for (int i = 0; i < 8; i++) s += w[i] * y[i];
        return s;
    }

    /**
     * The CNN+BN model: its training step normalises by the batch (so a sample's training-mode logits depend
     * on the other rows) and moves the running statistics by 0.1 towards the batch's conv1 statistics,
     * computed here by a plain loop over the documented parameter layout; evaluation uses the running ones.
     */
    @Test
    void theCnnTrainsWithBatchStatisticsAndEvaluatesWithRunningOnes() {
        Dataset.Split digits = Digits.load(DigitsTest.file(), 0);
        int channels = 3;
        int length = 64;
        ConvNet model = new ConvNet(length, channels, 10, true);
        double[] theta = model.initialParameters(new PaperRandom(4));
        int[] rows = {2, 9, 40};
        // conv1 outputs by hand: u[c][l] = b[c] + Σ_k W[c][k] x[l + k − 1] (zero padding)
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        for (int row : rows) {
            double[] x = digits.train().x()[row];
            for (int c = 0; c < channels; c++) {
                for (int l = 0; l < length; l++) {
                    double u = theta[3 * channels + c];
                    for (int k = 0; k < 3; k++) {
                        int j = l + k - 1;
                        if (j >= 0 && j < length) u += theta[c * 3 + k] * x[j];
                    }
                    sum[c] += u;
                    sumSq[c] += u * u;
                }
            }
        }
        int n = rows.length * length;
        double[] before = model.logits(theta, digits.train().x()[0]);
        model.trainingLossAndGradient(theta, digits.train(), rows, new double[theta.length]);
        double[][] stats = model.runningStatistics(1);
        for (int c = 0; c < channels; c++) {
            double mean = sum[c] / n;
            double unbiased = (sumSq[c] - n * mean * mean) / (n - 1);
            assertEquals(0.1 * mean, stats[0][c], 1e-12, "running mean, channel " + c);
            assertEquals(0.9 + 0.1 * unbiased, stats[1][c], 1e-10, "running variance, channel " + c);
        }
        double[] after = model.logits(theta, digits.train().x()[0]);
        assertNotEqualArrays(before, after, "same θ, new running statistics: the inference function moved");
        // a batch's training-mode loss is not the mean of its rows' losses normalised on their own; the inference loss is
        double[] g = new double[theta.length];
        double mixed = model.trainingLossAndGradient(theta, digits.train(), new int[] {2, 9}, g);
        double separate = (model.trainingLossAndGradient(theta, digits.train(), new int[] {2, 2}, g)
                + model.trainingLossAndGradient(theta, digits.train(), new int[] {9, 9}, g)) / 2;
        assertTrue(Math.abs(mixed - separate) > 1e-3, "batch coupling: " + mixed + " vs " + separate);
        double evalMixed = model.lossAndGradient(theta, digits.train(), new int[] {2, 9}, g);
        double evalSeparate = (model.lossAndGradient(theta, digits.train(), new int[] {2, 2}, g)
                + model.lossAndGradient(theta, digits.train(), new int[] {9, 9}, g)) / 2;
        assertEquals(evalSeparate, evalMixed, 1e-13);
    }

    private static void assertNotEqualArrays(double[] a, double[] b, String message) {
        assertTrue(!java.util.Arrays.equals(a, b), message);
    }
}
