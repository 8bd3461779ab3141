package lab.softmax.engine.ghosts.training;

import lab.softmax.engine.io.InputException;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.Choices.DatasetKind;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;
import lab.softmax.engine.ghosts.training.Choices.OptimizerKind;

/**
 * One spike-test run (the lrspike experiment of Sao 2026, arXiv 2603.13552; docs/labs/ghosts.md): the base learning rate is multiplied by spikeFactor for
 * steps spikeAt ≤ t < spikeUntil (0-based); batches of batchSize rows drawn with replacement, or, with
 * batchSize {@link #FULL_BATCH}, the whole training split at every step (the paper's architecture grid).
 */
public record StepSafetyConfig(DatasetKind dataset, ModelKind model, OptimizerKind optimizer, double lr,
                               double spikeFactor, int spikeAt, int spikeUntil, Controller controller,
                               double clipNorm, int steps, long seed, int batchSize) {
    public static final int MAX_STEPS = 1_000_000;
    /** batchSize 0: every step's gradient is over the whole training split, in order (no sampling). */
    public static final int FULL_BATCH = 0;
    /** Rows drawn per step (with replacement); the data sets have 1 000 to 1 800 rows. */
    public static final int MAX_BATCH = 65_536;

    public StepSafetyConfig {
        if (dataset == null) throw new InputException("dataset", "missing");
        if (model == null) throw new InputException("model", "missing");
        if (optimizer == null) throw new InputException("optimizer", "missing");
        if (controller == null) throw new InputException("controller", "missing");
        positive(lr, "lr");
        positive(spikeFactor, "spike-factor");
        positive(clipNorm, "clip-norm");
        if (steps < 1 || steps > MAX_STEPS) throw new InputException("steps", steps + " must be in 1.." + MAX_STEPS);
        if (spikeAt < 0) throw new InputException("spike-at", spikeAt + " must be >= 0");
        if (spikeUntil < spikeAt) throw new InputException("spike-until", spikeUntil + " is before spike-at " + spikeAt);
        if (batchSize < FULL_BATCH || batchSize > MAX_BATCH) {
            throw new InputException("batch-size", batchSize + " is outside 1.." + MAX_BATCH + " (or 'full' for the whole training split)");
        }
    }

    /** The paper's spike test on the blobs MLP: Adam, lr 1e-3, ×1000 from step 50 to the end, 200 steps. */
    public static StepSafetyConfig defaults() {
        return new StepSafetyConfig(DatasetKind.BLOBS, ModelKind.MLP, OptimizerKind.ADAM, 1e-3, 1000, 50, 200,
                Controller.NONE, 1, 200, 0, 64);
    }

    public StepSafetyConfig withController(Controller c) {
        return new StepSafetyConfig(dataset, model, optimizer, lr, spikeFactor, spikeAt, spikeUntil, c, clipNorm, steps, seed, batchSize);
    }

    public StepSafetyConfig withSeed(long s) {
        return new StepSafetyConfig(dataset, model, optimizer, lr, spikeFactor, spikeAt, spikeUntil, controller, clipNorm, steps, s, batchSize);
    }

    public boolean fullBatch() { return batchSize == FULL_BATCH; }

    /** The scheduled learning rate of step t (before any controller). */
    public double scheduledLr(int step) { return step >= spikeAt && step < spikeUntil ? lr * spikeFactor : lr; }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) throw new InputException(name, v + " must be a positive number");
    }
}
