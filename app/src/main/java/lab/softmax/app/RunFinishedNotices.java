package lab.softmax.app;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A note in the status bar when a lab's long run (training, a benchmark, an experiment: busy for
 * 10 s or more) finishes, so a lecturer can talk meanwhile and still see when the result is in.
 */
final class RunFinishedNotices {
    static final long LONG_RUN_NANOS = 10_000_000_000L;

    private final LongSupplier nanoClock;
    private final Consumer<String> notifier;

    RunFinishedNotices(LongSupplier nanoClock, Consumer<String> notifier) {
        this.nanoClock = nanoClock;
        this.notifier = notifier;
    }

    /** Watches a lab page's busy flag; a busy spell of {@link #LONG_RUN_NANOS} or more is announced when it ends. */
    void watch(String labTitle, ObservableBooleanValue busy) {
        long[] startedAt = {busy.get() ? nanoClock.getAsLong() : Long.MIN_VALUE};
        busy.addListener((o, was, now) -> {
            if (now) {
                startedAt[0] = nanoClock.getAsLong();
            } else if (startedAt[0] != Long.MIN_VALUE) {
                long took = nanoClock.getAsLong() - startedAt[0];
                startedAt[0] = Long.MIN_VALUE;
                if (took >= LONG_RUN_NANOS) notifier.accept(labTitle + ": the run finished after " + describe(took) + ".");
            }
        });
    }

    static String describe(long nanos) {
        long seconds = Math.round(nanos / 1e9);
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
