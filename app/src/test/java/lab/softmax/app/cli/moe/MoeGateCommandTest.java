package lab.softmax.app.cli.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.softmax.app.SampleData;
import lab.softmax.app.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `moe gate` against routes worked out by hand in the test, and its exit codes for bad input. */
class MoeGateCommandTest {
    /** Three experts in the plane, one input: logits (w·x + b) at x = (1, 2) are (1, 2.5, -3+1) = (1, 2.5, -2). */
    private static Path oneInput(Path dir, String x) throws Exception {
        Path f = dir.resolve("gates.json");
        Files.writeString(f, "{\"gates\":{\"weights\":[[1,0],[0,1],[-1,-1]],\"biases\":[0,0.5,1]},\"x\":[" + x + "]}");
        return f;
    }

    private static void assertWeights(double[] expected, JsonNode w, double tol) {
        assertEquals(expected.length, w.size());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], w.get(i).asDouble(), tol, "weight " + i);
    }

    @Test
    void topTwoOfThreeMatchesTheHandComputedSoftmax(@TempDir Path dir) throws Exception {
        Path in = oneInput(dir, "[1,2]");
        // logits: E0 = 1, E1 = 2 + 0.5 = 2.5, E2 = -3 + 1 = -2 → top-2 {0, 1}, weights softmax(1, 2.5)
        double e = Math.exp(1.5);
        CliRun r = CliRun.of("moe", "gate", "--input", in.toString(), "--top-k", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode p = r.json().get("points").get(0);
        assertEquals("[0,1]", p.get("active").toString());
        assertWeights(new double[] {1 / (1 + e), e / (1 + e)}, p.get("weights"), 1e-15);

        // T = 2 divides the logits: softmax(0.5, 1.25); the set stays
        double e2 = Math.exp(0.75);
        CliRun t = CliRun.of("moe", "gate", "--input", in.toString(), "--top-k", "2", "--temperature", "2", "--json");
        assertEquals(0, t.exit(), t.err());
        assertEquals("[0,1]", t.json().get("points").get(0).get("active").toString());
        assertWeights(new double[] {1 / (1 + e2), e2 / (1 + e2)}, t.json().get("points").get(0).get("weights"), 1e-15);

        // softmax-topk: the dense softmax of (1, 2.5, -2), kept on {0, 1}, not renormalised
        double z = Math.exp(1) + Math.exp(2.5) + Math.exp(-2);
        CliRun d = CliRun.of("moe", "gate", "--input", in.toString(), "--top-k", "2", "--router", "softmax-topk", "--json");
        assertEquals(0, d.exit(), d.err());
        assertWeights(new double[] {Math.exp(1) / z, Math.exp(2.5) / z}, d.json().get("points").get(0).get("weights"), 1e-15);
        // softmax-topk-renorm equals topk-softmax
        CliRun n = CliRun.of("moe", "gate", "--input", in.toString(), "--top-k", "2", "--router", "softmax-topk-renorm", "--json");
        assertWeights(new double[] {1 / (1 + e), e / (1 + e)}, n.json().get("points").get(0).get("weights"), 1e-15);
    }

    @Test
    void tiesGoToTheLowestIndexAndActiveIsAscending(@TempDir Path dir) throws Exception {
        // x = (0, -0.5): logits (0, 0, 1.5) → E2 first, then the tie 0 vs 1 goes to 0; listed ascending [0, 2]
        CliRun r = CliRun.of("moe", "gate", "--input", oneInput(dir, "[0,-0.5]").toString(), "--top-k", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode p = r.json().get("points").get(0);
        assertEquals("[0,2]", p.get("active").toString());
        double e = Math.exp(1.5);
        assertWeights(new double[] {1 / (1 + e), e / (1 + e)}, p.get("weights"), 1e-15);
    }

    @Test
    void theSampleInputRunsWithBatchStatistics() throws Exception {
        Path sample = SampleData.directory().resolve("inputs/moe/three-experts.json");
        CliRun r = CliRun.of("moe", "gate", "--input", sample.toString(), "--top-k", "1", "--capacity-factor", "1", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.json();
        assertEquals(6, o.get("points").size());
        // top-1 of the six rows, by hand: (2,0)→0, (0,0)→1 (0.5), (-3,-3)→2, (0.5,2)→1, (-1,1)→1, (1.5,-0.5)→0
        int[] expected = {0, 1, 2, 1, 1, 0};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], o.get("points").get(i).get("active").get(0).asInt(), "row " + i);
            assertEquals(1.0, o.get("points").get(i).get("weights").get(0).asDouble(), 0);
        }
        JsonNode b = o.get("batch");
        assertEquals("[2,3,1]", b.get("load").toString());
        // capacity ⌊1·1·6/3⌋ = 2: expert 1's third input (row 4) is dropped
        assertEquals(2, b.get("capacity").asInt());
        assertEquals("[2,2,1]", b.get("served").toString());
        assertEquals(1, b.get("dropped_assignments").asInt());
        assertEquals("[1]", b.get("dropped").get(4).toString());
        CliRun text = CliRun.of("moe", "gate", "--input", sample.toString(), "--top-k", "2");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("3 experts, d=2, top-2"), text.out());
    }

    @Test
    void badInputExitsTwoWithOneLineNamingTheFault(@TempDir Path dir) throws Exception {
        Path good = oneInput(dir, "[1,2]");
        CliRun big = CliRun.of("moe", "gate", "--input", good.toString(), "--top-k", "4", "--json");
        assertEquals(2, big.exit());
        assertEquals(1, big.errLines().size(), big.err());
        assertTrue(big.err().contains("--top-k") && big.err().contains("exceeds the number of experts (3)"), big.err());
        CliRun zero = CliRun.of("moe", "gate", "--input", good.toString(), "--top-k", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--top-k: 0 must be >= 1"), zero.err());
        assertTrue(zero.err().contains(good.toString()), zero.err());

        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, "{\"gates\":{\"weights\":[[1,0],[0,1]],\"biases\":[0,NaN]},\"x\":[[1,1]]}");
        CliRun n = CliRun.of("moe", "gate", "--input", nan.toString(), "--top-k", "1");
        assertEquals(2, n.exit());
        assertTrue(n.err().contains(nan.toString()) && n.err().contains("gates.biases[1]"), n.err());

        Path ragged = dir.resolve("ragged.json");
        Files.writeString(ragged, "{\"gates\":{\"weights\":[[1,0],[0,1,2]],\"biases\":[0,0]},\"x\":[[1,1]]}");
        CliRun rg = CliRun.of("moe", "gate", "--input", ragged.toString(), "--top-k", "1");
        assertEquals(2, rg.exit());
        assertTrue(rg.err().contains("gates.weights[1]") && rg.err().contains("ragged"), rg.err());

        Path raggedX = dir.resolve("ragged-x.json");
        Files.writeString(raggedX, "{\"gates\":{\"weights\":[[1,0],[0,1]],\"biases\":[0,0]},\"x\":[[1,1],[2]]}");
        CliRun rx = CliRun.of("moe", "gate", "--input", raggedX.toString(), "--top-k", "1");
        assertEquals(2, rx.exit());
        assertTrue(rx.err().contains("x[1]"), rx.err());

        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"gates\":{\"weights\":[[1,0],[0,1]],\"biases\":[0,0]},\"x\":[]}");
        CliRun e = CliRun.of("moe", "gate", "--input", empty.toString(), "--top-k", "1");
        assertEquals(2, e.exit());
        assertTrue(e.err().contains("x: expected a non-empty array"), e.err());

        CliRun t = CliRun.of("moe", "gate", "--input", good.toString(), "--top-k", "1", "--temperature", "NaN");
        assertEquals(2, t.exit());
        assertTrue(t.err().contains("--temperature"), t.err());
        CliRun c = CliRun.of("moe", "gate", "--input", good.toString(), "--top-k", "1", "--capacity-factor", "-1");
        assertEquals(2, c.exit());
        assertTrue(c.err().contains("--capacity-factor"), c.err());
        CliRun router = CliRun.of("moe", "gate", "--input", good.toString(), "--top-k", "1", "--router", "dense");
        assertEquals(2, router.exit());
        assertTrue(router.err().contains("--router") && router.err().contains("unknown router 'dense'"), router.err());
        CliRun missing = CliRun.of("moe", "gate", "--input", dir.resolve("none.json").toString(), "--top-k", "1");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("file not found"), missing.err());
    }
}
