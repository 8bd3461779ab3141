package lab.softmax.app.cli.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.softmax.app.cli.Cli;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchConfig;
import lab.softmax.engine.kernels.BenchInputs;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.Kernels;
import lab.softmax.engine.kernels.VectorSupport;
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

    /** The largest |y - p| / p of the kernel on the bench's input (seed 42), p a plain float64 softmax. */
    private static double independentError(String algorithm, String impl, int n) {
        float[] x = BenchInputs.normalWithOutliers(n, 42);
        float[] y = new float[n];
        Kernels.create(Algorithm.parse(algorithm), Impl.parse(impl)).softmax(x, y);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) max = Math.max(max, v);
        double sum = 0;
        for (float v : x) sum += Math.exp(v - max);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.exp(x[i] - max) / sum;
            worst = Math.max(worst, Math.abs(y[i] - p) / p);
        }
        return worst;
    }

    /**
     * A tiny fixed budget (0.01 s per kernel, a 64K-float bandwidth probe): the test checks what the document
     * holds and that the accuracy it reports is the kernels' accuracy, never how fast anything ran.
     */
    @Test
    void benchJsonWithTinySizesFollowsTheContract() throws Exception {
        Run r = run("bench", "--algorithms", "two-pass,online", "--impls", "vector,scalar", "--sizes", "1K",
                "--seconds", "0.01", "--probe-size", "64K", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode machine = doc.get("machine");
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.get("cores").asInt());
        assertEquals(VectorSupport.vectorBits(), machine.get("vector_bits").asInt());
        assertEquals(64 * 1024, machine.get("probe_n").asInt());
        assertEquals("thread-cpu", machine.get("clock").asString(), "one thread is timed with its CPU clock");
        for (String f : new String[] {"read", "copy", "triad"}) {
            double gbps = machine.get("bandwidth_gbps").get(f).asDouble();
            assertTrue(Double.isFinite(gbps) && gbps > 0, f + " = " + gbps);
        }
        JsonNode results = doc.get("results");
        List<String> kernels = new ArrayList<>();
        for (JsonNode res : results) {
            String algorithm = res.get("algorithm").asString();
            String impl = res.get("impl").asString();
            kernels.add(algorithm + "/" + impl);
            assertEquals(1024, res.get("n").asInt());
            assertEquals(1, res.get("threads").asInt());
            assertTrue(res.get("valid").asBoolean(), res.toString());
            assertEquals(independentError(algorithm, impl, 1024), res.get("max_rel_error").asDouble(), 1e-12, res.toString());
            int rounds = res.get("rounds").asInt();
            assertTrue(rounds >= BenchConfig.MIN_ROUNDS && rounds <= BenchConfig.MAX_ROUNDS, res.toString());
            double ns = res.get("ns_per_element").asDouble();
            assertTrue(res.get("ns_min").asDouble() <= ns && ns <= res.get("ns_max").asDouble() && ns > 0, res.toString());
            int bytes = Algorithm.parse(algorithm).minBytesPerElement(4);
            assertEquals(bytes, res.get("bytes_per_element").asInt());
            assertEquals(bytes / ns, res.get("gbps").asDouble(), 1e-9 * bytes / ns, "GB/s = bytes / ns");
        }
        assertEquals(List.of("two-pass/vector", "two-pass/scalar", "online/vector", "online/scalar"), kernels);
        Run bad = run("bench", "--sizes", "0");
        assertEquals(2, bad.exit());
        Run badThreads = run("bench", "--threads", "0", "--sizes", "1K");
        assertEquals(2, badThreads.exit());
        assertTrue(badThreads.err().contains("--threads"), badThreads.err());
    }
}
