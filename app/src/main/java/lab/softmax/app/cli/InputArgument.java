package lab.softmax.app.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A command's {@code --input}: a file, or '-' for JSON on standard input (named {@value #STDIN} in messages). */
public final class InputArgument {
    public static final String STDIN = "<stdin>";

    private InputArgument() { }

    /** The name bad input is reported under: the file as given, or {@value #STDIN}. */
    public static String source(String input) { return input.equals("-") ? STDIN : input; }

    /** Reads standard input as JSON for '-', else the file (whose reader picks its format). */
    public static <T> T read(String input, BiFunction<InputStream, String, T> json, Function<Path, T> file) {
        return input.equals("-") ? json.apply(System.in, STDIN) : file.apply(Path.of(input));
    }
}
