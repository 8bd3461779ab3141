package lab.softmax.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lab.softmax.engine.io.Json;
import tools.jackson.databind.JsonNode;

/** One command line run in-process: its exit status and what it printed. */
public record CliRun(int exit, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    public List<String> errLines() { return err.lines().toList(); }

    public JsonNode json() { return Json.mapper().readTree(out); }
}
