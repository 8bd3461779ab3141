package lab.softmax.app.cli;

import java.util.function.Supplier;
import lab.softmax.engine.io.InputException;

/** Turns a bad option value into bad input (exit 2) naming that option. */
public final class Options {
    private Options() { }

    /**
     * Builds an engine config from option values; the engine's "field: problem" message becomes bad
     * input naming the option ({@code batchSize} → {@code --batch-size}).
     */
    public static <T> T config(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            int colon = msg.indexOf(':');
            if (colon <= 0) throw new InputException("", "", msg);
            String option = "--" + msg.substring(0, colon).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
            throw new InputException("", option, msg.substring(colon + 1).trim());
        }
    }

    public static <T> T parse(Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InputException("", option, e.getMessage());
        }
    }
}
