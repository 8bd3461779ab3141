package lab.softmax.app.cli.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lab.softmax.app.cli.CliRun;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `moe fit` on a small grid: its fields, the slope recomputed from its own fits, streaming, and bad options. */
class MoeFitCommandTest {
    @Test
    void fitsAndTheMedianSlopeAgreeWithAnIndependentLeastSquares() {
        CliRun r = CliRun.of("moe", "fit", "--case", "exact", "--n", "200,400", "--reps", "3", "--seed", "5",
                "--threads", "2", "--slope-from", "200", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.json();
        JsonNode fits = o.get("fits");
        assertEquals(6, fits.size());
        for (JsonNode f : fits) {
            for (String field : new String[] {"n", "rep", "loglik", "loglik_true", "d1", "d2", "density", "case"}) {
                assertTrue(f.has(field), "field " + field + " in " + f);
            }
            assertEquals("exact", f.get("case").asString());
            // exactly specified: D2 equals D1 (every cell holds one atom)
            assertEquals(f.get("d1").asDouble(), f.get("d2").asDouble(), 1e-12);
        }
        // slope of ln(median d1) against ln n, by hand from the printed fits
        double[] med = new double[2];
        int[] ns = {200, 400};
        for (int i = 0; i < 2; i++) {
            List<Double> v = new ArrayList<>();
            for (JsonNode f : fits) if (f.get("n").asInt() == ns[i]) v.add(f.get("d1").asDouble());
            double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            med[i] = a[1];
        }
        double expected = (Math.log(med[1]) - Math.log(med[0])) / (Math.log(400) - Math.log(200));
        assertEquals(expected, o.get("slopes").get("d1").asDouble(), 1e-12);
        assertEquals(-0.5, o.get("theory").get("d1").asDouble());
        assertEquals(2, o.get("medians").size());
        assertEquals(3, o.get("experts").asInt());
        assertEquals(2, o.get("top_k").asInt());
    }

    @Test
    void expertsAndTopKNameTheCaseAndStreamingGivesOneLinePerFit() {
        CliRun r = CliRun.of("moe", "fit", "--experts", "3", "--top-k", "1", "--n", "150", "--reps", "2", "--threads", "1",
                "--json", "--stream");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        for (int i = 0; i < 2; i++) assertEquals("k-below-truth", Json.mapper().readTree(lines.get(i)).get("case").asString());
        JsonNode done = Json.mapper().readTree(lines.get(2));
        assertTrue(done.get("done").asBoolean());
        assertEquals("k-below-truth", done.get("case").asString());
        // the same fits with one thread or two (the engine's promise), here through the command
        CliRun two = CliRun.of("moe", "fit", "--experts", "3", "--top-k", "1", "--n", "150", "--reps", "2", "--threads", "2",
                "--json");
        List<String> a = new ArrayList<>();
        for (JsonNode f : two.json().get("fits")) a.add(f.toString());
        List<String> b = new ArrayList<>(lines.subList(0, 2).stream().map(l -> Json.mapper().readTree(l).toString()).toList());
        a.sort(null);
        b.sort(null);
        assertEquals(a, b);
    }

    @Test
    void aTrueModelFromAFileGivesTheSameFitsAsTheEqualPreset(@TempDir Path dir) throws Exception {
        // the lab's model with every gate shifted by (0.5, 2): the same model, so the same data and the same fits
        Path file = dir.resolve("shifted-lab.json");
        Files.writeString(file, "{\"gates\":{\"weights\":[[2],[10],[2]],\"biases\":[1.5,-3.5,0.5]},"
                + "\"experts\":{\"a\":[[-4],[5],[2]],\"b\":[2,-1,-3],\"nu\":[0.1,0.15,0.2]},\"top_k\":2}");
        String[] common = {"moe", "fit", "--case", "over", "--n", "150", "--reps", "2", "--threads", "1", "--json"};
        CliRun lab = CliRun.of(concat(common, "--true-model", "lab"));
        CliRun fromFile = CliRun.of(concat(common, "--true-model", file.toString()));
        assertEquals(0, fromFile.exit(), fromFile.err());
        assertEquals(lab.json().get("fits"), fromFile.json().get("fits"));
        assertEquals(file.toString(), fromFile.json().get("true_model").get("name").asString());
        assertEquals(3, fromFile.json().get("true_model").get("experts").asInt());
    }

    @Test
    void thePaperPresetNamesItsCasesRelativeToItsK() {
        CliRun r = CliRun.of("moe", "fit", "--true-model", "paper", "--experts", "3", "--top-k", "2", "--n", "150",
                "--reps", "1", "--threads", "1", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.json();
        assertEquals("over", o.get("case").asString());
        assertEquals("paper", o.get("true_model").get("name").asString());
        assertEquals(2, o.get("true_model").get("experts").asInt());
        assertEquals(1, o.get("true_model").get("top_k").asInt());
        // the paper's truth, not the lab's: its log-likelihood per point differs (ν = 0.09, 0.16 against 0.1..0.2)
        CliRun lab = CliRun.of("moe", "fit", "--case", "over", "--n", "150", "--reps", "1", "--threads", "1", "--json");
        assertTrue(o.get("fits").get(0).get("loglik_true").asDouble() != lab.json().get("fits").get(0).get("loglik_true").asDouble());
        CliRun below = CliRun.of("moe", "fit", "--true-model", "paper", "--case", "k-below-truth", "--n", "150", "--reps", "1");
        assertEquals(2, below.exit(), below.err());
        assertTrue(below.err().contains("--case") && below.err().contains("K* = 1"), below.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A true-model file whose every value is finite but whose gates differ by more than a double holds, and a name no file can have. */
    @Test
    void anUnusableTrueModelIsBadInputNamingTheOption(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("far-gates.json");
        Files.writeString(file, "{\"gates\":{\"weights\":[[2],[10],[2]],\"biases\":[1e308,-3.5,-1e308]},"
                + "\"experts\":{\"a\":[[-4],[5],[2]],\"b\":[2,-1,-3],\"nu\":[0.1,0.15,0.2]},\"top_k\":2}");
        CliRun far = CliRun.of("moe", "fit", "--true-model", file.toString(), "--n", "20", "--reps", "1");
        assertEquals(2, far.exit(), far.err());
        assertEquals(1, far.errLines().size(), far.err());
        assertTrue(far.err().contains("--true-model") && far.err().contains("gates.biases[0]"), far.err());
        CliRun nul = CliRun.of("moe", "fit", "--true-model", "a\u0000b", "--n", "20", "--reps", "1");
        assertEquals(2, nul.exit(), nul.err());
        assertTrue(nul.err().contains("--true-model"), nul.err());
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        String[][] bad = {
                {"--experts", "3", "--top-k", "4"},     // K > k
                {"--top-k", "0"},                        // K ≤ 0
                {"--experts", "5", "--top-k", "2"},     // not a case
                {"--case", "exact", "--top-k", "3"},    // disagrees with the case
                {"--case", "huge"},
                {"--n", "10"},
                {"--n", "1000,abc"},
                {"--reps", "0"},
                {"--threads", "0"},
                {"--init-noise", "NaN"},
                {"--stream"},
                {"--true-model", "no-such-model.json"},
                {"--first-rep", "-1"},
        };
        String[] option = {"--top-k", "--top-k", "--experts", "--top-k", "--case", "--n", "--n", "--reps", "--threads",
                "--init-noise", "--stream", "--true-model", "--first-rep"};
        for (int i = 0; i < bad.length; i++) {
            List<String> args = new ArrayList<>(List.of("moe", "fit"));
            args.addAll(Arrays.asList(bad[i]));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", bad[i]) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains(option[i]), String.join(" ", bad[i]) + ": " + r.err());
        }
    }
}
