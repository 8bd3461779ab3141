package lab.softmax.views.collapse;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.softmax.engine.collapse.CollapseRun;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.CollapseTrainer;
import lab.softmax.engine.collapse.SampleAnatomy;
import lab.softmax.engine.nn.OrthoGradGeometry;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.common.ThrottledUpdater;

/**
 * The Collapse lab's state as JavaFX properties: the runs (overlaid in the charts), the draft
 * config of the next run, the selected run and the sample the "why" panel inspects. Training runs
 * off the FX thread; logged epochs arrive in batches (≤ 10 a second) and are appended to the run's metrics.
 * Pausing cancels the task within the epoch (the unfinished epoch is redone on resume); resuming continues the same model.
 */
public final class CollapseViewModel {
    private static final int TRAIN_THREADS = 2;
    private final BackgroundTasks tasks;
    private final ObservableList<RunEntry> runs = FXCollections.observableArrayList();
    private final ObjectProperty<CollapseConfig> draft = new SimpleObjectProperty<>(this, "draft", CollapseConfig.defaults());
    private final ObjectProperty<RunEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerProperty inspectedSample = new SimpleIntegerProperty(this, "inspectedSample");
    private final BooleanProperty logEpochAxis = new SimpleBooleanProperty(this, "logEpochAxis", true);
    private final ReadOnlyObjectWrapper<SampleAnatomy> anatomy = new ReadOnlyObjectWrapper<>(this, "anatomy");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ComparisonViewModel comparison = new ComparisonViewModel();
    private final ProjectionViewModel projection = new ProjectionViewModel();

    public CollapseViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        load(CollapseState.defaults());
        // A new sample number re-inspects when something is inspected or being inspected (an inspection that is
        // running then re-inspects when it ends, see inspected()).
        inspectedSample.addListener((o, a, b) -> {
            RunEntry r = selected.get();
            if (anatomy.get() != null || (r != null && r.inspecting())) inspect();
        });
    }

    public ObservableList<RunEntry> runs() { return runs; }
    public ObjectProperty<CollapseConfig> draftProperty() { return draft; }
    public ObjectProperty<RunEntry> selectedProperty() { return selected; }
    public IntegerProperty inspectedSampleProperty() { return inspectedSample; }
    public BooleanProperty logEpochAxisProperty() { return logEpochAxis; }
    public ReadOnlyObjectProperty<SampleAnatomy> anatomyProperty() { return anatomy.getReadOnlyProperty(); }
    /** Increments whenever any run's metrics or status change: the charts redraw on it. */
    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** True while a run trains or an inspection computes. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** StableMax vs softmax on the inspected sample's logits (or the built-in example). */
    public ComparisonViewModel comparison() { return comparison; }
    /** The ⊥Grad plane of each weight matrix of the inspected run. */
    public ProjectionViewModel projection() { return projection; }

    /** Adds a run with the draft config (not started); a label another run has gets a number: "… (2)". */
    public RunEntry addRun(String label) {
        String wanted = label == null || label.isBlank() ? draft.get().defaultLabel() : label;
        String unique = wanted;
        for (int n = 2; labelTaken(unique); n++) unique = wanted + " (" + n + ")";
        RunEntry r = new RunEntry(unique, draft.get(), List.of());
        runs.add(r);
        selected.set(r);
        changed();
        return r;
    }

    private boolean labelTaken(String label) {
        return runs.stream().anyMatch(r -> r.label().equals(label));
    }

    /** Starts a run, resumes a paused one, or retrains a recorded/finished one from epoch 0. */
    public void start(RunEntry r) {
        // An inspection shares the live model's workspace with training: never both at once.
        if (r.status() == RunEntry.Status.RUNNING || r.inspecting()) return;
        if (r.status() != RunEntry.Status.PAUSED) {
            r.setLive(null);
            r.clearMetrics();
        }
        error.set("");
        r.setStatus(RunEntry.Status.RUNNING);
        clearInspection();
        ThrottledUpdater<EpochMetrics> updater = new ThrottledUpdater<>(ThrottledUpdater.CHART_PERIOD_MILLIS, tasks.uiExecutor(), batch -> {
            r.appendMetrics(batch);
            changed();
        });
        RunningTask<CollapseTrainer> task = tasks.run("Training " + r.label(), ctx -> {
            CollapseTrainer run = r.live() != null ? r.live() : new CollapseTrainer(r.config(), TRAIN_THREADS, ctx.cancellation());
            r.setLive(run);
            run.run(ctx.cancellation(), ctx.progress(), updater::offer);
            return run;
        }, run -> {
            updater.flush();
            r.setStatus(RunEntry.Status.DONE);
            finished(r);
        }, failure -> {
            updater.flush();
            error.set(r.label() + ": " + failure.getMessage());
            r.setStatus(r.live() == null ? RunEntry.Status.READY : RunEntry.Status.PAUSED);
            finished(r);
        }, () -> {
            updater.flush();
            r.setStatus(r.live() == null ? RunEntry.Status.READY : RunEntry.Status.PAUSED);
            finished(r);
        });
        if (r.status() == RunEntry.Status.RUNNING) r.setTask(task);
        updateBusy();
    }

    /** Stops a run within its current epoch (within ~0.1 s); {@link #start} resumes it. */
    public void pause(RunEntry r) {
        if (r.task() != null) r.task().cancel();
    }

    public void remove(RunEntry r) {
        pause(r);
        runs.remove(r);
        if (selected.get() == r) selected.set(runs.isEmpty() ? null : runs.getLast());
        changed();
    }

    /** What one inspection computes off the FX thread: the sample's anatomy and the ⊥Grad geometry per tensor. */
    private record Inspection(SampleAnatomy anatomy, List<OrthoGradGeometry> geometry, int epoch) { }

    /**
     * Computes the "why" of the inspected sample for the selected run (needs a live, idle model),
     * with the raw gradient's ⊥Grad geometry at the same parameters.
     */
    public void inspect() {
        RunEntry r = selected.get();
        // one inspection per run at a time; when it ends it re-inspects if the sample number has changed meanwhile
        if (r != null && r.inspecting()) return;
        if (r == null || !r.inspectable()) {
            clearInspection();
            return;
        }
        int sample = inspectedSample.get();
        CollapseTrainer run = r.live();
        r.setInspecting(true);
        changed();
        updateBusy();
        RunningTask<Inspection> task = tasks.run("Inspecting sample " + sample,
                ctx -> new Inspection(run.inspect(sample), run.gradientGeometry(), run.epoch()), ins -> {
                    // a result for a sample or run no longer chosen (changed, removed or loaded away meanwhile) is dropped
                    if (isCurrent(r, sample)) {
                        anatomy.set(ins.anatomy());
                        comparison.showSample(ins.anatomy(), r.label(), ins.epoch());
                        projection.show(ins.geometry(), r.label() + " at epoch " + ins.epoch(), r.config().orthograd());
                    }
                    inspected(r, sample);
                }, failure -> {
                    if (isCurrent(r, sample)) error.set(failure.getMessage());
                    inspected(r, sample);
                }, () -> inspected(r, sample));
        if (r.inspecting()) r.setTask(task);
    }

    private boolean isCurrent(RunEntry r, int sample) {
        return selected.get() == r && runs.contains(r) && inspectedSample.get() == sample;
    }

    private void inspected(RunEntry r, int sample) {
        r.setInspecting(false);
        r.setTask(null);
        changed();
        updateBusy();
        // the sample number changed while this ran: inspect the one now shown (same run, still selected and idle)
        if (selected.get() == r && runs.contains(r) && inspectedSample.get() != sample && r.inspectable()) inspect();
    }

    private void clearInspection() {
        anatomy.set(null);
        comparison.showExample();
        projection.clear();
    }

    public CollapseState state() {
        List<CollapseRun> records = new ArrayList<>();
        for (RunEntry r : runs) records.add(r.toRecord());
        if (records.isEmpty()) return CollapseState.defaults();
        int index = Math.max(0, runs.indexOf(selected.get()));
        return new CollapseState(records, index, inspectedSample.get(), logEpochAxis.get());
    }

    public void load(CollapseState s) {
        for (RunEntry r : runs) pause(r);
        List<RunEntry> loaded = new ArrayList<>();
        for (CollapseRun run : s.runs()) loaded.add(new RunEntry(run.label(), run.config(), run.metrics()));
        runs.setAll(loaded);
        selected.set(loaded.get(s.selectedRun()));
        draft.set(s.runs().get(s.selectedRun()).config());
        inspectedSample.set(s.inspectedSample());
        logEpochAxis.set(s.logEpochAxis());
        clearInspection();
        error.set("");
        changed();
    }

    private void finished(RunEntry r) {
        // a listener on the DONE status may already have started an inspection, which then owns the run's task: keep it
        // so pause/remove/load/dispose can still cancel it
        if (!r.inspecting()) r.setTask(null);
        changed();
        updateBusy();
    }

    private void updateBusy() {
        busy.set(runs.stream().anyMatch(r -> r.status() == RunEntry.Status.RUNNING || r.inspecting()));
    }

    private void changed() { revision.set(revision.get() + 1); }
}
