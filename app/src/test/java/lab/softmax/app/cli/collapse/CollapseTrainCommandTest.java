package lab.softmax.app.cli.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.app.cli.Cli;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CollapseTrainCommandTest {
    private static final String[] SMALL = {"train", "grokking", "--modulus", "17", "--hidden", "24,24", "--epochs", "30",
            "--log-every", "10", "--train-fraction", "0.5", "--seed", "5", "--json"};

    private record Result(int exit, String out, String err) { }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static String withoutTimes(String jsonLines) {
        return Arrays.stream(jsonLines.split("\n")).map(line -> {
            var node = (tools.jackson.databind.node.ObjectNode) Json.mapper().readTree(line);
            node.remove("elapsed_s");
            return node.toString();
        }).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void smallRunIsDeterministicAndFollowsTheContract() {
        Result a = run(SMALL);
        Result b = run(SMALL);
        assertEquals(0, a.exit(), a.err());
        assertEquals(withoutTimes(a.out()), withoutTimes(b.out()));
        String[] lines = a.out().split("\n");
        assertEquals(5, lines.length, a.out());
        for (int i = 0; i < 4; i++) {
            JsonNode line = Json.mapper().readTree(lines[i]);
            for (String field : List.of("epoch", "train_loss", "train_acc", "test_acc", "sc_fraction", "zero_loss_fraction",
                    "mean_abs_logit", "weight_norm", "nlm_cosine", "elapsed_s")) {
                assertTrue(line.has(field), "line " + i + " lacks " + field);
            }
            assertEquals(10 * i, line.get("epoch").asInt());
        }
        JsonNode done = Json.mapper().readTree(lines[4]);
        assertTrue(done.get("done").asBoolean());
    }

    @Test
    void threadCountDoesNotChangeTheOutput() {
        String[] one = Arrays.copyOf(SMALL, SMALL.length + 2);
        one[SMALL.length] = "--threads";
        one[SMALL.length + 1] = "1";
        String[] two = one.clone();
        two[SMALL.length + 1] = "2";
        assertEquals(withoutTimes(run(one).out()), withoutTimes(run(two).out()));
    }

    @Test
    void orthogradDefaultsFollowTheOfficialWiring() {
        Result r = run("train", "grokking", "--modulus", "7", "--hidden", "8", "--epochs", "1", "--orthograd", "--json");
        String[] lines = r.out().split("\n");
        JsonNode config = Json.mapper().readTree(lines[lines.length - 1]).get("config");
        assertEquals(0.999, config.get("beta2").asDouble(), 0);
        assertEquals(1e-8, config.get("eps").asDouble(), 0);
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        Result r = run("train", "grokking", "--train-fraction", "1.5");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--train-fraction"), r.err());
        Result p = run("train", "grokking", "--loss-precision", "fp8");
        assertEquals(2, p.exit());
        assertTrue(p.err().contains("--loss-precision"), p.err());
    }

    @Test
    void badSaveTargetsFailBeforeTraining(@TempDir Path dir) throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "x");
        Path otherLab = dir.resolve("other.json");
        java.nio.file.Files.writeString(otherLab, ScenarioTypes.io().toJson(new Scenario<>(
                lab.softmax.engine.distributions.DistributionsState.TYPE, "t", "",
                lab.softmax.engine.distributions.DistributionsState.defaults())));
        for (Path bad : List.of(dir, notAFolder.resolve("run.json"), otherLab)) {
            String[] args = java.util.stream.Stream.concat(Arrays.stream(SMALL),
                    java.util.stream.Stream.of("--save", bad.toString())).toArray(String[]::new);
            Result r = run(args);
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertEquals("", r.out(), "no epoch may be trained before --save is checked");
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--save"), r.err());
        }
    }

    @Test
    void saveAppendsRunsToAScenario(@TempDir Path dir) {
        Path file = dir.resolve("runs.json");
        String[] args = {"train", "grokking", "--modulus", "7", "--hidden", "8", "--epochs", "4", "--log-every", "2",
                "--save", file.toString(), "--json"};
        assertEquals(0, run(args).exit());
        assertEquals(0, run(args).exit());
        Scenario<?> s = ScenarioTypes.io().read(file);
        CollapseState state = (CollapseState) s.state();
        assertEquals(2, state.runs().size());
        assertEquals(3, state.runs().get(1).metrics().size());
    }
}
