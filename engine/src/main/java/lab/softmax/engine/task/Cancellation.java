package lab.softmax.engine.task;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A cancellation flag a long computation polls between steps. Thread-safe. */
public final class Cancellation {
    /** {@link #throwIfCancelledAt} looks at the flag once per this many indices. */
    public static final int ELEMENTS_PER_CHECK = 1 << 16;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Checks left until the flag sets itself; Long.MAX_VALUE: never (checks are then not counted). */
    private final long checksUntilCancelled;
    private final AtomicLong checks = new AtomicLong();

    private Cancellation(long checksUntilCancelled) {
        this.checksUntilCancelled = checksUntilCancelled;
    }

    public Cancellation() {
        this(Long.MAX_VALUE);
    }

    public static Cancellation none() { return new Cancellation(); }

    /**
     * A flag that cancels itself at its n-th check (n ≥ 1): a test then stops a computation at a chosen check,
     * deep inside it, without depending on timing.
     */
    public static Cancellation afterChecks(long n) {
        if (n < 1) throw new IllegalArgumentException("n: " + n + " must be at least 1");
        return new Cancellation(n);
    }

    public void cancel() { cancelled.set(true); }

    public boolean isCancelled() { return cancelled.get(); }

    public void throwIfCancelled() {
        if (checksUntilCancelled != Long.MAX_VALUE && checks.incrementAndGet() >= checksUntilCancelled) cancelled.set(true);
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }

    /**
     * For a loop over many cheap elements: checks at index 0, {@link #ELEMENTS_PER_CHECK}, 2·… only (a
     * pass over 5·10⁷ values then checks every ~1 ms of work, and the check costs nothing measurable).
     */
    public void throwIfCancelledAt(long index) {
        if ((index & (ELEMENTS_PER_CHECK - 1)) == 0) throwIfCancelled();
    }
}
