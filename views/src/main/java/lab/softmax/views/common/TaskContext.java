package lab.softmax.views.common;

import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/** What a background computation gets: progress reporting, cancellation, and a way to publish partial results. */
public interface TaskContext {
    Progress progress();

    Cancellation cancellation();

    /** Runs a UI update (e.g. partial results) on the UI executor. Batch through ThrottledUpdater for streams. */
    void publish(Runnable uiUpdate);
}
