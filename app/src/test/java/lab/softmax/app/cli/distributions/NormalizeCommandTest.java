package lab.softmax.app.cli.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.softmax.app.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** `normalize` per the CLI contract: JSON fields against a float64 reference; bad input exits 2 with one line. */
class NormalizeCommandTest {
    @TempDir Path dir;

    private static CliRun run(String... args) { return CliRun.of(args); }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = array.get(i);
            v[i] = n.isString() ? Double.parseDouble(n.asString()) : n.asDouble();
        }
        return v;
    }

    /** float64 softmax with the max shift, written here independently of the engine. */
    private static double[] softmax(double[] z, double t) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) m = Math.max(m, v / t);
        double[] e = new double[z.length];
        double s = 0;
        for (int i = 0; i < z.length; i++) s += e[i] = Math.exp(z[i] / t - m);
        for (int i = 0; i < z.length; i++) e[i] /= s;
        return e;
    }

    @Test
    void softmaxJsonFieldsMatchTheReference() throws IOException {
        double[] z = {3.2, 1.3, Double.NEGATIVE_INFINITY, -0.8, 2.1};
        Path in = file("l.json", "{\"logits\": [3.2, 1.3, \"-Infinity\", -0.8, 2.1]}");
        CliRun r = run("normalize", "--normalizer", "softmax", "--temperature", "0.7", "--precision", "fp64", "--input", in.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        JsonNode o = r.json();
        for (String f : List.of("normalizer", "temperature", "precision", "probabilities", "entropy_nats", "underflow_count")) {
            assertTrue(o.has(f), "contract field " + f + " in " + r.out());
        }
        assertEquals("softmax", o.get("normalizer").asString());
        assertEquals(0.7, o.get("temperature").asDouble());
        assertEquals("fp64", o.get("precision").asString());
        double[] p = doubles(o.get("probabilities"));
        double[] ref = softmax(z, 0.7);
        double h = 0;
        for (int i = 0; i < z.length; i++) {
            assertEquals(ref[i], p[i], 1e-15, "p[" + i + "]");
            if (ref[i] > 0) h -= ref[i] * Math.log(ref[i]);
        }
        assertEquals(0.0, p[2]);
        assertEquals(h, o.get("entropy_nats").asDouble(), 1e-14);
        assertEquals(0, o.get("underflow_count").asInt());
    }

    @Test
    void sparsemaxFromCsvAndUnderflowInFp16() throws IOException {
        Path csv = file("l.csv", "1.0, 0.5\n-1\n");
        CliRun r = run("normalize", "--normalizer", "sparsemax", "--input", csv.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        double[] p = doubles(r.json().get("probabilities"));
        assertEquals(0.75, p[0], 1e-15);
        assertEquals(0.25, p[1], 1e-15);
        assertEquals(0.0, p[2]);
        assertEquals(0, r.json().get("underflow_count").asInt(), "sparse zeros are not underflow");

        Path in = file("u.json", "[0, -20, \"-Infinity\", -2]");
        CliRun h = run("normalize", "--precision", "fp16", "--input", in.toString(), "--json");
        assertEquals(0, h.exit(), h.err());
        assertEquals("fp16", h.json().get("precision").asString());
        assertEquals(1, h.json().get("underflow_count").asInt(), "e^-20 flushes to 0 in fp16; the masked entry does not count");
        double[] q = doubles(h.json().get("probabilities"));
        double[] ref = softmax(new double[] {0, -20, Double.NEGATIVE_INFINITY, -2}, 1);
        assertEquals(ref[0], q[0], 2 * 0x1p-11);
        assertEquals(ref[3], q[3], 2 * 0x1p-11);
    }

    @Test
    void noMaxShiftOverflowIsReportedAsData() throws IOException {
        Path in = file("o.json", "{\"logits\": [89, 0]}");
        CliRun r = run("normalize", "--precision", "fp32", "--no-max-shift", "--input", in.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.json();
        assertEquals("NaN", o.get("probabilities").get(0).asString());
        assertEquals(0.0, o.get("probabilities").get(1).asDouble());
        assertTrue(o.get("overflow_count").asInt() > 0);
        assertEquals(1, o.get("underflow_count").asInt());
    }

    @Test
    void tableWithoutJsonAndStandardInput() throws IOException {
        Path in = file("l.json", "{\"logits\": [1, 2]}");
        CliRun r = run("normalize", "--normalizer", "entmax15", "--input", in.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("entmax-1.5"), r.out());
        assertTrue(r.out().contains("entropy"), r.out());
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("[0, 0]".getBytes(StandardCharsets.UTF_8)));
            CliRun s = run("normalize", "--input", "-", "--json");
            assertEquals(0, s.exit(), s.err());
            assertEquals(0.5, s.json().get("probabilities").get(1).asDouble(), 0.0);
        } finally {
            System.setIn(stdin);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NaN logit|{\"logits\": [1, 2, \"NaN\", 3]}||logits[2]",
            "bare NaN|[0, NaN]||logits[1]",
            "+Infinity|[\"Infinity\", 0]||logits[0]",
            "empty vector|{\"logits\": []}||empty",
            "all masked|[\"-Infinity\", \"-Infinity\"]||-Infinity",
            "wrong type|{\"logits\": [1, true]}||logits[1]",
            "truncated|{\"logits\": [1, 2||malformed",
            "bad precision|[1, 2]|--precision=fp8|--precision",
            "bad temperature text|[1, 2]|--temperature=hot|--temperature",
            "zero temperature|[1, 2]|--temperature=0|--temperature",
            "negative temperature|[1, 2]|--temperature=-1|--temperature",
            "NaN temperature|[1, 2]|--temperature=NaN|--temperature",
            "bad normalizer|[1, 2]|--normalizer=argmax|--normalizer",
            "bad top-k|[1, 2]|--top-k=0|--top-k",
    })
    void badInputExitsTwoWithOneLine(String what, String content, String option, String mentions) throws IOException {
        Path in = file("bad.json", content);
        CliRun r = option == null
                ? run("normalize", "--input", in.toString(), "--json")
                : run("normalize", option, "--input", in.toString(), "--json");
        assertEquals(2, r.exit(), what + ": " + r.err());
        assertEquals(1, r.errLines().size(), what + ": exactly one line on stderr, got:\n" + r.err());
        assertTrue(r.err().contains(mentions), what + ": " + r.err());
        assertEquals("", r.out(), what + ": nothing on stdout");
        if (option == null) assertTrue(r.err().contains("bad.json"), what + " names the file: " + r.err());
    }

    @Test
    void missingFileAndMissingOption() {
        CliRun r = run("normalize", "--input", dir.resolve("absent.json").toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("absent.json") && r.err().contains("not found"), r.err());
        CliRun s = run("normalize");
        assertEquals(2, s.exit());
        assertEquals(1, s.errLines().size(), s.err());
        assertTrue(s.err().contains("--input"), s.err());
    }
}
