package lab.softmax.views.common;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Recomputation that keeps up with a dragging user: at most one run in flight. A request while
 * one runs schedules exactly one follow-up, which reads the inputs as they are then, and cancels
 * the run in flight unless it started less than {@code keepMillis} ago: a run that is nearly done is
 * worth showing while the user drags (a fast map redrawn at frame rate), a slow one is not (it would
 * only delay the newest inputs). A run the user cancels ends the recomputation: the follow-up a request
 * had scheduled is dropped, so Cancel stops the work rather than restarting it. Call from the UI thread.
 */
public final class CoalescingTask<T> {
    private final BackgroundTasks tasks;
    private final String title;
    private final Supplier<BackgroundTasks.Work<T>> work;
    private final Consumer<? super T> onResult;
    private final Consumer<? super Throwable> onFailure;
    /** keepMillis that never cancels a run: for short runs that cannot stop midway (a plane frame). */
    public static final long KEEP_EVERY_RUN = Long.MAX_VALUE / 1_000_000;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final long keepNanos;
    private RunningTask<T> current;
    private long startedNanos;
    private boolean dirty;
    /** The run in flight was cancelled by a request, for its follow-up (not by the user's Cancel). */
    private boolean supersededByRequest;

    /**
     * @param work called on the UI thread at the start of each run: it reads the inputs and returns
     *             the computation to run off the UI thread
     */
    public CoalescingTask(BackgroundTasks tasks, String title, Supplier<BackgroundTasks.Work<T>> work,
                          Consumer<? super T> onResult, Consumer<? super Throwable> onFailure) {
        this(tasks, title, work, onResult, onFailure, 0);
    }

    /** @param keepMillis a request lets a run younger than this finish (and show) before the follow-up */
    public CoalescingTask(BackgroundTasks tasks, String title, Supplier<BackgroundTasks.Work<T>> work,
                          Consumer<? super T> onResult, Consumer<? super Throwable> onFailure, long keepMillis) {
        this.keepNanos = keepMillis * 1_000_000;
        this.tasks = tasks;
        this.title = title;
        this.work = work;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** True from a request until the last run it caused has ended. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    public void request() {
        if (running.get()) {
            dirty = true;
            if (current != null && System.nanoTime() - startedNanos >= keepNanos) {
                supersededByRequest = true;
                current.cancel();
            }
            return;
        }
        dirty = false;
        supersededByRequest = false;
        running.set(true);
        startedNanos = System.nanoTime();
        RunningTask<T> task = tasks.run(title, work.get(), result -> {
            onResult.accept(result);
            finished();
        }, error -> {
            onFailure.accept(error);
            finished();
        }, () -> {
            // The user's Cancel (the status bar's, a lab's button) stops the work: no follow-up starts behind it.
            if (!supersededByRequest) dirty = false;
            finished();
        });
        // With a synchronous executor (tests) the run has already ended here.
        current = running.get() ? task : null;
    }

    private void finished() {
        current = null;
        running.set(false);
        if (dirty) request();
    }
}
