package lab.softmax.engine.task;

/** Where a long computation reports how far it is; the CLI prints it, the views bind it. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (fraction, message) -> { };

    /** @param fraction in [0, 1], or negative when unknown */
    void report(double fraction, String message);
}
