package lab.softmax.app.cli.lesson;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.Labs;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonDocumentOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.lesson.Lesson;
import lab.softmax.app.lesson.LessonIO;
import lab.softmax.app.lesson.ShippedLessons;
import lab.softmax.engine.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Lesson files (sample-data/lessons, or a lecturer's own): list, check, export a hand-out. */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Lessons: list the shipped ones, check a lesson file, or export it as figures plus a Markdown hand-out.",
        subcommands = {LessonCommand.ListShipped.class, LessonCommand.Check.class, LessonCommand.Export.class})
public final class LessonCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static LessonIO io() { return new LessonIO(Labs.REGISTERED, ScenarioTypes.io()); }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The lessons shipped in sample-data/lessons: file, title, labs and number of steps.")
    static final class ListShipped implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin JsonDocumentOption json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ObjectNode doc = JsonOutput.object();
            ArrayNode list = doc.putArray("lessons");
            LessonIO io = io();
            for (Path file : ShippedLessons.files()) {
                ObjectNode o = list.addObject();
                o.put("file", file.toString());
                try {
                    Lesson lesson = io.read(file);
                    o.put("title", lesson.title());
                    ArrayNode labs = o.putArray("labs");
                    lesson.labs().forEach(labs::add);
                    o.put("steps", lesson.steps().size());
                } catch (InputException e) {
                    o.put("error", e.getMessage());
                }
                if (!json.on()) {
                    out.printf(Locale.ROOT, "%-64s %s%n", file, o.has("error") ? "INVALID: " + o.get("error").asString()
                            : o.get("title").asString() + "  (" + o.get("steps").asInt() + " steps: "
                            + String.join(", ", o.get("labs").valueStream().map(n -> n.asString()).toList()) + ")");
                }
            }
            if (json.on()) JsonOutput.print(out, doc);
            return Cli.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Exit 0 when every step of FILE is valid: its scenario loads and every control it unlocks "
                    + "exists in the lab's view; else exit 2 naming the step and the field.",
                    "The views are built headless to look the controls up (a few seconds)."})
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE") Path file;
        @Mixin JsonDocumentOption json;

        @Override
        public Integer call() throws Exception {
            Lesson lesson = io().read(file);
            HeadlessLessons.checkControls(lesson, file.toString());
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                ObjectNode o = JsonOutput.object();
                o.put("file", file.toString());
                o.put("title", lesson.title());
                o.put("steps", lesson.steps().size());
                o.put("valid", true);
                JsonOutput.print(out, o);
            } else {
                out.printf("%s: valid lesson \"%s\", %d steps%n", file, lesson.title(), lesson.steps().size());
            }
            return Cli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Renders every step of FILE headless to DIR/step-NN.png and writes DIR/handout.md: the "
                    + "lesson's text with the figures, the questions, and the answers at the end."})
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the figures and handout.md (created if missing).")
        Path out;
        @Option(names = "--width", defaultValue = "1280") int width;
        @Option(names = "--height", defaultValue = "800") int height;
        @Option(names = "--timeout", defaultValue = "600",
                description = "Seconds to wait for each step's computation (default: ${DEFAULT-VALUE})")
        long timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            if (width < 200 || height < 150 || width > 8000 || height > 8000) {
                throw new InputException("", "--width/--height", width + "x" + height + " is outside 200x150 .. 8000x8000");
            }
            if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
                throw new InputException(out.toString(), "--out", "is a file; name a folder");
            }
            Lesson lesson = io().read(file);
            HeadlessLessons.checkControls(lesson, file.toString());
            java.nio.file.Files.createDirectories(out);
            Path handout = HeadlessLessons.export(lesson, out, width, height, timeoutSeconds);
            spec.commandLine().getOut().println(handout);
            return Cli.OK;
        }
    }
}
