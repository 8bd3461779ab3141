package lab.softmax.views.attention;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import lab.softmax.engine.attention.ValueDenoising;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.RunningTask;

/** The value-denoising demo ({@link ValueDenoising#run}) off the FX thread: four MSEs and the learned τ_v. */
public final class DenoisingViewModel {
    private final BackgroundTasks tasks;
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ReadOnlyObjectWrapper<ValueDenoising.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private RunningTask<ValueDenoising.Result> running;
    private int generation;

    DenoisingViewModel(BackgroundTasks tasks) { this.tasks = tasks; }

    public LongProperty seedProperty() { return seed; }
    public ReadOnlyObjectProperty<ValueDenoising.Result> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** Runs the demo with the default settings (1000 steps). */
    public void run() { run(ValueDenoising.Config.defaults(seed.get()).steps()); }

    /** Runs the demo with this many training steps (cancelling a running one). */
    public void run(int steps) {
        cancel();
        ValueDenoising.Config d = ValueDenoising.Config.defaults(seed.get());
        ValueDenoising.Config c = new ValueDenoising.Config(d.tokens(), d.dim(), d.levels(), steps, d.batchSize(),
                d.learningRate(), d.evalExamples(), d.seed());
        int gen = ++generation;
        busy.set(true);
        status.set("training both models…");
        RunningTask<ValueDenoising.Result> task = tasks.run("Value denoising (" + steps + " steps)",
                ctx -> ValueDenoising.run(c, ctx.progress(), ctx.cancellation()), r -> {
                    if (gen == generation) result.set(r);
                    done(gen, "done: " + steps + " steps, MSE on " + c.evalExamples() + " fresh contexts");
                }, failure -> done(gen, "failed: " + failure.getMessage()), () -> done(gen, "cancelled"));
        running = busy.get() ? task : null;
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    /** A run that was replaced by a newer one leaves the busy flag and status to the newer one. */
    private void done(int gen, String message) {
        if (gen != generation) return;
        running = null;
        busy.set(false);
        status.set(message);
    }
}
