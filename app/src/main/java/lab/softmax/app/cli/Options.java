package lab.softmax.app.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import lab.softmax.engine.io.InputException;

/**
 * Turns a rejected option value into bad input (exit 2) naming that option. Only an
 * {@link InputException} (the engine's validation of user-given values) is translated: any other
 * exception thrown while building a config is a bug and stays one (exit 1).
 */
public final class Options {
    private Options() { }

    /**
     * Builds an engine config from option values; the field the engine names becomes the option a user
     * typed ({@code batchSize} → {@code --batch-size}).
     */
    public static <T> T config(Supplier<T> build) {
        return config(build, Map.of());
    }

    /** As {@link #config(Supplier)}, with the options whose names differ from their field ({@code keyDim} → {@code --dim}). */
    public static <T> T config(Supplier<T> build, Map<String, String> optionOfField) {
        try {
            return build.get();
        } catch (InputException e) {
            if (e.field().isEmpty()) throw new InputException("", "", e.problem(), e);
            String field = e.field().replaceAll("\\[.*", "");
            String option = optionOfField.getOrDefault(field, optionSpelling(field));
            throw new InputException("", option, e.problem(), e);
        }
    }

    /** {@code batchSize} or {@code batch size} → {@code --batch-size}. */
    static String optionSpelling(String field) {
        return "--" + field.trim().replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace(' ', '-').toLowerCase(Locale.ROOT);
    }

    /** The value of one option, parsed; a value the parser rejects is bad input naming the option. */
    public static <T> T parse(Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (InputException e) {
            throw new InputException("", option, e.getMessage(), e);
        }
    }
}
