package lab.softmax.engine.ghosts.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.Choices.OptimizerKind;
import lab.softmax.engine.nn.AdamW;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * The spike test: train with a learning-rate spike and read off, at every step, ρ_a along the actual
 * update (a JVP over the whole training split), the step length τ and r = τ/ρ_a. The ρ-controller
 * (Prop. 5.2, the form of the official lrspike experiment) shrinks the step to ρ_a when lr·‖d‖ > ρ_a;
 * Adam's moments always see the raw (or clipped) gradient. The step's gradient is taken in training mode
 * (BatchNorm: batch statistics); the metrics, ρ_a and r in inference mode (running statistics), as the
 * paper's code computes ρ_a in eval mode.
 */
public final class StepSafetyRun {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    /** Initial weights come from SplitMix64(INIT_SEED_BASE + seed), minibatches from (BATCH_SEED_BASE + seed). */
    static final long INIT_SEED_BASE = 1000;
    static final long BATCH_SEED_BASE = 77;

    private StepSafetyRun() { }

    public static List<StepRecord> run(StepSafetyConfig cfg, Dataset.Split data, Consumer<StepRecord> sink,
                                       Progress progress, Cancellation cancel) {
        return run(cfg, data, sink, progress, cancel, theta -> { });
    }

    /** As above; parameters also receives a copy of θ before the first step and after every step. */
    public static List<StepRecord> run(StepSafetyConfig cfg, Dataset.Split data, Consumer<StepRecord> sink,
                                       Progress progress, Cancellation cancel, Consumer<double[]> parameters) {
        Dataset train = data.train();
        StepSafetyModel net = StepSafetyData.model(cfg.model(), cfg.dataset(), train.features(), train.classes());
        double[] theta = net.initialParameters(new PaperRandom(INIT_SEED_BASE + cfg.seed()));
        PaperRandom batches = new PaperRandom(BATCH_SEED_BASE + cfg.seed());
        int n = theta.length;
        double[] grad = new double[n];
        AdamW.PaperForm adam = adam(n);
        double[] d = new double[n];
        double[] unit = new double[n];
        int[] rows = new int[cfg.fullBatch() ? train.size() : cfg.batchSize()];
        if (cfg.fullBatch()) for (int i = 0; i < rows.length; i++) rows[i] = i;
        List<StepRecord> records = new ArrayList<>(cfg.steps());
        parameters.accept(theta.clone());
        for (int t = 0; t < cfg.steps(); t++) {
            cancel.throwIfCancelled();
            if (!cfg.fullBatch()) for (int i = 0; i < rows.length; i++) rows[i] = batches.index(train.size());
            net.trainingLossAndGradient(theta, train, rows, grad);
            double gradNorm = norm(grad);
            if (cfg.controller() == Controller.CLIP && gradNorm > cfg.clipNorm()) {
                scale(grad, cfg.clipNorm() / gradNorm);
            }
            if (cfg.optimizer() == OptimizerKind.ADAM) {
                adam.direction(grad, d);
            } else {
                System.arraycopy(grad, 0, d, 0, n);
            }
            double lr = cfg.scheduledLr(t);
            double dNorm = norm(d);
            // A NaN direction (diverged gradient) has no radius: NaN flows into ρ_a and r instead of the
            // Δa = 0 / ρ_a = ∞ / r = 0 of a genuinely zero step.
            StepSafetyModel.Spread spread = new StepSafetyModel.Spread(Double.isNaN(dNorm) ? Double.NaN : 0, -1);
            if (dNorm > 0) {
                for (int i = 0; i < n; i++) unit[i] = d[i] / dNorm;
                spread = net.maxSpread(theta, unit, train);
            }
            double rhoA = spread.rhoA();
            double lrEffective = lr;
            if (cfg.controller() == Controller.RHO && lr * dNorm > rhoA) lrEffective = rhoA / dNorm;
            for (int i = 0; i < n; i++) theta[i] -= lrEffective * d[i];
            parameters.accept(theta.clone());
            double stepNorm = lrEffective * dNorm;
            double r = rhoA == Double.POSITIVE_INFINITY && !Double.isNaN(stepNorm) ? 0 : stepNorm / rhoA;
            StepSafetyModel.Evaluation onTrain = net.evaluate(theta, train);
            StepSafetyModel.Evaluation onTest = net.evaluate(theta, data.test());
            StepRecord rec = new StepRecord(t, onTrain.loss(), onTrain.accuracy(), onTest.accuracy(), rhoA, stepNorm, r,
                    lr, lrEffective, gradNorm, spread.sample());
            records.add(rec);
            sink.accept(rec);
            progress.report((t + 1.0) / cfg.steps(), "step " + (t + 1) + " of " + cfg.steps());
        }
        return records;
    }

    /** Adam with the paper's hyperparameters, for n parameters (also the one-step sweep's training). */
    static AdamW.PaperForm adam(int n) { return new AdamW.PaperForm(n, BETA1, BETA2, EPSILON); }

    static double norm(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s);
    }

    private static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) x[i] *= s;
    }
}
