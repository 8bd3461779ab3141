package lab.softmax.engine.io;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Bad input from a user: names the source (file), the field or index at fault and the value,
 * so the CLI can print one line and exit 2, and the app can show it in a dialog.
 * <p>
 * The one exception that means "the user's input is wrong". Validation of user-given values (a state
 * record's or a config's checks, an option's parser) throws it with the field and no source; the reader or
 * command that knows the file or option adds it. Every other exception, an {@link IllegalArgumentException}
 * included, is a bug (CLI exit 1). It extends IllegalArgumentException so that code catching bad arguments
 * (a view's text field) still catches it.
 */
public final class InputException extends IllegalArgumentException {
    private final String source;
    private final String field;
    private final String problem;

    public InputException(String source, String field, String problem) {
        super(format(source, field, problem));
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    /** A user-given value that fails validation, before the file or option it came from is known. */
    public InputException(String field, String problem) {
        this("", field, problem);
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
        if (e instanceof java.nio.charset.CharacterCodingException) return new InputException(source, "", "not UTF-8 text", e);
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
        return oneLine(b.append(problem).toString());
    }

    /** Longest message: a value quoted from a file may be a megabyte long; its middle is left out. */
    static final int MAX_MESSAGE = 600;

    /**
     * A message as one printable line: a value quoted from a file may hold newlines or control characters,
     * which become a space or a {@code \\uXXXX} escape, and may be very long, which is shortened in the middle.
     */
    public static String oneLine(String message) {
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, 400) + " … (" + (message.length() - 600) + " characters left out) … "
                    + message.substring(message.length() - 200);
        }
        StringBuilder b = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\n' || c == '\r' || c == '\t' || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                b.append(' ');
            } else if (Character.isISOControl(c) || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
