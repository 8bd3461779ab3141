package lab.softmax.engine.attention;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.NpyReader;
import lab.softmax.engine.io.ProgressInputStream;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import tools.jackson.databind.JsonNode;

/**
 * Reads attention inputs ("bring your own"):
 * <ul>
 *   <li>JSON {"q":[[...]],"k":[[...]],"v":[[...]]} with Q [n][h·d_h], K [m][h·d_h], V [m][h·d_v];
 *       or per head, each a list of matrices {"q":[[[...]],...],...}; or self-attention from tokens
 *       {"x":[[...]],"w_q":[[...]],"w_k":[[...]],"w_v":[[...]]} with each W [d_model][width].
 *       Optional: "heads" (default 1, or the number of per-head matrices) and "mask" [n][m]
 *       (0 shows a key, "-Infinity" hides it). Numbers may be the strings "Infinity", "-Infinity"
 *       and "NaN"; only the mask may hold -Infinity.</li>
 *   <li>NumPy .npy: three 2-D float32/float64 arrays (C order) for Q, K and V.</li>
 * </ul>
 * Every problem is an {@link InputException} naming the source, the field with its index and the value.
 */
public final class AttentionFile {
    /** Most rows (tokens) in one matrix. */
    public static final int MAX_ROWS = 1 << 16;
    private static final Set<String> FIELDS = Set.of("q", "k", "v", "x", "w_q", "w_k", "w_v", "heads", "mask");

    private AttentionFile() { }

    public static AttentionInput read(Path path) {
        return read(path, Progress.NONE, Cancellation.none());
    }

    /** Reads a file, reporting progress and stopping (CancelledException) when cancelled. */
    public static AttentionInput read(Path path, Progress progress, Cancellation cancellation) {
        String name = path.toString();
        try (InputStream in = ProgressInputStream.open(path, progress, cancellation)) {
            return readJson(in, name);
        } catch (IOException e) {
            throw InputException.unreadable(name, e);
        }
    }

    public static AttentionInput readJson(InputStream in, String source) {
        JsonNode root = Json.readObject(in, source, "expected an object {\"q\":[[...]],\"k\":[[...]],\"v\":[[...]]}");
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InputException(source, name, "unknown field (expected q, k, v or x, w_q, w_k, w_v; heads; mask)");
            }
        }
        double[][] mask = root.has("mask") ? matrix(root.get("mask"), source, "mask") : null;
        Integer heads = null;
        if (root.has("heads")) {
            JsonNode h = root.get("heads");
            if (!h.isIntegralNumber() || !h.canConvertToInt() || h.asInt() < 1) throw new InputException(source, "heads", h + " is not a positive integer");
            heads = h.asInt();
        }
        if (root.has("x")) {
            for (String f : List.of("q", "k", "v")) {
                if (root.has(f)) throw new InputException(source, f, "give either q, k, v or x with w_q, w_k, w_v, not both");
            }
            double[][] x = matrix(required(root, "x", source), source, "x");
            return AttentionInput.fromProjections(source, x, matrix(required(root, "w_q", source), source, "w_q"),
                    matrix(required(root, "w_k", source), source, "w_k"), matrix(required(root, "w_v", source), source, "w_v"),
                    heads == null ? 1 : heads, mask);
        }
        JsonNode q = required(root, "q", source);
        JsonNode k = required(root, "k", source);
        JsonNode v = required(root, "v", source);
        if (isPerHead(q)) {
            List<double[][]> qs = heads(q, source, "q");
            List<double[][]> ks = heads(k, source, "k");
            List<double[][]> vs = heads(v, source, "v");
            if (heads != null && heads != qs.size()) {
                throw new InputException(source, "heads", heads + " but q lists " + qs.size() + " head matrices");
            }
            return AttentionInput.perHead(source, qs, ks, vs, mask);
        }
        return new AttentionInput(source, matrix(q, source, "q"), matrix(k, source, "k"), matrix(v, source, "v"),
                heads == null ? 1 : heads, mask);
    }

    /** Q, K and V from three .npy files (2-D, float32 or float64, C order). */
    public static AttentionInput readNpy(Path q, Path k, Path v, int heads) {
        return new AttentionInput(q.toString(), npy(q, "q"), npy(k, "k"), npy(v, "v"), heads, null);
    }

    private static JsonNode required(JsonNode root, String field, String source) {
        JsonNode n = root.get(field);
        if (n == null) throw new InputException(source, field, "missing");
        return n;
    }

    private static boolean isPerHead(JsonNode q) {
        return q.isArray() && !q.isEmpty() && q.get(0).isArray() && !q.get(0).isEmpty() && q.get(0).get(0).isArray();
    }

    private static List<double[][]> heads(JsonNode node, String source, String field) {
        if (!node.isArray() || node.isEmpty()) throw new InputException(source, field, "expected a non-empty list of head matrices");
        List<double[][]> out = new ArrayList<>();
        for (int h = 0; h < node.size(); h++) out.add(matrix(node.get(h), source, field + "[" + h + "]"));
        return out;
    }

    static double[][] matrix(JsonNode node, String source, String field) {
        if (!node.isArray()) throw new InputException(source, field, "expected an array of rows, found " + node);
        if (node.isEmpty()) throw new InputException(source, field, "empty context: no rows");
        if (node.size() > MAX_ROWS) {
            throw new InputException(source, field, node.size() + " rows exceed the limit of " + MAX_ROWS);
        }
        double[][] out = new double[node.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = node.get(i);
            String at = field + "[" + i + "]";
            if (!row.isArray()) throw new InputException(source, at, "expected an array of numbers, found " + row);
            if (i > 0 && row.size() != out[0].length) {
                throw new InputException(source, at, "ragged: " + row.size() + " entries, row 0 has " + out[0].length);
            }
            out[i] = new double[row.size()];
            for (int j = 0; j < out[i].length; j++) out[i][j] = number(row.get(j), source, at + "[" + j + "]");
        }
        return out;
    }

    private static double number(JsonNode e, String source, String at) {
        if (e.isNumber()) return e.asDouble();
        if (e.isString()) {
            String t = e.asString().trim();
            return switch (t) {
                case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(t);
                    } catch (NumberFormatException x) {
                        throw new InputException(source, at, "\"" + e.asString() + "\" is not a number");
                    }
                }
            };
        }
        throw new InputException(source, at, e + " is not a number");
    }

    private static double[][] npy(Path path, String field) {
        String source = path.toString();
        try (InputStream raw = Files.newInputStream(path)) {
            return readNpy(raw, source, field, Files.size(path));
        } catch (NoSuchFileException e) {
            throw new InputException(source, field, "file not found");
        } catch (IOException e) {
            throw new InputException(source, field, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A 2-D .npy array (format versions 1-3, float32/float64, C order) as rows; fileBytes -1 when unknown. */
    static double[][] readNpy(InputStream raw, String source, String field, long fileBytes) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        NpyReader.Header h = NpyReader.header(in, source, field, fileBytes);
        long[] dims = h.shape();
        if (dims.length != 2) throw new InputException(source, field + ".shape", NpyReader.describe(dims) + " is not 2-D; save [rows][columns]");
        long rows = dims[0];
        long cols = dims[1];
        if (rows < 1 || cols < 1) throw new InputException(source, field + ".shape", "(" + rows + ", " + cols + "): empty context");
        if (rows > MAX_ROWS || cols > AttentionInput.MAX_WEIGHTS || rows * cols > AttentionInput.MAX_WEIGHTS) {
            throw new InputException(source, field + ".shape", "(" + rows + ", " + cols + ") exceeds the limit of "
                    + MAX_ROWS + " rows and " + AttentionInput.MAX_WEIGHTS + " values");
        }
        h.requireData(source, field);
        double[][] out = new double[(int) rows][(int) cols];
        int c = (int) cols;
        NpyReader.readValues(in, h, (int) (rows * cols), source, field, (i, v) -> out[i / c][i % c] = v);
        return out;
    }
}
