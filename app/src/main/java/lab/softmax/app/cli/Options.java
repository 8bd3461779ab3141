package lab.softmax.app.cli;

import java.util.function.Supplier;
import lab.softmax.engine.io.InputException;

/** Turns a parse failure of an option's value into bad input (exit 2) naming that option. */
final class Options {
    private Options() { }

    static <T> T parse(Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new InputException("", option, e.getMessage());
        }
    }
}
