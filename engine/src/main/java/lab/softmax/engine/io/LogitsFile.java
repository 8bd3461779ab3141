package lab.softmax.engine.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one logit vector from JSON ({"logits":[...]} or a bare array), CSV (numbers separated by
 * commas, whitespace or newlines) or NumPy .npy (float32/float64, 1-D). JSON is streamed, so a
 * 10^7-element file needs only the final double[].
 */
public final class LogitsFile {
    /** Largest vector accepted: 400 MB of doubles; larger inputs get a clear error, not an OOM. */
    public static final int MAX_LENGTH = 50_000_000;

    private LogitsFile() { }

    public static double[] read(Path path) {
        return read(path, Progress.NONE, Cancellation.none());
    }

    /** Reads a file, reporting progress and stopping (CancelledException) when cancelled: 5·10⁷ values take a while. */
    public static double[] read(Path path, Progress progress, Cancellation cancellation) {
        String name = path.toString();
        try (InputStream in = ProgressInputStream.open(path, progress, cancellation)) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".npy")) return NpyReader.read(in, name, Files.isRegularFile(path) ? Files.size(path) : -1);
            if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
                return readCsv(new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())), name);
            }
            return readJson(in, name);
        } catch (IOException e) {
            throw InputException.unreadable(name, e);
        }
    }

    /**
     * Reads the whole document, not just up to the logits: a file cut off after the array, a
     * second "logits" field or content after the root value is an error, never silently accepted.
     */
    public static double[] readJson(InputStream in, String source) {
        try (JsonParser p = Json.mapper().createParser(in)) {
            JsonToken first = p.nextToken();
            double[] logits;
            if (first == JsonToken.START_ARRAY) {
                logits = JsonVector.read(p, source, "");
            } else if (first == JsonToken.START_OBJECT) {
                logits = readObject(p, source);
            } else {
                throw new InputException(source, "", "expected a JSON object with \"logits\" or an array of numbers");
            }
            if (p.nextToken() != null) {
                throw new InputException(source, "", "unexpected content after the logits" + locationOf(p));
            }
            return logits;
        } catch (JacksonException e) {
            throw new InputException(source, "", "malformed JSON: " + Json.describe(e), e);
        }
    }

    private static double[] readObject(JsonParser p, String source) {
        double[] logits = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("logits".equals(field)) {
                if (logits != null) {
                    throw new InputException(source, "logits", "appears twice");
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new InputException(source, "logits", "expected an array of numbers, found " + JsonVector.describe(value));
                }
                logits = JsonVector.read(p, source, "logits");
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new InputException(source, "", "truncated: the object is not closed");
        }
        if (logits == null) {
            throw new InputException(source, "logits", "missing field (expected {\"logits\": [...]})");
        }
        return logits;
    }

    private static String locationOf(JsonParser p) {
        var loc = p.currentLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** Numbers pasted as text: separated by commas, semicolons, whitespace or newlines; or a JSON document. */
    public static double[] parseText(String text, String source) {
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            return readJson(new java.io.ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)), source);
        }
        try {
            return readCsv(new BufferedReader(new java.io.StringReader(t)), source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static double[] readCsv(BufferedReader reader, String source) throws IOException {
        DoubleBuffer values = new DoubleBuffer();
        String line;
        int lineNr = 0;
        while ((line = reader.readLine()) != null) {
            lineNr++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            for (String cell : trimmed.split("[,;\\s]+")) {
                if (cell.isEmpty()) continue;
                if (values.size() >= MAX_LENGTH) {
                    throw new InputException(source, "", "more than " + MAX_LENGTH + " values (the documented limit)");
                }
                values.add(JsonVector.number(cell, source, "line " + lineNr + " (value " + values.size() + ")"));
            }
        }
        return values.toArray();
    }
}
