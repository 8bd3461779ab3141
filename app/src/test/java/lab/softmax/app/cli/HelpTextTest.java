package lab.softmax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help keeps its description lines whole (they were wrapped at 80 columns). */
class HelpTextTest {
    @Test
    void descriptionLinesAreNotBrokenAndNoLineIsWiderThanTheHelpWidth() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        assertTrue(all.size() > 10, "commands found: " + all.size());
        for (CommandLine c : all) {
            String help = c.getUsageMessage();
            String name = c.getCommandSpec().qualifiedName();
            for (String line : help.lines().toList()) {
                assertTrue(line.length() <= 100, name + ": help line wider than 100: " + line);
            }
            for (String described : c.getCommandSpec().usageMessage().description()) {
                if (described.length() <= 100 && !described.isBlank()) {
                    assertTrue(help.contains(described), name + ": description line broken: " + described);
                }
            }
        }
    }

    @Test
    void grokkingHelpStatesWhatTheModelAndLossRunInOnOneLine() {
        StringWriter out = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("train", "grokking", "--help");
        assertEquals(0, exit);
        assertTrue(out.toString().lines().anyMatch(l -> l.equals("Plain SGD defaults to momentum 0.2. The model is float32; StableMax CE is always computed in fp64.")),
                out.toString());
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!into.contains(sub)) collect(sub, into);
        }
    }
}
