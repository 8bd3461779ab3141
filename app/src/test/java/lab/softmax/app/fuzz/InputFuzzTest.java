package lab.softmax.app.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import lab.softmax.app.ScenarioTypes;
import org.junit.jupiter.api.Test;

/**
 * Every reader of user files, fed damaged files (truncated, byte-flipped, huge, deeply nested, wrong-typed,
 * duplicated keys, not UTF-8, NaN/±Inf/1e308): each case must end in success, or exit 2 (a clean
 * InputException) with one line naming the problem; never exit 1, a stack trace, an OutOfMemoryError or a
 * hang (more than 5 s). CI runs 10³ cases; the full run (docs/RELIABILITY.md) is the same test with
 * {@code -Dfuzz.cases=100000}. Other knobs: {@code -Dfuzz.seed}, {@code -Dfuzz.first} (rerun one case).
 */
class InputFuzzTest {
    private static final long CASES = Long.getLong("fuzz.cases", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 16);
    private static final long FIRST = Long.getLong("fuzz.first", 0);
    private static final long LIMIT_MILLIS = 5000;

    @Test
    void everyReaderEndsInSuccessOrOneLineOfBadInput() throws IOException {
        List<FuzzTarget> targets = FuzzTargets.all();
        Path work = Path.of(System.getProperty("fuzz.work", "target/fuzz"));
        InputFuzzer.Tally tally = InputFuzzer.runAndReport(targets, SEED, FIRST, CASES, work, LIMIT_MILLIS);
        assertEquals(List.of(), tally.failures.stream().limit(20).toList(), tally.failed() + " defects; see target/fuzz/tally.txt");
        if (CASES >= 1000) {
            assertEquals(targets.size(), tally.byTarget.size(), "every reader got cases: " + tally.byTarget.keySet());
            assertTrue(tally.total.getOrDefault(Outcome.Kind.ACCEPTED, 0) > 0, "some damage leaves a valid file (a flipped digit)");
        }
    }

    /** Adding a lab (or a scenario format) adds its scenarios to the fuzz: each needs a sample to start from. */
    @Test
    void everyScenarioFormatIsFuzzed() {
        Set<String> fuzzed = FuzzTargets.all().stream().map(FuzzTarget::name).collect(Collectors.toSet());
        for (var type : ScenarioTypes.ALL) assertTrue(fuzzed.contains("scenario " + type.lab()), type.lab());
    }

    /** Every command a lab registers gets option cases: a new command needs a short valid command line in OPTION_BASES. */
    @Test
    void everyLabCommandHasItsOptionsFuzzed() {
        picocli.CommandLine root = lab.softmax.app.cli.Cli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        Set<String> leaves = new java.util.TreeSet<>();
        for (var lab : lab.softmax.app.Labs.REGISTERED) {
            for (Class<?> c : lab.commands()) leaves(root.getSubcommands().get(name(c)), name(c), leaves);
            for (Class<?> c : lab.trainCommands()) leaves.add("train " + name(c));
        }
        assertEquals(leaves, new java.util.TreeSet<>(FuzzTargets.OPTION_BASES.keySet()));
    }

    private static String name(Class<?> command) { return command.getAnnotation(picocli.CommandLine.Command.class).name(); }

    private static void leaves(picocli.CommandLine command, String path, Set<String> out) {
        if (command.getSubcommands().isEmpty()) out.add(path);
        command.getSubcommands().forEach((n, c) -> {
            if (!n.equals("help")) leaves(c, path + " " + n, out);
        });
    }

    /** A case is the same input every time: a reported defect can be rerun alone. */
    @Test
    void aCaseIsReproducibleFromItsNumber() throws IOException {
        InputFuzzer a = new InputFuzzer(FuzzTargets.all(), 7, Path.of("target", "fuzz-repro"), LIMIT_MILLIS);
        InputFuzzer b = new InputFuzzer(FuzzTargets.all(), 7, Path.of("target", "fuzz-repro"), LIMIT_MILLIS);
        for (long i : new long[] {0, 1, 977, 123_456}) {
            InputFuzzer.Case x = a.generate(i);
            InputFuzzer.Case y = b.generate(i);
            assertEquals(x.target().name(), y.target().name());
            assertEquals(x.mutation(), y.mutation());
            for (int f = 0; f < x.files().size(); f++) assertTrue(java.util.Arrays.equals(x.files().get(f), y.files().get(f)));
        }
    }
}
