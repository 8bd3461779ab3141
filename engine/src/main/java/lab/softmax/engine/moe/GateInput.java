package lab.softmax.engine.moe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import tools.jackson.databind.JsonNode;

/**
 * The `moe gate` input: {"gates":{"weights":[[...],...],"biases":[...]},"x":[[...],...]}. weights is k rows of d
 * numbers, biases k numbers, x one or more rows of d numbers. Numbers are JSON numbers (the strings "NaN",
 * "Infinity" are refused: a gate parameter or input must be finite). Every problem names the source, the field with
 * its index and the value.
 */
public record GateInput(String source, Gates gates, double[][] x) {
    private static final Set<String> ROOT_FIELDS = Set.of("gates", "x");
    private static final Set<String> GATE_FIELDS = Set.of("weights", "biases");

    public GateInput {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        x = c;
    }

    @Override
    public double[][] x() {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }

    /** The `moe gate` output: one route per input row. */
    public record Points(List<Point> points) {
        public Points { points = List.copyOf(points); }
    }

    /** One input's active experts (ascending) and their weights. */
    public record Point(int[] active, double[] weights) { }

    public static GateInput read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw InputException.unreadable(path.toString(), e);
        }
    }

    public static GateInput read(InputStream in, String source) {
        JsonNode root = Json.readObject(in, source, "expected {\"gates\":{\"weights\":[[...]],\"biases\":[...]},\"x\":[[...]]}");
        for (String name : root.propertyNames()) {
            if (!ROOT_FIELDS.contains(name)) throw new InputException(source, name, "unknown field (expected gates, x)");
        }
        JsonNode g = root.get("gates");
        if (g == null) throw new InputException(source, "gates", "missing");
        if (!g.isObject()) throw new InputException(source, "gates", "expected an object with weights and biases");
        for (String name : g.propertyNames()) {
            if (!GATE_FIELDS.contains(name)) throw new InputException(source, "gates." + name, "unknown field (expected weights, biases)");
        }
        double[][] w = JsonNumbers.matrix(g.get("weights"), source, "gates.weights", -1);
        double[] b = JsonNumbers.vector(g.get("biases"), source, "gates.biases");
        if (b.length != w.length) {
            throw new InputException(source, "gates.biases", "has " + b.length + " entries but gates.weights has " + w.length + " rows (one per expert)");
        }
        int d = w[0].length;
        double[][] x = JsonNumbers.matrix(root.get("x"), source, "x", d);
        return new GateInput(source, new Gates(w, b), x);
    }

    /** Refuses a top-K outside 1..k, naming the option. */
    public void requireTopK(int topK) {
        int k = gates.experts();
        if (topK <= 0) throw new InputException(source, "--top-k", topK + " must be >= 1");
        if (topK > k) throw new InputException(source, "--top-k", topK + " exceeds the number of experts (" + k + ")");
    }

    /** Routes every row of x with the logits divided by temperature. */
    public Points route(int topK, double temperature, Router router) {
        requireTopK(topK);
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException(source, "--temperature", temperature + " must be finite and > 0");
        }
        int k = gates.experts();
        double[] logits = new double[k];
        List<Point> out = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            gates.logits(row, 1 / temperature, logits);
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(logits[j])) {
                    throw new InputException(source, "x[" + i + "]", "the gate logit of expert " + j + " is " + logits[j]
                            + " (w·x + b overflows; scale the inputs or the gates down)");
                }
            }
            Route r = TopK.route(logits, topK, router);
            out.add(new Point(r.active(), r.weights()));
        }
        return new Points(out);
    }
}
