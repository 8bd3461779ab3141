package lab.softmax.engine.io;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Bad input from a user: names the source (file), the field or index at fault and the value,
 * so the CLI can print one line and exit 2, and the app can show it in a dialog.
 */
public final class InputException extends RuntimeException {
    private final String source;
    private final String field;
    private final String problem;

    public InputException(String source, String field, String problem) {
        super(format(source, field, problem));
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    public InputException(String source, String field, String problem, Throwable cause) {
        super(format(source, field, problem), cause);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** A file that cannot be opened or read: "file not found", or "cannot read: " and why. */
    public static InputException unreadable(String source, IOException e) {
        if (e instanceof NoSuchFileException) return new InputException(source, "", "file not found");
        return new InputException(source, "", "cannot read: " + (e.getMessage() != null ? e.getMessage() : e), e);
    }

    public String source() { return source; }

    public String field() { return field; }

    /** What is wrong, without the source and field. */
    public String problem() { return problem; }

    private static String format(String source, String field, String problem) {
        StringBuilder b = new StringBuilder();
        if (source != null && !source.isEmpty()) b.append(source).append(": ");
        if (field != null && !field.isEmpty()) b.append(field).append(": ");
        return b.append(problem).toString();
    }
}
