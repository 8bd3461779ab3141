package lab.softmax.views.collapse;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.CollapseRun;
import lab.softmax.engine.collapse.CollapseTrainer;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.views.common.RunningTask;

/**
 * One run in the lab: its config, the metrics so far (FX thread only) and, once trained here, the live
 * model. Others read it; only {@link CollapseViewModel} changes it, through the package-private setters.
 */
public final class RunEntry {
    public enum Status { RECORDED, READY, RUNNING, PAUSED, DONE }

    private final String label;
    private final CollapseConfig config;
    private final ObservableList<EpochMetrics> metrics = FXCollections.observableArrayList();
    private final ObservableList<EpochMetrics> readOnlyMetrics = FXCollections.unmodifiableObservableList(metrics);
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status");
    /** True while a "why" inspection uses the live model: training it meanwhile would share its workspace. */
    private final ReadOnlyBooleanWrapper inspecting = new ReadOnlyBooleanWrapper(this, "inspecting");
    private CollapseTrainer live;
    private RunningTask<?> task;

    RunEntry(String label, CollapseConfig config, List<EpochMetrics> recorded) {
        this.label = label;
        this.config = config;
        metrics.setAll(recorded);
        status.set(recorded.isEmpty() ? Status.READY : Status.RECORDED);
    }

    public String label() { return label; }

    public CollapseConfig config() { return config; }

    /** The logged metrics, oldest first (read-only; grows while the run trains). */
    public ObservableList<EpochMetrics> metrics() { return readOnlyMetrics; }

    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }

    public Status status() { return status.get(); }

    public ReadOnlyBooleanProperty inspectingProperty() { return inspecting.getReadOnlyProperty(); }

    public boolean inspecting() { return inspecting.get(); }

    /** False while an inspection is using the live model (start/resume must wait for it). */
    public boolean startable() { return !inspecting.get(); }

    /** True when a live model exists, is not training and is not already being inspected. */
    public boolean inspectable() { return live != null && status.get() != Status.RUNNING && !inspecting.get(); }

    /** First logged epoch with SC above 50 %, or -1 (only meaningful for softmax CE runs). */
    public int sc50Epoch() { return toRecord().firstEpochAbove(0.5); }

    void setStatus(Status s) { status.set(s); }

    void setInspecting(boolean on) { inspecting.set(on); }

    void appendMetrics(List<EpochMetrics> batch) { metrics.addAll(batch); }

    void clearMetrics() { metrics.clear(); }

    CollapseTrainer live() { return live; }

    void setLive(CollapseTrainer model) { live = model; }

    RunningTask<?> task() { return task; }

    void setTask(RunningTask<?> t) { task = t; }

    CollapseRun toRecord() { return new CollapseRun(label, config, List.copyOf(metrics)); }

    @Override
    public String toString() { return label; }
}
