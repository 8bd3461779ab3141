package lab.softmax.views.ghosts.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.Dataset;
import lab.softmax.engine.ghosts.training.LrStepMap;
import lab.softmax.engine.ghosts.training.OneStepSweep;
import lab.softmax.engine.ghosts.training.StepRecord;
import lab.softmax.engine.ghosts.training.StepSafetyData;
import lab.softmax.engine.ghosts.training.StepSafetyRun;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.common.ThrottledUpdater;

/**
 * The step-safety view's state and engine calls: the spike test with every chosen policy (plain,
 * clipping, ρ-controller) trained in turn on one background task, or the one-step sweep of r. Metrics
 * stream in through a throttled updater (≤ 10 batches a second); {@link #revisionProperty()} ticks after each batch so
 * the view appends the new points. Results are read with the snapshot accessors on the UI thread.
 */
public final class TrainingViewModel {
    private final BackgroundTasks tasks;
    private final Path digitsFile;
    private final ObjectProperty<GhostsTrainingState> state = new SimpleObjectProperty<>(this, "state", GhostsTrainingState.defaults());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final Map<Controller, List<StepRecord>> steps = new EnumMap<>(Controller.class);
    private final List<OneStepSweep.Point> sweep = new ArrayList<>();
    private final List<LrStepMap.Row> mapRows = new ArrayList<>();
    private OneStepSweep.Result sweepResult;
    private RunningTask<?> running;
    private int generation;

    /** A streamed item: a step of one policy's run, a point of the sweep or a row of the map; tagged with its run. */
    record Item(int generation, Controller controller, StepRecord step, OneStepSweep.Point point, LrStepMap.Row row) {
        Item(int generation, Controller controller, StepRecord step, OneStepSweep.Point point) {
            this(generation, controller, step, point, null);
        }
    }

    public TrainingViewModel(BackgroundTasks tasks, Path digitsFile) {
        this.tasks = tasks;
        this.digitsFile = digitsFile;
    }

    public ObjectProperty<GhostsTrainingState> stateProperty() { return state; }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    /** The steps received so far for one policy (a copy). */
    public synchronized List<StepRecord> steps(Controller c) { return List.copyOf(steps.getOrDefault(c, List.of())); }

    /** How many steps of one policy have been received. */
    public synchronized int stepCount(Controller c) { return steps.getOrDefault(c, List.of()).size(); }

    /** The steps of one policy from index {@code from} on (a copy; empty when there are no more): a chart appends only these. */
    public synchronized List<StepRecord> steps(Controller c, int from) {
        List<StepRecord> all = steps.getOrDefault(c, List.of());
        return from >= all.size() ? List.of() : List.copyOf(all.subList(from, all.size()));
    }

    /** The sweep points received so far (a copy). */
    public synchronized List<OneStepSweep.Point> sweepPoints() { return List.copyOf(sweep); }

    /** The learning-rate map's rows received so far (a copy), in rate order. */
    public synchronized List<LrStepMap.Row> mapRows() { return List.copyOf(mapRows); }

    /** ρ_a, ρ* and the base loss of the last finished sweep, or null. */
    public synchronized OneStepSweep.Result sweepResult() { return sweepResult; }

    /** Starts the experiment of the current state (cancelling a running one). */
    public void run() {
        cancel();
        GhostsTrainingState s = state.get();
        int gen;
        synchronized (this) {
            gen = ++generation;
            steps.clear();
            sweep.clear();
            mapRows.clear();
            sweepResult = null;
        }
        revision.set(revision.get() + 1);
        busy.set(true);
        status.set("loading data…");
        ThrottledUpdater<Item> updater = new ThrottledUpdater<>(ThrottledUpdater.CHART_PERIOD_MILLIS, tasks.uiExecutor(), this::apply);
        boolean spike = GhostsTrainingState.SPIKE_TEST.equals(s.experiment());
        boolean map = GhostsTrainingState.LR_STEP_MAP.equals(s.experiment());
        running = tasks.run(spike ? "Ghosts: spike test" : map ? "Ghosts: learning-rate map" : "Ghosts: one-step sweep", ctx -> {
            Dataset.Split data = StepSafetyData.load(s.dataset(), s.seed(), digitsFile);
            if (map) {
                double[] rates = LrStepMap.rates(LrStepMap.DEFAULT_LR_MIN, LrStepMap.DEFAULT_LR_MAX, LrStepMap.DEFAULT_RATES);
                LrStepMap.run(s.mapConfig(), rates, data, row -> updater.offer(new Item(gen, null, null, null, row)),
                        ctx.progress(), ctx.cancellation());
                return null;
            }
            if (spike) {
                for (Controller c : s.controllers()) {
                    StepSafetyRun.run(s.spikeConfig(c), data, rec -> updater.offer(new Item(gen, c, rec, null)),
                            (f, m) -> ctx.progress().report((s.controllers().indexOf(c) + f) / s.controllers().size(), c.id() + ": " + m),
                            ctx.cancellation());
                }
                return null;
            }
            return OneStepSweep.run(s.sweepConfig(), data, p -> updater.offer(new Item(gen, null, null, p)),
                    ctx.progress(), ctx.cancellation());
        }, result -> {
            updater.flush();
            synchronized (this) {
                if (gen == generation && result instanceof OneStepSweep.Result r) sweepResult = r;
            }
            finish(gen, "done");
        }, error -> {
            updater.flush();
            finish(gen, "failed: " + error.getMessage());
        }, () -> finish(gen, "cancelled"));
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    private void finish(int gen, String message) {
        synchronized (this) {
            if (gen != generation) return;
        }
        busy.set(false);
        status.set(message);
        revision.set(revision.get() + 1);
    }

    /** The current run's tag (package-private for tests). */
    synchronized int generation() { return generation; }

    /** Items of an older run (still in flight when a new run started) are dropped, status included. */
    void apply(List<Item> batch) {
        Item lastCurrent = null;
        synchronized (this) {
            for (Item item : batch) {
                if (item.generation() != generation) continue;
                lastCurrent = item;
                if (item.step() != null) {
                    steps.computeIfAbsent(item.controller(), k -> new ArrayList<>()).add(item.step());
                } else if (item.row() != null) {
                    mapRows.add(item.row());
                } else {
                    sweep.add(item.point());
                }
            }
        }
        if (lastCurrent == null) return;
        if (lastCurrent.step() != null) status.set(lastCurrent.controller().id() + ": step " + (lastCurrent.step().step() + 1));
        if (lastCurrent.row() != null) status.set("learning rate " + (lastCurrent.row().index() + 1) + " of " + LrStepMap.DEFAULT_RATES);
        revision.set(revision.get() + 1);
    }
}
