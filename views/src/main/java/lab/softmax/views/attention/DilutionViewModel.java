package lab.softmax.views.attention;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.attention.NeedleConfig;
import lab.softmax.engine.attention.NeedleEval;
import lab.softmax.engine.attention.NeedleListener;
import lab.softmax.engine.attention.NeedleMode;
import lab.softmax.engine.attention.NeedlePreset;
import lab.softmax.engine.attention.NeedleResult;
import lab.softmax.engine.attention.NeedleStep;
import lab.softmax.engine.attention.NeedleTrainer;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.RunStatus;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.common.ThrottledUpdater;

/**
 * "Train vanilla vs SSA" on the needle task ({@link NeedleTrainer#trainBoth}) off the FX thread, with
 * progress and cancel. Live evaluations (every {@link #liveEvery} steps, on fewer examples) and the
 * final one arrive through {@link NeedleListener#onEval} and are applied in batches (≤ 10 a second), so the
 * charts fill in as training goes; the final evaluation replaces the live ones.
 */
public final class DilutionViewModel {
    /** Examples per length of a live evaluation (the final one uses the preset's 512). */
    static final int LIVE_EXAMPLES = 64;

    private final BackgroundTasks tasks;
    private final ObjectProperty<NeedlePreset> preset = new SimpleObjectProperty<>(this, "preset", NeedlePreset.DEFAULT);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 1500);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final RunStatus runStatus = new RunStatus(this);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final Map<NeedleMode, List<NeedleEval>> evals = new EnumMap<>(NeedleMode.class);
    private final Map<NeedleMode, NeedleStep> lastStep = new EnumMap<>(NeedleMode.class);
    private final Map<NeedleMode, NeedleResult> results = new EnumMap<>(NeedleMode.class);
    private int evalStep;
    private boolean finalEval;
    private int generation;
    private RunningTask<List<NeedleResult>> running;
    /** Tests shrink the evaluation here; the app leaves it alone. */
    UnaryOperator<NeedleConfig> adjust = UnaryOperator.identity();

    /** What the state keeps of this tab. */
    record Settings(NeedlePreset preset, int steps, long seed) { }

    /** One streamed report: a step or an evaluation of one model, tagged with its run. */
    private record Item(int generation, NeedleStep step, NeedleMode mode, int evalStep, List<NeedleEval> evals) { }

    DilutionViewModel(BackgroundTasks tasks) { this.tasks = tasks; }

    public ObjectProperty<NeedlePreset> presetProperty() { return preset; }
    public IntegerProperty stepsProperty() { return steps; }
    public LongProperty seedProperty() { return seed; }
    public ReadOnlyBooleanProperty busyProperty() { return runStatus.busyProperty(); }
    /** "step 300/1500", "done", "cancelled", or the failure. */
    public ReadOnlyStringProperty statusProperty() { return runStatus.statusProperty(); }
    /** The running pair's progress in [0, 1] (0 when idle). */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() { return runStatus.progressProperty(); }
    /** Increments whenever evaluations, steps or results change: the charts redraw on it. */
    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    /** The newest evaluation of a model (live or final), one entry per context length; empty before the first. */
    public List<NeedleEval> evals(NeedleMode mode) { return evals.getOrDefault(mode, List.of()); }

    /** The last training step of a model (learned s and ‖W‖_F while training), or null. */
    public NeedleStep lastStep(NeedleMode mode) { return lastStep.get(mode); }

    /** The finished run's result of a model, or null. */
    public NeedleResult result(NeedleMode mode) { return results.get(mode); }

    /** The step the shown evaluations were taken at (0: none yet). */
    public int evalStep() { return evalStep; }

    /** True when the shown evaluations are the final ones (the preset's examples), not a live estimate. */
    public boolean finalEvaluation() { return finalEval; }

    Settings settings() { return new Settings(preset.get(), steps.get(), seed.get()); }

    void load(AttentionState s) {
        cancel();
        preset.set(s.preset());
        steps.set(s.steps());
        seed.set(s.seed());
        clear();
        runStatus.status("");
    }

    /** The configuration a run uses: the preset with this seed and step count, with live evaluations. */
    NeedleConfig config() {
        NeedleConfig c = preset.get().config(seed.get()).withSteps(steps.get());
        return adjust.apply(c.withEvalEvery(liveEvery(steps.get()), LIVE_EXAMPLES));
    }

    /** About four live evaluations per run, none closer than 100 steps. */
    static int liveEvery(int steps) { return Math.max(100, steps / 5); }

    /** Trains vanilla and SSA side by side (cancelling a running pair). */
    public void train() {
        cancel();
        NeedleConfig c;
        try {
            c = config();
        } catch (IllegalArgumentException e) {
            runStatus.status("not started: " + e.getMessage());
            return;
        }
        int gen = ++generation;
        clear();
        runStatus.start("starting");
        ThrottledUpdater<Item> updater = new ThrottledUpdater<>(ThrottledUpdater.CHART_PERIOD_MILLIS, tasks.uiExecutor(), this::apply);
        NeedleListener listener = new NeedleListener() {
            @Override
            public void onStep(NeedleStep step) {
                // every step of both models would be 3000 items: one in ten is plenty for the read-outs
                if (step.step() % 10 == 0 || step.step() == c.steps()) updater.offer(new Item(gen, step, null, 0, null));
            }

            @Override
            public void onEval(NeedleMode mode, int step, List<NeedleEval> e) {
                updater.offer(new Item(gen, null, mode, step, List.copyOf(e)));
            }
        };
        running = tasks.run("Needle: vanilla vs SSA (" + c.steps() + " steps)",
                ctx -> NeedleTrainer.trainBoth(c, ctx.progress(), ctx.cancellation(), listener), r -> {
                    updater.flush();
                    if (gen != generation) return;
                    for (NeedleResult result : r) {
                        results.put(result.mode(), result);
                        evals.put(result.mode(), result.eval());
                    }
                    evalStep = c.steps();
                    finalEval = true;
                    finish(gen, "done: " + c.steps() + " steps, evaluated on " + c.evalExamples() + " fresh examples per n");
                }, failure -> {
                    updater.flush();
                    finish(gen, "failed: " + failure.getMessage());
                }, () -> {
                    updater.flush();
                    finish(gen, "cancelled" + (evalStep > 0 ? " (charts: live evaluation at step " + evalStep + ")" : ""));
                });
        if (runStatus.busy()) {
            runStatus.status("training");
            runStatus.follow(running);
        }
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    private void clear() {
        evals.clear();
        lastStep.clear();
        results.clear();
        evalStep = 0;
        finalEval = false;
        revision.set(revision.get() + 1);
    }

    private void finish(int gen, String message) {
        if (gen != generation) return;
        running = null;
        runStatus.finish(message);
        revision.set(revision.get() + 1);
    }

    private void apply(List<Item> batch) {
        boolean changed = false;
        for (Item item : batch) {
            if (item.generation() != generation) continue;
            changed = true;
            if (item.step() != null) {
                lastStep.put(item.step().mode(), item.step());
            } else if (!finalEval) {
                evals.put(item.mode(), new ArrayList<>(item.evals()));
                evalStep = item.evalStep();
            }
        }
        if (!changed) return;
        NeedleStep s = lastStep.get(NeedleMode.SSA);
        if (runStatus.busy() && s != null) runStatus.status("step " + s.step() + "/" + steps.get());
        revision.set(revision.get() + 1);
    }
}
