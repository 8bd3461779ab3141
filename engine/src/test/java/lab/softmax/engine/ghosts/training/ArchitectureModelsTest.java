package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import lab.softmax.engine.ghosts.training.Choices.DatasetKind;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;
import org.junit.jupiter.api.Test;

/**
 * The architecture-grid models (MLP+LayerNorm, one-block Transformer, CNN with and without BatchNorm):
 * hand-written gradients and forward-mode slopes against central finite differences in float64. Reduced
 * widths are checked in every parameter; the paper's sizes in a sample of parameters.
 */
class ArchitectureModelsTest {
    private static final Dataset.Split DIGITS = Digits.load(DigitsTest.file(), 0);
    private static final int[] ROWS = {0, 7, 19, 250, 901};
    private static final double H = 1e-5;
    /** Smaller for the slopes: a step of 1e-5 along a dense random direction can cross a ReLU kink of the CNN. */
    private static final double H_SLOPE = 1e-6;

    private record Case(String name, StepSafetyModel model, boolean allParameters) { }

    private static List<Case> cases() {
        List<Case> list = new ArrayList<>();
        list.add(new Case("mlp-ln 3x8", new MlpLayerNorm(64, 8, 3, 10), true));
        list.add(new Case("transformer d=4", new TinyTransformer(64, 4, 10), true));
        list.add(new Case("cnn 4 channels", new ConvNet(64, 4, 10, false), true));
        list.add(new Case("cnn-bn 4 channels", new ConvNet(64, 4, 10, true), true));
        for (ModelKind kind : List.of(ModelKind.MLP_LN, ModelKind.TRANSFORMER, ModelKind.CNN_BN)) {
            list.add(new Case(kind.id(), StepSafetyData.model(kind, DatasetKind.DIGITS, 64, 10), false));
        }
        return list;
    }

    /** The initialisation moved by 0.3·N(0,1) everywhere, so LayerNorm/BatchNorm γ ≠ 1 and β ≠ 0. */
    private static double[] perturbed(StepSafetyModel model, long seed) {
        double[] theta = model.initialParameters(new PaperRandom(seed));
        PaperRandom rng = new PaperRandom(seed + 1);
        for (int i = 0; i < theta.length; i++) theta[i] += 0.3 * rng.normal();
        return theta;
    }

    private static int[] indices(Case c, int n) {
        if (c.allParameters()) return java.util.stream.IntStream.range(0, n).toArray();
        PaperRandom rng = new PaperRandom(99);
        int[] out = new int[60];
        for (int i = 0; i < out.length; i++) out[i] = rng.index(n);
        return out;
    }

    private static void checkAgainstCentralDifferences(String what, double[] theta, double[] grad, int[] indices,
                                                       ToDoubleFunction<double[]> loss) {
        for (int i : indices) {
            double saved = theta[i];
            theta[i] = saved + H;
            double up = loss.applyAsDouble(theta);
            theta[i] = saved - H;
            double down = loss.applyAsDouble(theta);
            theta[i] = saved;
            double numeric = (up - down) / (2 * H);
            assertEquals(numeric, grad[i], 1e-6 * Math.max(Math.abs(numeric), 1e-3), what + ", parameter " + i);
        }
    }

    @Test
    void inferenceGradientsMatchCentralDifferences() {
        for (Case c : cases()) {
            StepSafetyModel model = c.model();
            double[] theta = perturbed(model, 3);
            double[] scratch = new double[theta.length];
            // two training steps' worth of running statistics, so BatchNorm's inference map is not the identity
            model.trainingLossAndGradient(theta, DIGITS.train(), new int[] {3, 4, 5, 6}, scratch);
            model.trainingLossAndGradient(theta, DIGITS.train(), new int[] {30, 40, 50}, scratch);
            double[] grad = new double[theta.length];
            model.lossAndGradient(theta, DIGITS.train(), ROWS, grad);
            checkAgainstCentralDifferences(c.name() + " (inference)", theta, grad, indices(c, theta.length),
                    t -> model.lossAndGradient(t, DIGITS.train(), ROWS, scratch));
        }
    }

    @Test
    void trainingModeGradientsMatchCentralDifferencesThroughTheBatchStatistics() {
        for (Case c : cases()) {
            StepSafetyModel model = c.model();
            double[] theta = perturbed(model, 5);
            double[] grad = new double[theta.length];
            double[] scratch = new double[theta.length];
            model.trainingLossAndGradient(theta, DIGITS.train(), ROWS, grad);
            // the training loss does not depend on the running statistics these calls keep updating
            checkAgainstCentralDifferences(c.name() + " (training)", theta, grad, indices(c, theta.length),
                    t -> model.trainingLossAndGradient(t, DIGITS.train(), ROWS, scratch));
        }
    }

    @Test
    void slopesAreTheDirectionalDerivativesOfTheLogits() {
        for (Case c : cases()) {
            StepSafetyModel model = c.model();
            double[] theta = perturbed(model, 7);
            model.trainingLossAndGradient(theta, DIGITS.train(), ROWS, new double[theta.length]);
            PaperRandom rng = new PaperRandom(8);
            double[] v = new double[theta.length];
            for (int i = 0; i < v.length; i++) v[i] = rng.normal();
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            for (int i = 0; i < theta.length; i++) {
                plus[i] += H_SLOPE * v[i];
                minus[i] -= H_SLOPE * v[i];
            }
            double[] z = new double[10];
            double[] a = new double[10];
            for (int s = 0; s < 12; s++) {
                double[] x = DIGITS.train().x()[s];
                model.logitsAndSlopes(theta, v, x, z, a);
                assertEquals(java.util.Arrays.toString(model.logits(theta, x)), java.util.Arrays.toString(z), c.name());
                double[] zp = model.logits(plus, x);
                double[] zm = model.logits(minus, x);
                for (int k = 0; k < 10; k++) {
                    double numeric = (zp[k] - zm[k]) / (2 * H_SLOPE);
                    assertEquals(numeric, a[k], 1e-6 * Math.max(Math.abs(numeric), 1), c.name() + " sample " + s + " class " + k);
                }
            }
        }
    }

    /**
     * One token: softmax over a single key is exactly 1, so the query and key rows of W_qkv (rows 0..2d of the
     * fused projection and their biases) change nothing — zero gradient, zero slope, identical logits.
     */
    @Test
    void theTransformersQueryAndKeyRowsHaveNoEffectWithOneToken() {
        int d = 32;
        TinyTransformer model = new TinyTransformer(64, d, 10);
        double[] theta = perturbed(model, 11);
        int qkv = d * 64 + d;
        int qkvBias = qkv + 3 * d * d;
        List<Integer> queryKey = new ArrayList<>();
        for (int i = 0; i < 2 * d * d; i++) queryKey.add(qkv + i);
        for (int i = 0; i < 2 * d; i++) queryKey.add(qkvBias + i);
        double[] grad = new double[theta.length];
        model.lossAndGradient(theta, DIGITS.train(), ROWS, grad);
        double[] moved = theta.clone();
        double[] v = new double[theta.length];
        for (int i : queryKey) {
            assertEquals(0.0, grad[i], "gradient of parameter " + i);
            moved[i] += 5;
            v[i] = 1;
        }
        double[] x = DIGITS.train().x()[0];
        assertEquals(java.util.Arrays.toString(model.logits(theta, x)), java.util.Arrays.toString(model.logits(moved, x)));
        double[] z = new double[10];
        double[] a = new double[10];
        model.logitsAndSlopes(theta, v, x, z, a);
        for (double slope : a) assertEquals(0.0, slope);
        // …while the value rows do move the logits
        moved = theta.clone();
        moved[qkv + 2 * d * d] += 5;
        assertNotEquals(java.util.Arrays.toString(model.logits(theta, x)), java.util.Arrays.toString(model.logits(moved, x)));
    }

    @Test
    void parameterCountsAreTorchs() {
        // torch: sum(p.numel() for p in model.parameters()) for the archgrid classes with 64 inputs and 10 classes
        assertEquals(64 * 64 + 64 + 2 * 64 + 2 * (64 * 64 + 64 + 2 * 64) + 64 * 10 + 10,
                StepSafetyData.model(ModelKind.MLP_LN, DatasetKind.DIGITS, 64, 10).parameterCount());
        assertEquals(64 * 32 + 32 + 32 * 96 + 96 + 32 * 32 + 32 + 32 * 128 + 128 + 128 * 32 + 32 + 4 * 32 + 32 * 10 + 10,
                StepSafetyData.model(ModelKind.TRANSFORMER, DatasetKind.DIGITS, 64, 10).parameterCount());
        assertEquals(32 * 3 + 32 + 2 * 32 + 32 * 32 * 3 + 32 + 2 * 32 + 32 * 10 + 10,
                StepSafetyData.model(ModelKind.CNN_BN, DatasetKind.DIGITS, 64, 10).parameterCount());
        assertEquals(32 * 3 + 32 + 32 * 32 * 3 + 32 + 32 * 10 + 10,
                StepSafetyData.model(ModelKind.CNN, DatasetKind.DIGITS, 64, 10).parameterCount());
    }

    @Test
    void aFreshInitialisationResetsTheRunningStatistics() {
        ConvNet model = new ConvNet(64, 4, 10, true);
        double[] theta = model.initialParameters(new PaperRandom(1));
        model.trainingLossAndGradient(theta, DIGITS.train(), ROWS, new double[theta.length]);
        assertTrue(model.runningStatistics(1)[0][0] != 0);
        model.initialParameters(new PaperRandom(1));
        for (int layer = 1; layer <= 2; layer++) {
            for (double m : model.runningStatistics(layer)[0]) assertEquals(0.0, m);
            for (double s : model.runningStatistics(layer)[1]) assertEquals(1.0, s);
        }
    }
}
