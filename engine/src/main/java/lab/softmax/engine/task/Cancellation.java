package lab.softmax.engine.task;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancellation flag a long computation polls between steps. Thread-safe. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() { return new Cancellation(); }

    public void cancel() { cancelled.set(true); }

    public boolean isCancelled() { return cancelled.get(); }

    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
