package lab.softmax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md holds every command's {@code --help} text verbatim, between two markers. The command
 * tree is walked from {@link Cli#commandLine}, so a lab's new commands are required here as soon as
 * {@code Labs.REGISTERED} lists them.
 *
 * <p>To rewrite the generated part after changing or adding a command:
 * <pre>./mvnw -q verify -pl app -am -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dcli.reference.write=true</pre>
 */
class CliReferenceTest {
    static final String BEGIN = "<!-- BEGIN GENERATED: every command's --help (CliReferenceTest, -Dcli.reference.write=true) -->";
    static final String END = "<!-- END GENERATED -->";

    @Test
    void docsCliMdHoldsEveryCommandsHelpTextVerbatim() throws IOException {
        Path doc = repositoryRoot().resolve("docs/cli.md");
        List<CommandLine> commands = commands();
        assertTrue(commands.size() > 10, "commands found: " + commands.size());
        if (Boolean.getBoolean("cli.reference.write")) {
            write(doc, generated(commands));
        }
        assertTrue(Files.isRegularFile(doc), doc + " is missing");
        String text = Files.readString(doc, StandardCharsets.UTF_8).replace("\r\n", "\n");
        for (CommandLine c : commands) {
            String name = c.getCommandSpec().qualifiedName();
            if (!text.contains(section(c))) {
                fail("docs/cli.md: the --help text of `" + name + "` is missing or stale; regenerate with"
                        + " -Dcli.reference.write=true (see the top of docs/cli.md)");
            }
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/cli.md: the markers " + BEGIN + " … " + END + " are missing");
        assertEquals(generated(commands), text.substring(begin, end + END.length()),
                "docs/cli.md: the generated part lists a command that no longer exists, or is out of order;"
                        + " regenerate with -Dcli.reference.write=true");
    }

    /** Every command once, parents before children; an alias maps to the same CommandLine and is skipped. */
    static List<CommandLine> commands() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>();
        collect(root, all, new IdentityHashMap<>());
        return all;
    }

    private static void collect(CommandLine c, List<CommandLine> into, Map<CommandLine, Boolean> seen) {
        if (seen.put(c, Boolean.TRUE) != null) return;
        into.add(c);
        for (Map.Entry<String, CommandLine> sub : c.getSubcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandName())) {
                collect(sub.getValue(), into, seen);
            }
        }
    }

    static String section(CommandLine c) {
        String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF).replace("\r\n", "\n");
        if (!usage.endsWith("\n")) usage += "\n";
        return "### `" + c.getCommandSpec().qualifiedName() + "`\n\n```text\n" + usage + "```\n";
    }

    static String generated(List<CommandLine> commands) {
        StringBuilder b = new StringBuilder(BEGIN).append("\n\n");
        for (CommandLine c : commands) {
            b.append(section(c)).append('\n');
        }
        return b.append(END).toString();
    }

    private static void write(Path doc, String generated) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(doc + ": add the two marker lines " + BEGIN + " and " + END
                    + " where the generated reference goes");
        }
        Files.writeString(doc, text.substring(0, begin) + generated + text.substring(end + END.length()),
                StandardCharsets.UTF_8);
    }

    /** The folder holding docs/ (Maven runs the tests in app/). */
    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("docs/labs"))) {
            p = p.getParent();
        }
        if (p == null) throw new IllegalStateException("no docs/labs above " + Path.of("").toAbsolutePath());
        return p;
    }
}
