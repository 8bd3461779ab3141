package lab.softmax.views.common;

/**
 * Several property changes made as one (a loaded state, an added expert): listeners that would recompute after each
 * change ask {@link #active()} and skip, and the caller recomputes once afterwards.
 */
public final class ChangeBatch {
    private boolean active;

    /** Whether changes are being made as one batch now (listeners skip their recomputation). */
    public boolean active() { return active; }

    /** Makes the changes with {@link #active()} true. */
    public void run(Runnable changes) {
        boolean outer = active;
        active = true;
        try {
            changes.run();
        } finally {
            active = outer;
        }
    }
}
