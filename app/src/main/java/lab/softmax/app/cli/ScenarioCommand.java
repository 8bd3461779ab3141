package lab.softmax.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.SampleData;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Scenario files: validate one, or list those shipped in sample-data.",
        subcommands = {ScenarioCommand.Validate.class, ScenarioCommand.ListShipped.class})
public final class ScenarioCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Exit 0 when FILE is a valid scenario, else exit 2 naming the field at fault.")
    static final class Validate implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            Scenario<?> s = ScenarioTypes.io().read(file);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = JsonOutput.object();
                o.put("file", file.toString());
                o.put("lab", s.lab());
                o.put("version", s.type().version());
                o.put("title", s.title());
                o.put("valid", true);
                JsonOutput.print(out, o);
            } else {
                out.printf("%s: valid %s scenario \"%s\"%n", file, s.lab(), s.title());
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The scenarios shipped in sample-data, with their titles.")
    static final class ListShipped implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            ScenarioIO io = ScenarioTypes.io();
            ArrayNode list = JsonOutput.object().arrayNode();
            PrintWriter out = spec.commandLine().getOut();
            for (Path p : SampleData.scenarioFiles()) {
                ObjectNode o = list.addObject();
                o.put("file", SampleData.directory().relativize(p).toString());
                try {
                    Scenario<?> s = io.read(p);
                    o.put("lab", s.lab());
                    o.put("title", s.title());
                } catch (InputException e) {
                    o.put("error", e.getMessage());
                }
                if (!json) {
                    out.printf(Locale.ROOT, "%-16s %-48s %s%n", o.path("lab").asString(""),
                            o.get("file").asString(), o.has("error") ? "INVALID: " + o.get("error").asString() : o.get("title").asString());
                }
            }
            if (json) {
                ObjectNode doc = JsonOutput.object();
                doc.set("scenarios", list);
                JsonOutput.print(out, doc);
            }
            return Cli.OK;
        }
    }
}
