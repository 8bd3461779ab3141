package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;
import lab.softmax.engine.nn.AdamW;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every point of the one-step sweep against a direct evaluation: from the trained parameters the test
 * builds the full-batch descent direction, ρ_a and the loss and test accuracy after a step of τ = r ρ_a
 * with its own plain loops (forward, backward, logit slopes by central differences), sharing no code
 * with {@link SmallNet} beyond the parameter layout its javadoc documents. The short Adam training that
 * produces the parameters is replayed with the engine's own pieces: it is the input, not what is checked.
 */
class OneStepSweepTest {
    private static final Dataset.Split BLOBS = Blobs.generate(Blobs.SEPARATION);

    @ParameterizedTest
    // The direct evaluation below (Plain) is written for SmallNet's linear and MLP forms; the other models'
    // losses and gradients are checked against finite differences in their own tests.
    @EnumSource(value = ModelKind.class, names = {"LINEAR", "MLP"})
    void everyPointIsTheLossOfADirectlyEvaluatedStep(ModelKind model) {
        long seed = 3;
        OneStepSweep.Config cfg = new OneStepSweep.Config(Choices.DatasetKind.BLOBS, model, 40, 1e-2, 1e-2, 1e2, 9, 0, seed);
        List<OneStepSweep.Point> streamed = new ArrayList<>();
        OneStepSweep.Result result = OneStepSweep.run(cfg, BLOBS, streamed::add, Progress.NONE, Cancellation.none());
        assertEquals(result.points(), streamed, "every point is streamed as it is measured");
        assertEquals(cfg.points(), result.points().size());

        Dataset train = BLOBS.train();
        SmallNet net = (SmallNet) StepSafetyData.model(model, cfg.dataset(), train.features(), train.classes());
        double[] theta = trainedParameters(net, cfg, train);
        Plain plain = new Plain(train.features(), net.hidden(), train.classes());

        double[] grad = new double[theta.length];
        double base = plain.lossAndGradient(theta, train, grad);
        assertEquals(base, result.baseLoss(), 1e-12 * base, "loss at the trained point");
        double norm = 0;
        for (double g : grad) norm += g * g;
        norm = Math.sqrt(norm);
        double[] v = new double[theta.length];
        for (int i = 0; i < v.length; i++) v[i] = -grad[i] / norm;
        double rhoA = Math.PI / plain.maxSlopeSpread(theta, v, train);
        assertEquals(rhoA, result.rhoA(), 1e-6 * rhoA, "ρ_a = π / max over samples of the logit-slope spread");
        double baseAcc = plain.accuracy(theta, BLOBS.test());
        assertEquals(baseAcc, result.baseTestAcc(), 0.0);

        for (int j = 0; j < cfg.points(); j++) {
            OneStepSweep.Point p = result.points().get(j);
            double r = cfg.rMin() * Math.pow(cfg.rMax() / cfg.rMin(), j / (cfg.points() - 1.0));
            String at = model + " point " + j + " r=" + r;
            assertEquals(r, p.r(), 1e-12 * r, "log-spaced r, " + at);
            assertEquals(r * rhoA, p.tau(), 1e-6 * r * rhoA, "τ = r ρ_a, " + at);
            double[] moved = new double[theta.length];
            for (int i = 0; i < moved.length; i++) moved[i] = theta[i] + p.tau() * v[i];
            double loss = plain.lossAndGradient(moved, train, null);
            assertEquals(loss, p.trainLoss(), 1e-9 * loss, "loss after the step, " + at);
            assertEquals(loss / base, p.lossRatio(), 1e-9 * loss / base, at);
            double acc = plain.accuracy(moved, BLOBS.test());
            assertEquals(acc, p.testAcc(), 0.0, "test accuracy after the step, " + at);
            assertEquals(acc / baseAcc, p.accuracyRetained(), 1e-15, at);
        }
    }

    /** The sweep's own training, replayed: initial draw, then Adam on seeded minibatches of 64. */
    private static double[] trainedParameters(SmallNet net, OneStepSweep.Config cfg, Dataset train) {
        double[] theta = net.initialParameters(new PaperRandom(OneStepSweep.INIT_SEED + cfg.seed()));
        double[] g = new double[theta.length];
        AdamW.PaperForm adam = StepSafetyRun.adam(theta.length);
        PaperRandom batches = new PaperRandom(OneStepSweep.BATCH_SEED + cfg.seed());
        int[] rows = new int[64];
        for (int t = 0; t < cfg.trainSteps(); t++) {
            for (int i = 0; i < rows.length; i++) rows[i] = batches.index(train.size());
            net.lossAndGradient(theta, train, rows, g);
            adam.step(theta, g, cfg.lr());
        }
        return theta;
    }

    /** Softmax regression or a one-hidden-layer ReLU MLP in plain loops; layout [W1, b1, W2, b2] or [W, b]. */
    private record Plain(int inputs, int hidden, int classes) {
        double[] logits(double[] theta, double[] x, double[] hiddenOut) {
            double[] features = x;
            int offset = 0;
            if (hidden > 0) {
                features = new double[hidden];
                for (int h = 0; h < hidden; h++) {
                    double s = theta[hidden * inputs + h];
                    for (int d = 0; d < inputs; d++) s += theta[h * inputs + d] * x[d];
                    features[h] = Math.max(0, s);
                    if (hiddenOut != null) hiddenOut[h] = s;
                }
                offset = hidden * inputs + hidden;
            }
            int width = features.length;
            double[] z = new double[classes];
            for (int c = 0; c < classes; c++) {
                double s = theta[offset + classes * width + c];
                for (int j = 0; j < width; j++) s += theta[offset + c * width + j] * features[j];
                z[c] = s;
            }
            return z;
        }

        /** Mean cross-entropy over the set; with grad != null, its gradient by backpropagation. */
        double lossAndGradient(double[] theta, Dataset data, double[] grad) {
            if (grad != null) java.util.Arrays.fill(grad, 0);
            double total = 0;
            double[] pre = new double[hidden];
            int offset = hidden > 0 ? hidden * inputs + hidden : 0;
            for (int i = 0; i < data.size(); i++) {
                double[] x = data.x()[i];
                double[] z = logits(theta, x, pre);
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) max = Math.max(max, v);
                double sum = 0;
                for (double v : z) sum += Math.exp(v - max);
                int y = data.y()[i];
                total += Math.log(sum) + max - z[y];
                if (grad == null) continue;
                double[] features = x;
                if (hidden > 0) {
                    features = new double[hidden];
                    for (int h = 0; h < hidden; h++) features[h] = Math.max(0, pre[h]);
                }
                int width = features.length;
                double[] back = new double[width];
                for (int c = 0; c < classes; c++) {
                    double delta = (Math.exp(z[c] - max) / sum - (c == y ? 1 : 0)) / data.size();
                    grad[offset + classes * width + c] += delta;
                    for (int j = 0; j < width; j++) {
                        grad[offset + c * width + j] += delta * features[j];
                        back[j] += theta[offset + c * width + j] * delta;
                    }
                }
                for (int h = 0; h < hidden; h++) {
                    if (!(pre[h] > 0)) continue;
                    grad[hidden * inputs + h] += back[h];
                    for (int d = 0; d < inputs; d++) grad[h * inputs + d] += back[h] * x[d];
                }
            }
            return total / data.size();
        }

        double accuracy(double[] theta, Dataset data) {
            int right = 0;
            for (int i = 0; i < data.size(); i++) {
                double[] z = logits(theta, data.x()[i], null);
                int best = 0;
                for (int c = 1; c < classes; c++) if (z[c] > z[best]) best = c;
                if (best == data.y()[i]) right++;
            }
            return (double) right / data.size();
        }

        /** max over samples of (max_k a_k - min_k a_k), a = dz/dτ along v by central differences. */
        double maxSlopeSpread(double[] theta, double[] v, Dataset data) {
            double eps = 1e-6;
            double[] up = new double[theta.length];
            double[] down = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                up[i] = theta[i] + eps * v[i];
                down[i] = theta[i] - eps * v[i];
            }
            double worst = 0;
            for (int i = 0; i < data.size(); i++) {
                double[] zu = logits(up, data.x()[i], null);
                double[] zd = logits(down, data.x()[i], null);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double a = (zu[c] - zd[c]) / (2 * eps);
                    lo = Math.min(lo, a);
                    hi = Math.max(hi, a);
                }
                worst = Math.max(worst, hi - lo);
            }
            return worst;
        }
    }
}
