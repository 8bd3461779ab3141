package lab.softmax.app.cli.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.softmax.app.cli.Cli;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class KernelsCliTest {
    @TempDir Path dir;

    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void softmaxJsonFollowsTheContractAndMatchesTheFormula() throws Exception {
        Path in = dir.resolve("logits.json");
        Files.writeString(in, "{\"logits\": [1, 2, 3, \"-Infinity\"]}");
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        for (String algorithm : new String[] {"three-pass-recompute", "three-pass-reload", "two-pass", "online"}) {
            for (String impl : new String[] {"vector", "scalar"}) {
                Run r = run("softmax", "--algorithm", algorithm, "--impl", impl, "--input", in.toString(), "--json");
                assertEquals(0, r.exit(), r.err());
                JsonNode doc = Json.mapper().readTree(r.out());
                assertEquals(algorithm, doc.get("algorithm").asString());
                assertEquals(impl, doc.get("impl").asString());
                assertEquals("fp32", doc.get("precision").asString());
                JsonNode p = doc.get("probabilities");
                assertEquals(4, p.size());
                for (int i = 0; i < 3; i++) assertEquals(Math.exp(i + 1) / z, p.get(i).asDouble(), 2e-7 * Math.exp(i + 1) / z);
                assertEquals(0.0, p.get(3).asDouble(), 0.0);
                assertEquals(Math.log(z), doc.get("log_sum_exp").asDouble(), 1e-6);
            }
        }
    }

    @Test
    void softmaxRowsAndEmulatedPrecision() throws Exception {
        Path in = dir.resolve("rows.json");
        Files.writeString(in, "{\"rows\": [[0, 0], [0, \"-Infinity\", 1e4]]}");
        Run r = run("softmax", "--algorithm", "online", "--precision", "bf16", "--input", in.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(0.5, doc.get("rows").get(0).get(0).asDouble(), 0);
        assertEquals(1.0, doc.get("rows").get(1).get(2).asDouble(), 0);
        assertEquals(2, doc.get("log_sum_exp").size());
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheIndex() throws Exception {
        Path in = dir.resolve("bad.json");
        Files.writeString(in, "{\"logits\": [1, \"NaN\", 3]}");
        Run r = run("softmax", "--algorithm", "two-pass", "--input", in.toString(), "--json");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].contains(in.toString()) && lines[0].contains("logits[1]"), lines[0]);

        Run badOption = run("softmax", "--algorithm", "four-pass", "--input", in.toString());
        assertEquals(2, badOption.exit());
        assertEquals(1, badOption.err().strip().split("\\R").length, badOption.err());
    }

    @Test
    void benchJsonWithTinySizesFollowsTheContract() throws Exception {
        Run r = run("bench", "--algorithms", "two-pass,online", "--impls", "vector,scalar", "--sizes", "1K",
                "--seconds", "0.01", "--probe-size", "64K", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode machine = doc.get("machine");
        assertTrue(machine.get("cores").asInt() >= 1);
        assertTrue(machine.has("vector_bits"));
        for (String f : new String[] {"read", "copy", "triad"}) assertTrue(machine.get("bandwidth_gbps").get(f).asDouble() > 0);
        JsonNode results = doc.get("results");
        assertEquals(4, results.size());
        for (JsonNode res : results) {
            for (String f : new String[] {"algorithm", "impl", "n", "threads", "ns_per_element", "gbps", "max_rel_error"}) {
                assertTrue(res.has(f), f);
            }
            assertEquals(1024, res.get("n").asInt());
            assertTrue(res.get("max_rel_error").asDouble() < 1e-5);
            assertTrue(res.get("ns_per_element").asDouble() > 0);
        }
        Run bad = run("bench", "--sizes", "0");
        assertEquals(2, bad.exit());
        Run badThreads = run("bench", "--threads", "0", "--sizes", "1K");
        assertEquals(2, badThreads.exit());
        assertTrue(badThreads.err().contains("--threads"), badThreads.err());
    }
}
