package lab.softmax.app.cli.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.softmax.app.SampleData;
import lab.softmax.app.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `attention map` against maps computed by hand in the test, its JSON fields, and its exit codes for bad input. */
class AttentionMapCommandTest {
    /** q = k = I (d = 2), v = [[1, 2], [3, 4]]: g = I/√2. */
    private static Path twoByTwo(Path dir) throws Exception {
        Path f = dir.resolve("qkv.json");
        Files.writeString(f, "{\"q\":[[1,0],[0,1]],\"k\":[[1,0],[0,1]],\"v\":[[1,2],[3,4]]}");
        return f;
    }

    private static void assertRow(double[] expected, JsonNode row, double tolerance) {
        assertEquals(expected.length, row.size());
        for (int j = 0; j < expected.length; j++) assertEquals(expected[j], row.get(j).asDouble(), tolerance, "entry " + j);
    }

    @Test
    void aTwoByTwoMapMatchesTheHandComputedSoftmax(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("attention", "map", "--input", twoByTwo(dir).toString(), "--temperature", "0.5", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.json();
        // row 0: logits (1/√2, 0)/0.5 → a = (e^x, 1)/(e^x + 1) with x = √2
        double x = 1 / Math.sqrt(2) / 0.5;
        double a0 = Math.exp(x) / (Math.exp(x) + 1);
        double a1 = 1 / (Math.exp(x) + 1);
        assertRow(new double[] {a0, a1}, o.get("weights").get(0), 1e-15);
        assertRow(new double[] {a1, a0}, o.get("weights").get(1), 1e-15);
        double h = -(a0 * Math.log(a0) + a1 * Math.log(a1));
        assertRow(new double[] {h, h}, o.get("entropy"), 1e-14);
        assertRow(new double[] {h / Math.log(2), h / Math.log(2)}, o.get("entropy_over_log_n"), 1e-14);
        assertRow(new double[] {a0 * 1 + a1 * 3, a0 * 2 + a1 * 4}, o.get("output").get(0), 1e-14);
        assertRow(new double[] {a1 * 1 + a0 * 3, a1 * 2 + a0 * 4}, o.get("output").get(1), 1e-14);
        for (String field : new String[] {"weights", "entropy", "output", "entropy_over_log_n", "max_weight", "query_tau",
                "visible_keys", "exact_zeros", "nan_rows", "heads", "precision"}) {
            assertTrue(o.has(field), "field " + field);
        }
    }

    @Test
    void causalMaskAndSsaPositionScaleTheRows(@TempDir Path dir) throws Exception {
        double s = 0.7;
        CliRun r = CliRun.of("attention", "map", "--input", twoByTwo(dir).toString(), "--mask", "causal",
                "--ssa-position", Double.toString(s), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.json();
        assertRow(new double[] {1, 0}, o.get("weights").get(0), 0);
        double tau = 1 + s * Math.log(2);   // row i = 1: τ = 1 + s·ln(i+1)
        double z = tau / Math.sqrt(2);      // logits (0, τ/√2)
        assertRow(new double[] {1 / (1 + Math.exp(z)), Math.exp(z) / (1 + Math.exp(z))}, o.get("weights").get(1), 1e-15);
        assertRow(new double[] {1, tau}, o.get("query_tau"), 1e-15);
        assertEquals(0, o.get("entropy").get(0).asDouble());
    }

    @Test
    void fp16RoundsTheWeightsAndTheSampleInputRuns(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("attention", "map", "--input", twoByTwo(dir).toString(), "--precision", "fp16", "--json");
        assertEquals(0, r.exit(), r.err());
        double w = r.json().get("weights").get(0).get(0).asDouble();
        assertEquals(w, (double) Float.float16ToFloat(Float.floatToFloat16((float) w)), 0, "an fp16 number");
        assertEquals(Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1), w, 1e-3);
        Path sample = SampleData.directory().resolve("inputs/attention/two-heads-causal.json");
        CliRun s = CliRun.of("attention", "map", "--input", sample.toString(), "--mask", "causal", "--head", "1", "--json");
        assertEquals(0, s.exit(), s.err());
        assertEquals(2, s.json().get("heads").asInt());
        assertEquals(4, s.json().get("weights").size());
        CliRun text = CliRun.of("attention", "map", "--input", sample.toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("head 0 of 2"), text.out());
    }

    private static void assertBadInput(CliRun r, String... named) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        for (String n : named) assertTrue(r.err().contains(n), "names " + n + ": " + r.err());
    }

    private static CliRun map(Path dir, String json, String... extra) throws Exception {
        Path f = dir.resolve("in.json");
        Files.writeString(f, json);
        String[] args = new String[4 + extra.length];
        args[0] = "attention";
        args[1] = "map";
        args[2] = "--input";
        args[3] = f.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRun.of(args);
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheFileFieldAndValue(@TempDir Path dir) throws Exception {
        assertBadInput(map(dir, "{\"q\":[[1,2],[3]],\"k\":[[1,2]],\"v\":[[1]]}"), "in.json", "q[1]", "ragged");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2,3]],\"v\":[[1]]}"), "in.json", "k", "d must match");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1,\"NaN\"]]}"), "v[0][1]", "NaN");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[],\"v\":[]}"), "k", "empty context");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1]],\"z\":1}"), "z", "unknown field");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],"), "malformed JSON");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1]]}", "--head", "1"), "--head", "1");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1]]}", "--mask", "diagonal"), "--mask", "diagonal");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1]]}", "--temperature", "0"), "--temperature");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1]]}", "--ssa-token", "1,2,3"), "--ssa-token", "3");
        assertBadInput(map(dir, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1]]}", "--mask", "padding"), "--valid-keys");
        assertBadInput(CliRun.of("attention", "map", "--input", dir.resolve("missing.json").toString()), "missing.json", "not found");
    }

    @Test
    void aMapBeyondTheMemoryLimitIsBadInputNotACrash(@TempDir Path dir) throws Exception {
        int n = 6000;   // 6000² = 3.6e7 weights > 2^25
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) rows.append(i == 0 ? "" : ",").append("[1]");
        assertBadInput(map(dir, "{\"q\":[" + rows + "],\"k\":[" + rows + "],\"v\":[" + rows + "]}"), "k", "exceed the limit");
    }

    /** A little-endian float64 C-order .npy of a 2-D array. */
    private static Path npy(Path dir, String name, int rows, int cols, double... data) throws Exception {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        while ((10 + header.length() + 1) % 64 != 0) header += " ";
        header += "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 8 * data.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (double x : data) b.putDouble(x);
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }

    @Test
    void threeNpyFilesGiveTheSameMapAsTheirJson(@TempDir Path dir) throws Exception {
        String files = npy(dir, "q.npy", 2, 2, 1, 0, 0, 1) + "," + npy(dir, "k.npy", 2, 2, 1, 0, 0, 1) + ","
                + npy(dir, "v.npy", 2, 2, 1, 2, 3, 4);
        CliRun r = CliRun.of("attention", "map", "--input", files, "--temperature", "0.5", "--json");
        assertEquals(0, r.exit(), r.err());
        double x = 1 / Math.sqrt(2) / 0.5;
        double a0 = Math.exp(x) / (Math.exp(x) + 1);
        assertRow(new double[] {a0, 1 - a0}, r.json().get("weights").get(0), 1e-15);
        CliRun two = CliRun.of("attention", "map", "--input", files + "," + files, "--json");
        assertEquals(2, two.exit());
        assertTrue(two.err().startsWith("error: --input: "), two.err());
    }
}
