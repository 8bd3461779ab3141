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
        int seed = java.util.Arrays.asList(args).indexOf("--seed") + 1;
        assertEquals("5", args[seed]);
        args[seed] = "6";
        Run other = run(args);
        assertEquals(0, other.exit(), other.err());
        assertEquals(7, other.out().lines().count());
        assertNotEquals(a.out(), other.out(), "another seed, another run");
    }

    @Test
    void digitsPresetLoadsTheShippedData() {
        Run r = run("train", "step-safety", "--dataset", "digits", "--model", "linear", "--steps", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.out().lines().count());
    }

    /** The paper's Table 1 command line, two steps of each new model: full batch, a one-step spike at step 1. */
    @Test
    void theArchitectureGridModelsRunFullBatchWithAOneStepSpike() {
        for (String model : new String[] {"mlp-ln", "transformer", "cnn-bn"}) {
            Run r = run("train", "step-safety", "--dataset", "digits", "--model", model, "--lr", "0.015", "--spike-factor", "10000",
                    "--spike-at", "1", "--spike-until", "2", "--batch-size", "full", "--steps", "3", "--controller", "rho", "--json");
            assertEquals(0, r.exit(), model + ": " + r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(4, lines.size(), model);
            assertEquals(0.015, Json.mapper().readTree(lines.get(0)).get("lr").asDouble(), 0);
            assertEquals(150, Json.mapper().readTree(lines.get(1)).get("lr").asDouble(), 1e-9);
            assertEquals(0.015, Json.mapper().readTree(lines.get(2)).get("lr").asDouble(), 0);
            assertTrue(Json.mapper().readTree(lines.get(1)).get("r").asDouble() <= 1 + 1e-12, model);
            JsonNode done = Json.mapper().readTree(lines.get(3));
            assertEquals("full", done.get("batch_size").asText());
            assertEquals(model, done.get("model").asText());
        }
        Run batch = run("train", "step-safety", "--batch-size", "half");
        assertEquals(2, batch.exit());
        assertTrue(batch.err().contains("--batch-size") && batch.err().contains("half"), batch.err());
        Run zero = run("train", "step-safety", "--batch-size", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--batch-size"), zero.err());
        Run model = run("train", "step-safety", "--model", "resnet");
        assertEquals(2, model.exit());
        assertTrue(model.err().contains("--model"), model.err());
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
