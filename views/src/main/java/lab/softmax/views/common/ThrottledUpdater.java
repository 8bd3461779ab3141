package lab.softmax.views.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Coalesces a stream of items (e.g. training metrics) into batches applied on the UI executor at
 * most every {@code periodMillis} (~30 Hz by default): one repaint per batch, not per point.
 * {@link #offer} may be called from any thread.
 */
public final class ThrottledUpdater<T> {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "throttled-updater");
        t.setDaemon(true);
        return t;
    });

    /**
     * The period for streams that redraw several charts (a training's curves): 10 redraws a second look as live as 30
     * and cost the FX and render threads a third (docs/RELIABILITY.md).
     */
    public static final long CHART_PERIOD_MILLIS = 100;

    /** Runs a task after a delay (the shared timer thread; tests pass their own). */
    interface Timer {
        void schedule(Runnable task, long delayMillis);
    }

    private final long periodMillis;
    private final Executor ui;
    private final Consumer<List<T>> apply;
    private final Timer timer;
    private final LongSupplier nanoClock;
    private final Object lock = new Object();
    private List<T> pending = new ArrayList<>();
    private boolean scheduled;
    private long lastFlushNanos;

    public ThrottledUpdater(Executor ui, Consumer<List<T>> apply) {
        this(33, ui, apply);
    }

    public ThrottledUpdater(long periodMillis, Executor ui, Consumer<List<T>> apply) {
        this(periodMillis, ui, apply, (task, delay) -> TIMER.schedule(task, delay, TimeUnit.MILLISECONDS), System::nanoTime);
    }

    ThrottledUpdater(long periodMillis, Executor ui, Consumer<List<T>> apply, Timer timer, LongSupplier nanoClock) {
        this.periodMillis = periodMillis;
        this.ui = ui;
        this.apply = apply;
        this.timer = timer;
        this.nanoClock = nanoClock;
        // As if flushed a period ago: the first item goes out at once (nanoTime's origin is arbitrary, may be < 0).
        this.lastFlushNanos = nanoClock.getAsLong() - TimeUnit.MILLISECONDS.toNanos(periodMillis);
    }

    public void offer(T item) {
        long delay;
        synchronized (lock) {
            pending.add(item);
            if (scheduled) return;
            scheduled = true;
            long sinceLast = (nanoClock.getAsLong() - lastFlushNanos) / 1_000_000;
            delay = Math.max(0, periodMillis - sinceLast);
        }
        timer.schedule(() -> ui.execute(this::flush), delay);
    }

    /** Applies everything pending now (on the calling thread, which must be the UI thread). */
    public void flush() {
        List<T> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
            lastFlushNanos = nanoClock.getAsLong();
        }
        if (!batch.isEmpty()) apply.accept(batch);
    }
}
