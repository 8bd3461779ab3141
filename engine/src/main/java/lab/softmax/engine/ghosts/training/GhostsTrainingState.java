package lab.softmax.engine.ghosts.training;

import lab.softmax.engine.io.InputException;
import java.util.List;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.Choices.DatasetKind;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;
import lab.softmax.engine.ghosts.training.Choices.OptimizerKind;
import lab.softmax.engine.ghosts.training.OneStepSweep;
import lab.softmax.engine.ghosts.training.StepSafetyConfig;
import lab.softmax.engine.io.ScenarioType;

/**
 * The Ghosts lab's step-safety state: what a "ghosts-training" scenario holds and the training view
 * restores. experiment is "spike-test" (the policies in controllers trained side by side with a
 * learning-rate spike), "one-step-sweep" (single steps of r·ρ_a from a trained point) or "lr-step-map"
 * (r per step over a grid of base learning rates, for the first chosen policy).
 * The complex-plane view has its own state, {@link lab.softmax.engine.ghosts.GhostsPlaneState}.
 */
public record GhostsTrainingState(String experiment, DatasetKind dataset, ModelKind model, OptimizerKind optimizer,
                          double lr, double spikeFactor, int spikeAt, int spikeUntil, List<Controller> controllers,
                          double clipNorm, int steps, long seed, int batchSize,
                          int sweepTrainSteps, double sweepLr, double rMin, double rMax, int sweepPoints) {
    public static final ScenarioType<GhostsTrainingState> TYPE = new ScenarioType<>("ghosts-training", 1, GhostsTrainingState.class);
    public static final String SPIKE_TEST = "spike-test";
    public static final String ONE_STEP_SWEEP = "one-step-sweep";
    /** The (learning rate × step) map of r: the first chosen policy, no spike, LrStepMap's default rates. */
    public static final String LR_STEP_MAP = "lr-step-map";
    /** The sweep's ρ* is taken over this many widest-spread training samples (not a scenario field). */
    private static final int SWEEP_RHO_STAR_SAMPLES = 200;

    public GhostsTrainingState {
        if (!SPIKE_TEST.equals(experiment) && !ONE_STEP_SWEEP.equals(experiment) && !LR_STEP_MAP.equals(experiment)) {
            throw new InputException("experiment", "\"" + experiment + "\" (expected spike-test, one-step-sweep or lr-step-map)");
        }
        if (controllers == null || controllers.isEmpty()) throw new InputException("controllers", "choose at least one");
        for (Controller c : controllers) if (c == null) throw new InputException("controllers", "null entry");
        controllers = List.copyOf(controllers);
        // The run configurations validate every other field and name it (fields are not assigned yet here).
        new StepSafetyConfig(dataset, model, optimizer, lr, spikeFactor, spikeAt, spikeUntil, controllers.get(0),
                clipNorm, steps, seed, batchSize);
        new OneStepSweep.Config(dataset, model, sweepTrainSteps, sweepLr, rMin, rMax, sweepPoints, SWEEP_RHO_STAR_SAMPLES, seed);
    }

    public static GhostsTrainingState defaults() {
        return new GhostsTrainingState(SPIKE_TEST, DatasetKind.BLOBS, ModelKind.MLP, OptimizerKind.ADAM, 1e-3, 1000, 50, 200,
                List.of(Controller.NONE, Controller.CLIP, Controller.RHO), 1, 200, 0, 64, 600, 1e-2, 1e-2, 1e2, 41);
    }

    /** The run of one policy in the spike test. */
    public StepSafetyConfig spikeConfig(Controller controller) {
        return new StepSafetyConfig(dataset, model, optimizer, lr, spikeFactor, spikeAt, spikeUntil, controller,
                clipNorm, steps, seed, batchSize);
    }

    /** The base run of the learning-rate map (its rate and spike are replaced per row by LrStepMap). */
    public StepSafetyConfig mapConfig() { return spikeConfig(controllers.get(0)); }

    public OneStepSweep.Config sweepConfig() {
        return new OneStepSweep.Config(dataset, model, sweepTrainSteps, sweepLr, rMin, rMax, sweepPoints, SWEEP_RHO_STAR_SAMPLES, seed);
    }
}
