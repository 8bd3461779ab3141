package lab.softmax.engine.ghosts.training;

import lab.softmax.engine.io.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import lab.softmax.engine.ghosts.BatchGhosts;
import lab.softmax.engine.ghosts.ExponentialSum;
import lab.softmax.engine.nn.AdamW;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * The one-step sweep (Sao 2026, arXiv 2603.13552, Figs 1 and 7; docs/labs/ghosts.md): train briefly with Adam, then
 * from the trained point take single steps of length τ = r·ρ_a along v = −∇L/‖∇L‖ (full-batch
 * gradient, ρ_a over the whole training set) for log-spaced r, recording the loss ratio L(θ + τv)/L(θ)
 * and the test accuracy retained. The training steps use the model's training mode; the gradient, ρ_a and
 * every loss of the sweep its inference mode (BatchNorm with the running statistics the training left).
 * The exact batch ρ* over the samples with the largest spread is reported beside ρ_a.
 */
public final class OneStepSweep {
    /** Initial weights from SplitMix64(7), minibatch indices from SplitMix64(1). */
    static final long INIT_SEED = 7;
    static final long BATCH_SEED = 1;

    private OneStepSweep() { }

    /**
     * @param rhoStarSamples how many of the widest-spread samples enter the exact batch ρ* (0 skips it)
     */
    public record Config(Choices.DatasetKind dataset, Choices.ModelKind model, int trainSteps, double lr,
                         double rMin, double rMax, int points, int rhoStarSamples, long seed) {
        public Config {
            if (trainSteps < 0) throw new InputException("train-steps", "must be >= 0");
            if (!(lr > 0)) throw new InputException("lr", "must be positive");
            if (!(rMin > 0) || !(rMax >= rMin) || !Double.isFinite(rMax)) {
                throw new InputException("r-min/r-max", "need 0 < r-min <= r-max");
            }
            if (points < 1 || points > 10_000) throw new InputException("points", "must be in 1..10000");
            if (rhoStarSamples < 0) throw new InputException("rho-star-samples", "must be >= 0");
        }

        public static Config defaults() {
            return new Config(Choices.DatasetKind.BLOBS, Choices.ModelKind.MLP, 600, 1e-2, 1e-2, 1e2, 41, 200, 0);
        }
    }

    public record Point(double r, double tau, double lossRatio, double trainLoss, double testAcc, double accuracyRetained) { }

    public record Result(double rhoA, double rhoStar, int bottleneckSample, double baseLoss, double baseTestAcc,
                         List<Point> points) { }

    public static Result run(Config cfg, Dataset.Split data, Consumer<Point> sink, Progress progress, Cancellation cancel) {
        Dataset train = data.train();
        StepSafetyModel net = StepSafetyData.model(cfg.model(), cfg.dataset(), train.features(), train.classes());
        double[] theta = net.initialParameters(new PaperRandom(INIT_SEED + cfg.seed()));
        trainAdam(net, theta, train, cfg, cancel);
        int n = theta.length;
        int[] all = new int[train.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        double[] grad = new double[n];
        double baseLoss = net.lossAndGradient(theta, train, all, grad);
        double gNorm = StepSafetyRun.norm(grad);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = gNorm > 0 ? -grad[i] / gNorm : 0;
        StepSafetyModel.Spread spread = net.maxSpread(theta, v, train);
        double rhoA = spread.rhoA();
        double rhoStar = cfg.rhoStarSamples() > 0 ? batchRhoStar(net, theta, v, train, cfg.rhoStarSamples()) : Double.NaN;
        double baseAcc = net.evaluate(theta, data.test()).accuracy();
        List<Point> points = new ArrayList<>(cfg.points());
        double[] moved = new double[n];
        for (int j = 0; j < cfg.points(); j++) {
            cancel.throwIfCancelled();
            double r = cfg.points() == 1 ? cfg.rMin()
                    : Math.exp(Math.log(cfg.rMin()) + j * (Math.log(cfg.rMax()) - Math.log(cfg.rMin())) / (cfg.points() - 1));
            double tau = r * rhoA;
            for (int i = 0; i < n; i++) moved[i] = theta[i] + tau * v[i];
            double loss = net.evaluate(moved, train).loss();
            double acc = net.evaluate(moved, data.test()).accuracy();
            Point p = new Point(r, tau, loss / baseLoss, loss, acc, baseAcc > 0 ? acc / baseAcc : Double.NaN);
            points.add(p);
            sink.accept(p);
            progress.report((j + 1.0) / cfg.points(), "r = " + r);
        }
        return new Result(rhoA, rhoStar, spread.sample(), baseLoss, baseAcc, points);
    }

    private static void trainAdam(StepSafetyModel net, double[] theta, Dataset train, Config cfg, Cancellation cancel) {
        int n = theta.length;
        double[] g = new double[n];
        AdamW.PaperForm adam = StepSafetyRun.adam(n);
        int[] rows = new int[64];
        PaperRandom batches = new PaperRandom(BATCH_SEED + cfg.seed());
        for (int t = 0; t < cfg.trainSteps(); t++) {
            if (t % 50 == 0) cancel.throwIfCancelled();
            for (int i = 0; i < rows.length; i++) rows[i] = batches.index(train.size());
            net.trainingLossAndGradient(theta, train, rows, g);
            adam.step(theta, g, cfg.lr());
        }
    }

    /** Exact ρ* = min over the `count` widest-spread samples of the nearest zero of their F along v. */
    static double batchRhoStar(StepSafetyModel net, double[] theta, double[] v, Dataset train, int count) {
        int c = train.classes();
        List<ExponentialSum> sums = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            double[] z = new double[c];
            double[] a = new double[c];
            net.logitsAndSlopes(theta, v, train.x()[i], z, a);
            sums.add(ExponentialSum.of(z, a));
        }
        sums.sort(Comparator.comparingDouble(ExponentialSum::deltaA).reversed());
        return BatchGhosts.rhoStar(sums.subList(0, Math.min(count, sums.size()))).rhoStar();
    }
}
