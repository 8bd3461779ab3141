package lab.softmax.app.cli.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lab.softmax.app.cli.Cli;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StepSafetyCommandTest {
    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void streamsOneLinePerStepAndIsDeterministicForASeed() {
        String[] args = {"train", "step-safety", "--model", "linear", "--steps", "6", "--spike-at", "3", "--lr", "1e-2",
                "--controller", "rho", "--seed", "5", "--json"};
        Run a = run(args);
        Run b = run(args);
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        List<String> lines = a.out().lines().toList();
        assertEquals(7, lines.size());
        for (int i = 0; i < 6; i++) {
            JsonNode o = Json.mapper().readTree(lines.get(i));
            assertEquals(i, o.get("step").asInt());
            for (String f : new String[] {"train_loss", "test_acc", "rho_a", "step_norm", "r"}) assertTrue(o.has(f), f);
            assertTrue(o.get("r").asDouble() <= 1 + 1e-12);
        }
        assertTrue(Json.mapper().readTree(lines.get(6)).get("done").asBoolean());
        args[12] = "6";
        assertNotEquals(a.out(), run(args).out());
    }

    @Test
    void digitsPresetLoadsTheShippedData() {
        Run r = run("train", "step-safety", "--dataset", "digits", "--model", "linear", "--steps", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.out().lines().count());
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        Run dataset = run("train", "step-safety", "--dataset", "mnist");
        assertEquals(2, dataset.exit());
        assertTrue(dataset.err().contains("--dataset"), dataset.err());
        assertEquals(1, dataset.err().strip().lines().count());
        Run lr = run("train", "step-safety", "--lr", "-1");
        assertEquals(2, lr.exit());
        assertTrue(lr.err().contains("--lr"), lr.err());
        Run sweep = run("train", "step-sweep", "--r-min", "0");
        assertEquals(2, sweep.exit());
        assertTrue(sweep.err().contains("--r-min"), sweep.err());
    }

    @Test
    void sweepStreamsEveryRadiusAndTheExactBatchRadius() {
        Run r = run("train", "step-sweep", "--model", "linear", "--train-steps", "20", "--points", "3", "--rho-star-samples", "20", "--json");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size());
        JsonNode done = Json.mapper().readTree(lines.get(3));
        assertTrue(done.get("rho_star").asDouble() >= done.get("rho_a").asDouble());
    }
}
