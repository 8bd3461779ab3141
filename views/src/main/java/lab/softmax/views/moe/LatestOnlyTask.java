package lab.softmax.views.moe;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import lab.softmax.views.common.BackgroundTasks;

/**
 * Recomputation for a drag whose runs are short (a plane frame, 10–30 ms) and cannot stop midway: at most one run in
 * flight, and a request meanwhile schedules exactly one follow-up that reads the newest inputs. Unlike
 * {@code CoalescingTask} it does not cancel the run in flight: while the mouse moves faster than a frame is computed,
 * cancelling would discard every frame and show nothing until the drag stops; here every finished frame is shown, so
 * the picture follows the drag at the frame rate. Call from the UI thread.
 */
final class LatestOnlyTask<T> {
    private final BackgroundTasks tasks;
    private final String title;
    private final Supplier<BackgroundTasks.Work<T>> work;
    private final Consumer<? super T> onResult;
    private final Consumer<? super Throwable> onFailure;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private boolean inFlight;
    private boolean dirty;

    LatestOnlyTask(BackgroundTasks tasks, String title, Supplier<BackgroundTasks.Work<T>> work, Consumer<? super T> onResult,
                   Consumer<? super Throwable> onFailure) {
        this.tasks = tasks;
        this.title = title;
        this.work = work;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** True from a request until the last run it caused has ended. */
    ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    void request() {
        if (inFlight) {
            dirty = true;
            return;
        }
        dirty = false;
        inFlight = true;
        running.set(true);
        tasks.run(title, work.get(), result -> {
            onResult.accept(result);
            finished();
        }, error -> {
            onFailure.accept(error);
            finished();
        }, this::finished);
    }

    private void finished() {
        inFlight = false;
        if (dirty) {
            request();
        } else {
            running.set(false);
        }
    }
}
