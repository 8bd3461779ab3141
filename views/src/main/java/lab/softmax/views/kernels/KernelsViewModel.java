package lab.softmax.views.kernels;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchConfig;
import lab.softmax.engine.kernels.BenchPool;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.KernelBench;
import lab.softmax.engine.kernels.KernelsState;
import lab.softmax.engine.kernels.MachineInfo;
import lab.softmax.engine.kernels.StepTrace;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.common.ThrottledUpdater;

/**
 * The Kernels lab's state as JavaFX properties and the engine calls behind it: the benchmark runs
 * in the background and its results arrive in batches (10 a second) so the charts fill in live; the
 * step-through is recomputed whenever its vector or algorithm changes.
 */
public final class KernelsViewModel {
    /** Floats per array of the bandwidth probe: 64 MiB, beyond the last-level cache of this machine class. */
    static final int PROBE_SIZE = 1 << 24;

    private final BackgroundTasks tasks;
    private final Map<Algorithm, BooleanProperty> algorithms = new EnumMap<>(Algorithm.class);
    private final Map<Impl, BooleanProperty> impls = new EnumMap<>(Impl.class);
    private final ObjectProperty<List<Integer>> sizes = new SimpleObjectProperty<>(this, "sizes", List.of());
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", 1);
    private final DoubleProperty seconds = new SimpleDoubleProperty(this, "seconds", 0.3);
    private long seed = 42;
    private final ObjectProperty<double[]> stepLogits = new SimpleObjectProperty<>(this, "stepLogits");
    private final ObjectProperty<Algorithm> stepAlgorithm = new SimpleObjectProperty<>(this, "stepAlgorithm", Algorithm.TWO_PASS);
    private final IntegerProperty stepIndex = new SimpleIntegerProperty(this, "stepIndex", 0);

    private final ObservableList<BenchResult> results = FXCollections.observableArrayList();
    private final ObservableList<BenchResult> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyObjectWrapper<MachineInfo> machine = new ReadOnlyObjectWrapper<>(this, "machine");
    private final ReadOnlyObjectWrapper<List<StepTrace.Step>> trace = new ReadOnlyObjectWrapper<>(this, "trace", List.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private RunningTask<?> running;
    /** Bumped by every run and load: results still arriving from an older run are dropped. */
    private long generation;
    private boolean runWhenIdle;
    private int probeSize = PROBE_SIZE;
    /**
     * This machine's bandwidth, measured by the session's first run and kept for the later ones: the probe allocates
     * and streams three 64 MiB arrays (a fraction of a second), and the memory system does not change between runs.
     */
    private MachineInfo measuredHere;

    public KernelsViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        for (Algorithm a : Algorithm.values()) algorithms.put(a, new SimpleBooleanProperty(this, a.id()));
        for (Impl i : Impl.values()) impls.put(i, new SimpleBooleanProperty(this, i.id()));
        stepLogits.addListener(o -> retrace());
        stepAlgorithm.addListener(o -> retrace());
        load(KernelsState.defaults());
    }

    // ---- inputs ----
    public BooleanProperty algorithmProperty(Algorithm a) { return algorithms.get(a); }
    public BooleanProperty implProperty(Impl i) { return impls.get(i); }
    public ObjectProperty<List<Integer>> sizesProperty() { return sizes; }
    public IntegerProperty threadsProperty() { return threads; }
    public DoubleProperty secondsProperty() { return seconds; }
    public ObjectProperty<double[]> stepLogitsProperty() { return stepLogits; }
    public ObjectProperty<Algorithm> stepAlgorithmProperty() { return stepAlgorithm; }
    public IntegerProperty stepIndexProperty() { return stepIndex; }

    // ---- outputs ----
    /**
     * The results, read-only. Always the same wrapper: a fresh unmodifiable view per call forwards
     * changes through a weak listener, so a listener added to it died with it at the next GC (the
     * throughput chart stopped updating during long runs).
     */
    public ObservableList<BenchResult> results() { return resultsView; }
    public ReadOnlyObjectProperty<MachineInfo> machineProperty() { return machine.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<StepTrace.Step>> traceProperty() { return trace.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Smaller probe arrays, for tests (the default is out of cache and takes a second). */
    void setProbeSize(int floats) { probeSize = floats; }

    /** The running benchmark (for the progress bar), or null. */
    public RunningTask<?> runningTask() { return running; }

    /** Starts the benchmark of the chosen kernels; results replace the previous ones as they arrive. */
    public RunningTask<?> run() {
        if (busy.get()) return running;
        BenchConfig config;
        try {
            config = state().benchConfig();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
        error.set("");
        results.clear();
        MachineInfo measured = measuredHere;
        machine.set(measured);
        busy.set(true);
        long run = ++generation;
        ThrottledUpdater<BenchResult> updater = new ThrottledUpdater<>(ThrottledUpdater.CHART_PERIOD_MILLIS, tasks.uiExecutor(), batch -> {
            if (run == generation) results.addAll(batch);
        });
        RunningTask<?> task = tasks.run("Kernel benchmark", ctx -> {
            if (measured == null) {
                MachineInfo m = MachineInfo.measure(probeSize, 3, ctx.cancellation());
                ctx.publish(() -> {
                    measuredHere = m;
                    if (run == generation) machine.set(m);
                });
            }
            try (BenchPool pool = BenchPool.forThreads(config.threads(), "kernels-bench")) {
                return new KernelBench(pool.executor()).run(config, ctx.progress(), ctx.cancellation(), updater::offer);
            }
        }, done -> finished(updater), failure -> {
            if (run == generation) error.set(failure.getMessage());
            finished(updater);
        }, () -> finished(updater));
        // With a synchronous executor (tests) the task has already finished here.
        running = busy.get() ? task : null;
        return task;
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    /** Runs the benchmark now, or as soon as the one running has stopped. */
    public void runWhenIdle() {
        if (busy.get()) {
            runWhenIdle = true;
        } else {
            run();
        }
    }

    private void finished(ThrottledUpdater<BenchResult> updater) {
        updater.flush();
        running = null;
        busy.set(false);
        if (runWhenIdle) {
            runWhenIdle = false;
            run();
        }
    }

    private void retrace() {
        double[] v = stepLogits.get();
        Algorithm a = stepAlgorithm.get();
        if (v == null || a == null) return;
        List<StepTrace.Step> steps = StepTrace.trace(a, v);
        trace.set(steps);
        stepIndex.set(Math.min(stepIndex.get(), steps.size() - 1));
    }

    public KernelsState state() {
        List<Algorithm> chosen = new ArrayList<>();
        algorithms.forEach((a, p) -> { if (p.get()) chosen.add(a); });
        List<Impl> chosenImpls = new ArrayList<>();
        impls.forEach((i, p) -> { if (p.get()) chosenImpls.add(i); });
        return new KernelsState(chosen, chosenImpls, sizes.get(), threads.get(), seconds.get(), seed, stepLogits.get(),
                stepAlgorithm.get(), List.copyOf(results), machine.get());
    }

    /** Shows a state; a benchmark still running is cancelled and nothing more of it is shown. */
    public void load(KernelsState s) {
        generation++;
        runWhenIdle = false;
        cancel();
        algorithms.forEach((a, p) -> p.set(s.algorithms().contains(a)));
        impls.forEach((i, p) -> p.set(s.impls().contains(i)));
        sizes.set(s.sizes());
        threads.set(s.threads());
        seconds.set(s.seconds());
        seed = s.seed();
        stepAlgorithm.set(s.stepAlgorithm());
        stepLogits.set(s.stepLogits());
        stepIndex.set(0);
        results.setAll(s.results());
        machine.set(s.machine());
        error.set("");
    }
}
