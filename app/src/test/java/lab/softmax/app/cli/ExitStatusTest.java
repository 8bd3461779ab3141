package lab.softmax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import lab.softmax.app.CrashLog;
import lab.softmax.engine.io.InputException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The exit-status promise: 2 with one line only for bad input (an InputException), 1 for every other
 * exception, an IllegalArgumentException from an engine included: one line pointing at a crash log that
 * holds the stack trace.
 */
class ExitStatusTest {
    @Command(name = "throw")
    static final class Throwing implements Callable<Integer> {
        private final Supplier<Throwable> error;

        Throwing(Supplier<Throwable> error) { this.error = error; }

        @Override
        public Integer call() throws Exception {
            Throwable t = error.get();
            if (t instanceof Exception e) throw e;
            throw (Error) t;
        }
    }

    private static CliRun runThrowing(Supplier<Throwable> error) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cl = Cli.commandLine(outWriter, errWriter);
        // a command added after commandLine() configured the others needs the streams set itself
        cl.addSubcommand(new CommandLine(new Throwing(error)).setOut(outWriter).setErr(errWriter));
        int exit = Cli.execute(cl, "throw");
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Test
    void inputExceptionIsBadInputInOneLine() {
        CliRun r = runThrowing(() -> new InputException("data.json", "logits[3]", "NaN is not a logit"));
        assertEquals(Cli.BAD_INPUT, r.exit());
        assertEquals(List.of("error: data.json: logits[3]: NaN is not a logit"), r.errLines());
    }

    /** The mapping this issue fixed: an engine's IllegalArgumentException is a bug, not bad input. */
    @Test
    void anIllegalArgumentExceptionFromTheEngineIsABugWithACrashLog() throws IOException {
        CliRun r = runThrowing(() -> new IllegalArgumentException("n = 7 is not a multiple of 16"));
        assertEquals(Cli.INTERNAL_ERROR, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        String line = r.errLines().getFirst();
        assertTrue(line.startsWith("internal error: java.lang.IllegalArgumentException: n = 7 is not a multiple of 16 (a bug; the stack trace is in "), line);
        assertFalse(r.err().contains("\tat "), "no trace on the terminal");
        Path log = Path.of(line.substring(line.indexOf(" is in ") + 7, line.length() - 1));
        assertTrue(log.startsWith(CrashLog.directory()), log + " under " + CrashLog.directory());
        String text = Files.readString(log);
        assertTrue(text.contains("java.lang.IllegalArgumentException: n = 7 is not a multiple of 16"), text);
        assertTrue(text.contains("\tat lab.softmax.app.cli.ExitStatusTest"), "the stack trace: " + text);
        assertTrue(text.contains("running: softmax-lab throw"), text);
    }

    @Test
    void errorsThatEscapePicocliAreBugsToo() {
        CliRun oom = runThrowing(() -> new OutOfMemoryError("Java heap space"));
        assertEquals(Cli.INTERNAL_ERROR, oom.exit());
        assertEquals(1, oom.errLines().size(), oom.err());
        assertTrue(oom.err().startsWith("internal error: java.lang.OutOfMemoryError: Java heap space (a bug; "), oom.err());
        CliRun npe = runThrowing(NullPointerException::new);
        assertEquals(Cli.INTERNAL_ERROR, npe.exit());
    }

    /** A value quoted from a file can hold a newline; the message stays one line. */
    @Test
    void aMessageQuotingANewlineStaysOneLine() {
        CliRun r = runThrowing(() -> new InputException("in.json", "lab", "unknown lab 'a\nb\u0007'"));
        assertEquals(Cli.BAD_INPUT, r.exit());
        assertEquals(List.of("error: in.json: lab: unknown lab 'a b\\u0007'"), r.errLines());
    }

    @Test
    void usageErrorsAreBadInput() {
        CliRun r = CliRun.of("normalize", "--no-such-option");
        assertEquals(Cli.BAD_INPUT, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
    }
}
