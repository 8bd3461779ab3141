package lab.softmax.app.cli.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.app.cli.CliRun;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** `attention train` and `attention denoise`: JSON Lines per mode, the fields, reproducibility, bad options. */
class AttentionTrainCommandTest {
    private static final String[] SHORT = {"attention", "train", "--task", "needle", "--steps", "60", "--eval-context", "8,64",
            "--eval-examples", "32", "--train-context", "8..32", "--json"};

    private static List<JsonNode> lines(CliRun r) {
        return r.out().lines().map(l -> Json.mapper().readTree(l)).toList();
    }

    @Test
    void bothModesPrintOneLineEachWithTheContractsFields() {
        CliRun r = CliRun.of(SHORT);
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> out = lines(r);
        assertEquals(2, out.size(), r.out());
        assertEquals("vanilla", out.get(0).get("mode").asString());
        assertEquals("ssa", out.get(1).get("mode").asString());
        for (JsonNode o : out) {
            assertTrue(o.get("learned").has("w_frobenius"));
            assertEquals(2, o.get("eval").size());
            JsonNode e = o.get("eval").get(1);
            assertEquals(64, e.get("n").asInt());
            for (String f : new String[] {"needle_weight", "entropy_over_log_n", "value_accuracy", "mse", "mean_tau"}) {
                assertTrue(e.has(f), f);
                double v = e.get(f).asDouble();
                assertTrue(Double.isFinite(v), f + " = " + v);
            }
            double h = e.get("entropy_over_log_n").asDouble();
            assertTrue(h >= 0 && h <= 1, "H/ln n in [0, 1]: " + h);
        }
        assertFalse(out.get(0).get("learned").has("s"), "vanilla learns no slope");
        assertTrue(out.get(1).get("learned").has("s"));
        assertEquals(1.0, out.get(0).get("eval").get(0).get("mean_tau").asDouble(), 0);
        assertArrayEquals(new int[] {8, 16, 32}, Json.mapper().convertValue(out.get(0).get("train_context"), int[].class));
    }

    @Test
    void aSeedGivesTheSameNumbersAloneOrBesideTheOtherMode() {
        CliRun both = CliRun.of(SHORT);
        String[] ssaOnly = java.util.Arrays.copyOf(SHORT, SHORT.length + 2);
        ssaOnly[SHORT.length] = "--mode";
        ssaOnly[SHORT.length + 1] = "ssa";
        CliRun alone = CliRun.of(ssaOnly);
        assertEquals(0, alone.exit(), alone.err());
        assertEquals(lines(both).get(1), lines(alone).get(0));
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        String[][] cases = {
                {"--task", "haystack"}, {"--mode", "sideways"}, {"--preset", "slow"}, {"--train-context", "8..x"},
                {"--eval-context", "0,8"}, {"--dim", "0"}, {"--steps", "-1"}, {"--query-noise", "-1"}};
        for (String[] c : cases) {
            CliRun r = CliRun.of("attention", "train", c[0], c[1], "--json");
            assertEquals(2, r.exit(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains(c[0]), "names " + c[0] + ": " + r.err());
        }
    }

    @Test
    void denoisePrintsTheFourMses() {
        CliRun r = CliRun.of("attention", "denoise", "--seed", "2", "--steps", "200", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.json();
        for (String f : new String[] {"vanilla_mse", "value_selective_mse", "naive_mean_mse", "bayes_mse", "value_tau"}) {
            assertTrue(o.has(f), f);
        }
        assertTrue(o.get("bayes_mse").asDouble() < o.get("naive_mean_mse").asDouble());
        assertEquals(2, CliRun.of("attention", "denoise", "--steps", "-3").exit());
    }
}
