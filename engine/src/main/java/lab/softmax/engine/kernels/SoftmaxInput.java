package lab.softmax.engine.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.JsonVector;
import lab.softmax.engine.io.LogitRules;
import lab.softmax.engine.io.LogitsFile;
import tools.jackson.databind.JsonNode;

/**
 * Input of the {@code softmax} command: {"logits":[...]} (one row) or {"rows":[[...],...]} in JSON,
 * numbers or the strings "Infinity"/"-Infinity"/"NaN"; a CSV with one row per line; or a 1-D .npy.
 * Every row meets {@link LogitRules}: NaN and +Infinity are rejected naming the row and index.
 *
 * @param rows    the rows, each non-empty
 * @param batched true when the input was {"rows": ...} or a multi-line CSV
 */
public record SoftmaxInput(List<double[]> rows, boolean batched) {
    public static SoftmaxInput read(Path path) {
        String source = path.toString();
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npy")) return checked(new SoftmaxInput(List.of(LogitsFile.read(path)), false), source);
        try (InputStream in = Files.newInputStream(path)) {
            if (lower.endsWith(".csv") || lower.endsWith(".txt")) return readCsv(in, source);
            return readJson(in, source);
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
    }

    public static SoftmaxInput readJson(InputStream in, String source) {
        JsonNode root = Json.readObject(in, source, "expected {\"logits\":[...]} or {\"rows\":[[...],...]}");
        if (root.has("logits")) return checked(new SoftmaxInput(List.of(JsonVector.read(root.get("logits"), source, "logits")), false), source);
        JsonNode rows = root.get("rows");
        if (rows == null) throw new InputException(source, "logits", "missing (expected {\"logits\":[...]} or {\"rows\":[[...],...]})");
        if (!rows.isArray() || rows.isEmpty()) throw new InputException(source, "rows", "expected a non-empty array of arrays");
        List<double[]> list = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) list.add(JsonVector.read(rows.get(r), source, "rows[" + r + "]"));
        return checked(new SoftmaxInput(list, true), source);
    }

    private static SoftmaxInput readCsv(InputStream in, String source) throws IOException {
        List<double[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNr = 0;
        while ((line = reader.readLine()) != null) {
            lineNr++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] cells = t.split("[,;\\s]+");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) row[i] = JsonVector.number(cells[i], source, "line " + lineNr + " value " + i);
            rows.add(row);
        }
        if (rows.isEmpty()) throw new InputException(source, "", "no numbers found");
        return checked(new SoftmaxInput(rows, rows.size() > 1), source);
    }

    private static SoftmaxInput checked(SoftmaxInput input, String source) {
        for (int r = 0; r < input.rows.size(); r++) {
            LogitRules.require(input.rows.get(r), source, input.batched ? "rows[" + r + "]" : "logits");
        }
        return input;
    }
}
