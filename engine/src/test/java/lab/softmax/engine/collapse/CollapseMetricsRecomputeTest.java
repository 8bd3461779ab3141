package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.nn.Mlp;
import lab.softmax.engine.nn.Parameter;
import lab.softmax.engine.nn.SparseRows;
import lab.softmax.engine.nn.TorchCrossEntropy;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * Every logged Collapse metric recomputed by plain loops that share no code with the trainer, from a
 * small trained model's weights and logits, and compared field by field. The losses and the SC test
 * are redone in Java float arithmetic with the JDK's float16 conversion, in torch's order of
 * operations (docs/labs/collapse.md, "Metrics"); the NLM cosine from a float64 backward pass.
 * Two models: an fp16 loss whose SC fraction is between 0 and 1, and an fp32 loss at a large learning
 * rate whose SC and zero-loss fractions are.
 */
class CollapseMetricsRecomputeTest {
    private static CollapseConfig config(Precision loss, double lr, int epochs) {
        return new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 23, 0.5, List.of(32, 32), OptimizerKind.ADAMW,
                lr, 0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, loss, false, epochs, epochs, 42, 3, 40, 2000);
    }

    @Test
    void fp16LossMetricsMatchAnIndependentRecomputation() {
        EpochMetrics last = checkFirstAndLast(config(Precision.FP16, 0.01, 300));
        assertTrue(last.scFraction() > 0.1 && last.scFraction() < 0.9, "fp16 SC fraction should be partial: " + last);
    }

    @Test
    void fp32LossMetricsMatchAnIndependentRecomputation() {
        EpochMetrics last = checkFirstAndLast(config(Precision.FP32, 0.1, 250));
        assertTrue(last.zeroLossFraction() > 0.05 && last.zeroLossFraction() < 0.95, "zero-loss fraction should be partial: " + last);
        assertTrue(last.scFraction() > 0.05 && last.scFraction() < 0.95, "SC fraction should be partial: " + last);
    }

    /** Epoch 0 on a fresh model, the last epoch on the trained one; returns the trained metrics. */
    private static EpochMetrics checkFirstAndLast(CollapseConfig config) {
        EpochMetrics initial = recompute(new CollapseTrainer(config, 1), 0);
        CollapseTrainer trainer = new CollapseTrainer(config, 1);
        trainer.run(Cancellation.none(), Progress.NONE, m -> { });
        List<EpochMetrics> history = trainer.history();
        assertEquals(2, history.size());
        assertSameMetrics(initial, history.getFirst());
        EpochMetrics last = recompute(trainer, config.epochs());
        assertSameMetrics(last, history.getLast());
        return last;
    }

    private static void assertSameMetrics(EpochMetrics expected, EpochMetrics actual) {
        String at = "epoch " + actual.epoch();
        assertEquals(expected.epoch(), actual.epoch());
        // the row losses are the same float values summed in the same order: only the order of the double sum may differ
        assertEquals(expected.trainLoss(), actual.trainLoss(), 1e-12 * Math.abs(expected.trainLoss()), "train_loss " + at);
        assertEquals(expected.testLoss(), actual.testLoss(), 1e-12 * Math.abs(expected.testLoss()), "test_loss " + at);
        assertEquals(expected.trainAcc(), actual.trainAcc(), 0.0, "train_acc " + at);
        assertEquals(expected.testAcc(), actual.testAcc(), 0.0, "test_acc " + at);
        assertEquals(expected.scFraction(), actual.scFraction(), 0.0, "sc_fraction " + at);
        assertEquals(expected.zeroLossFraction(), actual.zeroLossFraction(), 0.0, "zero_loss_fraction " + at);
        assertEquals(expected.meanAbsLogit(), actual.meanAbsLogit(), 1e-12 * expected.meanAbsLogit(), "mean_abs_logit " + at);
        assertEquals(expected.meanTop2Gap(), actual.meanTop2Gap(), 1e-12 * expected.meanTop2Gap(), "mean_top2_gap " + at);
        assertEquals(expected.weightNorm(), actual.weightNorm(), 1e-12 * expected.weightNorm(), "weight_norm " + at);
        // float32 backward against a float64 one (measured: cosines within 6e-9)
        assertEquals(expected.nlmCosine(), actual.nlmCosine(), 1e-7, "nlm_cosine " + at);
    }

    /** The metrics at the trainer's current parameters, from its weights and its model's float logits. */
    private static EpochMetrics recompute(CollapseTrainer trainer, int epoch) {
        CollapseData data = trainer.data();
        Precision precision = trainer.config().lossPrecision();
        List<Parameter> weights = trainer.parameters();
        int classes = data.classes();
        float[][] train = logits(trainer.model(), data.trainX(), classes);
        float[][] test = logits(trainer.model(), data.testX(), classes);
        assertLogitsMatchAPlainForwardPass(weights, data.trainX(), train);

        int n = train.length;
        double lossSum = 0;
        int correct = 0;
        int collapsed = 0;
        int zero = 0;
        double absSum = 0;
        double gapSum = 0;
        double[][] logitGrad = new double[n][];
        for (int r = 0; r < n; r++) {
            int label = data.trainY()[r];
            float loss = TorchCrossEntropy.loss(train[r], label, precision);
            lossSum += loss;
            if (loss == 0) zero++;
            if (argmax(train[r]) == label) correct++;
            if (TorchCrossEntropy.sumExpForCollapse(train[r], precision) == 1f) collapsed++;
            float first = Float.NEGATIVE_INFINITY;
            float second = Float.NEGATIVE_INFINITY;
            for (float z : train[r]) {
                absSum += Math.abs(z);
                if (z > first) {
                    second = first;
                    first = z;
                } else if (z > second) {
                    second = z;
                }
            }
            gapSum += (double) first - second;
            logitGrad[r] = TorchCrossEntropy.gradient(train[r], label, n, precision);
        }
        double testLoss = 0;
        int testCorrect = 0;
        for (int r = 0; r < test.length; r++) {
            testLoss += TorchCrossEntropy.loss(test[r], data.testY()[r], precision);
            if (argmax(test[r]) == data.testY()[r]) testCorrect++;
        }
        double[][] grads = backward(weights, data.trainX(), logitGrad);
        double ww = 0;
        double gw = 0;
        double gg = 0;
        for (int l = 0; l < weights.size(); l++) {
            double[] w = weights.get(l).value();
            for (int i = 0; i < w.length; i++) {
                ww += w[i] * w[i];
                gw += grads[l][i] * w[i];
                gg += grads[l][i] * grads[l][i];
            }
        }
        return new EpochMetrics(epoch, lossSum / n, (double) correct / n, testLoss / test.length,
                (double) testCorrect / test.length, (double) collapsed / n, (double) zero / n,
                absSum / ((double) n * classes), gapSum / n, Math.sqrt(ww), -gw / Math.sqrt(gg * ww), 0);
    }

    /** The model's float logits, one row per sample, without the padding columns. */
    private static float[][] logits(Mlp model, SparseRows x, int classes) {
        Mlp.Workspace ws = model.workspace(x);
        model.forward(ws);
        float[][] rows = new float[x.rows()][classes];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(ws.logits(), r * model.logitStride(), rows[r], 0, classes);
        }
        return rows;
    }

    private static int argmax(float[] z) {
        int best = 0;
        for (int j = 1; j < z.length; j++) if (z[j] > z[best]) best = j;
        return best;
    }

    /** Pre-activations of every layer of a plain float64 ReLU MLP (no biases: the modular task). */
    private static double[][] forward(List<Parameter> weights, SparseRows x, int row) {
        double[][] pre = new double[weights.size()][];
        double[] in = new double[x.dimension()];
        for (int t = x.start()[row]; t < x.start()[row + 1]; t++) in[x.index()[t]] = 1;
        for (int l = 0; l < weights.size(); l++) {
            Parameter w = weights.get(l);
            pre[l] = new double[w.rows()];
            for (int o = 0; o < w.rows(); o++) {
                double s = 0;
                for (int i = 0; i < w.cols(); i++) s += w.value()[o * w.cols() + i] * in[i];
                pre[l][o] = s;
            }
            in = new double[w.rows()];
            for (int o = 0; o < w.rows(); o++) in[o] = Math.max(0, pre[l][o]);
        }
        return pre;
    }

    private static void assertLogitsMatchAPlainForwardPass(List<Parameter> weights, SparseRows x, float[][] logits) {
        for (int r = 0; r < logits.length; r++) {
            double[] z = forward(weights, x, r)[weights.size() - 1];
            for (int j = 0; j < z.length; j++) {
                assertEquals(z[j], logits[r][j], 1e-5 * (1 + Math.abs(z[j])), "logit [" + r + "][" + j + "]");
            }
        }
    }

    /** dL/dW of every layer in float64, from the given dL/dlogits (relu'(0) = 0, as torch). */
    private static double[][] backward(List<Parameter> weights, SparseRows x, double[][] logitGrad) {
        int layers = weights.size();
        double[][] grad = new double[layers][];
        for (int l = 0; l < layers; l++) grad[l] = new double[weights.get(l).size()];
        for (int r = 0; r < logitGrad.length; r++) {
            double[][] pre = forward(weights, x, r);
            double[] delta = logitGrad[r];
            for (int l = layers - 1; l >= 0; l--) {
                Parameter w = weights.get(l);
                double[] below = new double[w.cols()];
                if (l == 0) {
                    for (int t = x.start()[r]; t < x.start()[r + 1]; t++) below[x.index()[t]] = 1;
                } else {
                    for (int i = 0; i < w.cols(); i++) below[i] = Math.max(0, pre[l - 1][i]);
                }
                double[] back = new double[w.cols()];
                for (int o = 0; o < w.rows(); o++) {
                    for (int i = 0; i < w.cols(); i++) {
                        grad[l][o * w.cols() + i] += delta[o] * below[i];
                        back[i] += w.value()[o * w.cols() + i] * delta[o];
                    }
                }
                if (l > 0) {
                    for (int i = 0; i < back.length; i++) if (!(pre[l - 1][i] > 0)) back[i] = 0;
                }
                delta = back;
            }
        }
        return grad;
    }
}
