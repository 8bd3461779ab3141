package lab.softmax.app.cli;

import java.util.function.Supplier;
import lab.softmax.engine.io.InputException;

/** Turns a parse failure of an option's value into bad input (exit 2) naming that option. */
public final class Options {
    private Options() { }

    public static <T> T parse(Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InputException("", option, e.getMessage());
        }
    }
}
