package lab.softmax.app.cli;

import java.io.PrintWriter;
import lab.softmax.app.Lab;
import lab.softmax.app.Labs;
import lab.softmax.engine.io.InputException;
import picocli.CommandLine;

/** Runs a command line: exit 0 on success, 2 with one line naming the fault for bad input, 1 for a bug. */
public final class Cli {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    private Cli() { }

    public static int run(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
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
            ex.getCommandLine().getErr().println("error: " + ex.getMessage()
                    + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable e = unwrap(ex);
            if (e instanceof InputException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("internal error: " + e);
            for (StackTraceElement el : e.getStackTrace()) {
                commandLine.getErr().println("\tat " + el);
            }
            return INTERNAL_ERROR;
        });
        return cl;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.io.UncheckedIOException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
