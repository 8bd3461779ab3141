package lab.softmax.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import lab.softmax.app.CrashLog;
import lab.softmax.app.Lab;
import lab.softmax.app.Labs;
import lab.softmax.engine.io.InputException;
import picocli.CommandLine;

/**
 * Runs a command line: exit 0 on success, 2 with one line naming the fault for bad input (a picocli
 * usage error or an {@link InputException}), 1 for anything else, which is a bug: one line on stderr
 * pointing at the crash log ({@link CrashLog}) that holds the stack trace.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    private Cli() { }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * The entry point, with the streams given (tests capture them). Errors that escape picocli's handler
     * (an OutOfMemoryError, a StackOverflowError) are bugs too and end the same way.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return execute(commandLine(out, err), args);
        } catch (Throwable e) {
            return internalError(err, e, args);
        }
    }

    /** Runs a command line built by {@link #commandLine} (tests add a command to it first). */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable e) {
            return internalError(cl.getErr(), e, args);
        }
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SoftmaxLabCommand());
        CommandLine train = new CommandLine(new TrainCommand());
        for (Lab lab : Labs.REGISTERED) {
            lab.commands().forEach(cl::addSubcommand);
            lab.trainCommands().forEach(train::addSubcommand);
        }
        cl.addSubcommand(train);
        cl.addSubcommand(SnapshotCommand.class);
        cl.addSubcommand(ScenarioCommand.class);
        cl.addSubcommand(lab.softmax.app.cli.lesson.LessonCommand.class);
        // settings below reach only the subcommands added so far, hence they come after them
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // descriptions are written as lines of up to 100 characters; at picocli's default 80 each
        // line wrapped into a long and a short one
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + oneLine(String.valueOf(ex.getMessage()))
                    + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable e = unwrap(ex);
            if (e instanceof InputException) {
                commandLine.getErr().println("error: " + oneLine(e.getMessage()));
                return BAD_INPUT;
            }
            return internalError(commandLine.getErr(), e, parseResult.originalArgs().toArray(String[]::new));
        });
        return cl;
    }

    /** One line pointing at the crash log; the trace itself on stderr only when no log can be written. */
    static int internalError(PrintWriter err, Throwable e, String... args) {
        Path log = CrashLog.write(e, "softmax-lab " + String.join(" ", args));
        if (log != null) {
            err.println("internal error: " + oneLine(String.valueOf(e)) + " (a bug; the stack trace is in " + log + ")");
        } else {
            err.println("internal error: " + oneLine(String.valueOf(e)) + " (a bug; no crash log could be written, trace follows)");
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    private static String oneLine(String message) { return InputException.oneLine(message); }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.io.UncheckedIOException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
