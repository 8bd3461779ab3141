package lab.softmax.views.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a panel shows of its long run (training, an experiment): busy, a one-line status and progress in [0, 1]
 * (0 when idle, 1 after a run that ended "done…").
 */
public final class RunStatus {
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyDoubleWrapper progress;

    /** Properties of {@code bean} (the view-model). */
    public RunStatus(Object bean) {
        busy = new ReadOnlyBooleanWrapper(bean, "busy");
        status = new ReadOnlyStringWrapper(bean, "status", "");
        progress = new ReadOnlyDoubleWrapper(bean, "progress");
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public boolean busy() { return busy.get(); }

    public void status(String message) { status.set(message); }

    /** A run starts: busy, with this status. */
    public void start(String message) {
        busy.set(true);
        status.set(message);
    }

    /** Progress follows the task's (its indeterminate −1 shown as 0). */
    public void follow(RunningTask<?> task) { progress.bind(task.progressProperty().map(p -> Math.max(0, p.doubleValue()))); }

    /** The run ended: idle, with this status; progress 1 if the message starts with "done", else 0. */
    public void finish(String message) {
        progress.unbind();
        progress.set(message.startsWith("done") ? 1 : 0);
        busy.set(false);
        status.set(message);
    }
}
