package lab.softmax.views.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one way views run engine work off the FX thread: a worker pool for the computation and an
 * executor for the UI (Platform::runLater in the app, the calling thread in tests). Results,
 * failures and progress always arrive on the UI executor.
 */
public final class BackgroundTasks implements AutoCloseable {
    private final Executor workers;
    private final Executor ui;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyObjectWrapper<RunningTask<?>> latest = new ReadOnlyObjectWrapper<>(this, "latest");

    /** @param workers where computations run; @param ui where results and progress are delivered */
    public BackgroundTasks(Executor workers, Executor ui) {
        this.workers = workers;
        this.ui = ui;
    }

    /**
     * Daemon workers, as many as there are tasks, and Platform::runLater. Not a fixed pool of two
     * (the cores): two long trainings would then hold every worker and a recomputation asked for
     * by another lab would wait for hours; several tasks share the cores instead. Each worker runs at a
     * lower priority than the window ({@link WorkerPriority}), and so does every thread it starts.
     */
    public static BackgroundTasks forFxApplication() {
        return new BackgroundTasks(Executors.newCachedThreadPool(workerThreads()), Platform::runLater);
    }

    /** The app's worker threads: daemons that lower their own priority before they run anything. */
    static ThreadFactory workerThreads() {
        return lowPriorityDaemons("lab-worker-");
    }

    /**
     * Daemon threads named prefix + 1, 2, … that lower their own priority ({@link WorkerPriority}) before they run
     * anything: for background work of a view outside the tasks (e.g. painting an image).
     */
    public static ThreadFactory lowPriorityDaemons(String namePrefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(() -> {
                WorkerPriority.lowerCurrentThread();
                r.run();
            }, namePrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @FunctionalInterface
    public interface Work<T> {
        T compute(TaskContext context) throws Exception;
    }

    /**
     * Starts work on a worker thread.
     * @param onSuccess called on the UI executor with the result (not called when cancelled)
     * @param onFailure called on the UI executor with the error (not called when cancelled)
     */
    public <T> RunningTask<T> run(String title, Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        return run(title, work, onSuccess, onFailure, () -> { });
    }

    /** As above; {@code onCancelled} runs on the UI executor when the work stopped because it was cancelled. */
    public <T> RunningTask<T> run(String title, Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure, Runnable onCancelled) {
        return runOn(workers, title, work, onSuccess, onFailure, onCancelled);
    }

    /**
     * As above on an executor of the caller's (e.g. one that keeps saves in order and outlives
     * {@link #close()}); the task still shows in {@link #latestProperty()} and {@link #runningProperty()}.
     */
    public <T> RunningTask<T> runOn(Executor executor, String title, Work<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure, Runnable onCancelled) {
        RunningTask<T> task = new RunningTask<>(title, ui);
        ui.execute(() -> {
            running.set(running.get() + 1);
            latest.set(task);
        });
        try {
            executor.execute(() -> task.execute(work, result -> {
                running.set(running.get() - 1);
                onSuccess.accept(result);
            }, error -> {
                running.set(running.get() - 1);
                onFailure.accept(error);
            }, () -> {
                running.set(running.get() - 1);
                onCancelled.run();
            }));
        } catch (RejectedExecutionException closed) {
            // After close() (the window closing, a headless command done) late requests, e.g. a drag's
            // follow-up recomputation, end as cancelled instead of throwing on the UI thread.
            task.cancel();
            ui.execute(() -> {
                running.set(running.get() - 1);
                onCancelled.run();
            });
        }
        return task;
    }

    /** How many tasks are running (for the status bar). */
    public ReadOnlyIntegerProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The most recently started task (for the status bar's progress and cancel button). */
    public ReadOnlyObjectProperty<RunningTask<?>> latestProperty() { return latest.getReadOnlyProperty(); }

    public Executor uiExecutor() { return ui; }

    @Override
    public void close() {
        if (workers instanceof ExecutorService pool) pool.shutdownNow();
    }
}
