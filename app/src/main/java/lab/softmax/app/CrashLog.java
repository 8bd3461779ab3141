package lab.softmax.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.engine.io.AtomicFiles;

/**
 * Writes the stack trace of a bug to {@code <state>/logs/crash-<time>-<pid>.log} so that the user sees one
 * line pointing at it instead of a wall of trace, and can attach the file to a bug report. Keeps the
 * newest {@value #KEEP} logs.
 */
public final class CrashLog {
    static final int KEEP = 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private CrashLog() { }

    public static Path directory() { return StateDirectory.get().resolve("logs"); }

    /**
     * Writes the log; returns its path, or null when it cannot be written (then the caller shows the
     * trace itself).
     * @param context what was running: the command line, or "the app"
     */
    public static Path write(Throwable error, String context) {
        Path dir = directory();
        Path file = dir.resolve("crash-" + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + ".log");
        try {
            AtomicFiles.writeString(file, report(error, context));
            prune(dir);
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The log's text: what ran, on what, and the full trace with causes. */
    static String report(Throwable error, String context) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("Softmax Lab internal error (a bug: please attach this file to a bug report)");
        out.println("time:    " + LocalDateTime.now());
        out.println("running: " + context);
        out.println("java:    " + System.getProperty("java.vm.name") + " " + Runtime.version());
        out.println("os:      " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        out.println();
        error.printStackTrace(out);
        out.flush();
        return text.toString();
    }

    /** Oldest first, drop all but the newest KEEP. */
    private static void prune(Path dir) throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.filter(p -> p.getFileName().toString().matches("crash-.*\\.log")).sorted().toList();
        }
        for (int i = 0; i < logs.size() - KEEP; i++) Files.deleteIfExists(logs.get(i));
    }
}
