package lab.softmax.views.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import lab.softmax.engine.task.CancelledException;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/** A started background task: observable progress and message, and cancel. */
public final class RunningTask<T> implements TaskContext {
    private final String title;
    private final Executor ui;
    private final Cancellation cancellation = new Cancellation();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", true);
    // Progress is coalesced: only the newest report is pushed to the UI, one runLater at a time.
    private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
    private final AtomicReference<String> pendingMessage = new AtomicReference<>("");
    private final AtomicBoolean progressScheduled = new AtomicBoolean();

    RunningTask(String title, Executor ui) {
        this.title = title;
        this.ui = ui;
        message.set(title);
    }

    void execute(BackgroundTasks.Work<T> work, Consumer<? super T> onSuccess,
                 Consumer<? super Throwable> onFailure, Runnable onCancelled) {
        try {
            cancellation.throwIfCancelled();
            T result = work.compute(this);
            ui.execute(() -> {
                running.set(false);
                progress.set(1);
                if (cancellation.isCancelled()) {
                    onCancelled.run();
                } else {
                    onSuccess.accept(result);
                }
            });
        } catch (CancelledException e) {
            ui.execute(() -> {
                running.set(false);
                onCancelled.run();
            });
        } catch (Throwable e) {
            ui.execute(() -> {
                running.set(false);
                onFailure.accept(e);
            });
        }
    }

    public String title() { return title; }

    public void cancel() { cancellation.cancel(); }

    public boolean isCancelled() { return cancellation.isCancelled(); }

    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    @Override
    public Progress progress() {
        return (fraction, text) -> {
            pendingFraction.set(new double[] {fraction});
            if (text != null) pendingMessage.set(text);
            if (progressScheduled.compareAndSet(false, true)) {
                ui.execute(() -> {
                    progressScheduled.set(false);
                    progress.set(pendingFraction.get()[0]);
                    String m = pendingMessage.get();
                    message.set(m == null || m.isEmpty() ? title : title + ": " + m);
                });
            }
        };
    }

    @Override
    public Cancellation cancellation() { return cancellation; }

    @Override
    public void publish(Runnable uiUpdate) { ui.execute(uiUpdate); }
}
