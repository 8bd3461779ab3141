package lab.softmax.engine.task;

/** Thrown by a computation that stopped because it was cancelled; not an error. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
