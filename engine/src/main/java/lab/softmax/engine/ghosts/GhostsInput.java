package lab.softmax.engine.ghosts;

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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The `ghosts` input: {"logits":[...],"direction":[...]} or {"samples":[{...},...]}. Numbers may be JSON
 * numbers or the strings "Infinity", "-Infinity", "NaN"; a logit of -Infinity masks its class. Every
 * problem is reported with the source, the field path and the value.
 */
public record GhostsInput(List<double[]> logits, List<double[]> directions, boolean batch) {
    private static final Set<String> SAMPLE_FIELDS = Set.of("logits", "direction", "label", "name");

    public static GhostsInput read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), "", "file not found");
        } catch (IOException e) {
            throw new InputException(path.toString(), "", "cannot read: " + e.getMessage(), e);
        }
    }

    public static GhostsInput read(InputStream in, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        } catch (JacksonException e) {
            throw new InputException(source, "", "malformed JSON: " + Json.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, "", "expected {\"logits\":[...],\"direction\":[...]} or {\"samples\":[...]}");
        }
        List<double[]> z = new ArrayList<>();
        List<double[]> a = new ArrayList<>();
        if (root.has("samples")) {
            for (String name : root.propertyNames()) {
                if (!name.equals("samples")) throw new InputException(source, name, "unknown field next to \"samples\"");
            }
            JsonNode samples = root.get("samples");
            if (!samples.isArray() || samples.isEmpty()) throw new InputException(source, "samples", "expected a non-empty array");
            for (int i = 0; i < samples.size(); i++) sample(samples.get(i), source, "samples[" + i + "].", z, a);
            return new GhostsInput(z, a, true);
        }
        sample(root, source, "", z, a);
        return new GhostsInput(z, a, false);
    }

    private static void sample(JsonNode node, String source, String prefix, List<double[]> zs, List<double[]> as) {
        if (!node.isObject()) throw new InputException(source, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "expected an object");
        for (String name : node.propertyNames()) {
            if (!SAMPLE_FIELDS.contains(name)) throw new InputException(source, prefix + name, "unknown field (expected logits, direction)");
        }
        double[] z = vector(node.get("logits"), source, prefix + "logits");
        double[] a = vector(node.get("direction"), source, prefix + "direction");
        if (z.length != a.length) {
            throw new InputException(source, prefix + "direction", "has " + a.length + " entries but logits has " + z.length);
        }
        boolean anyActive = false;
        for (int k = 0; k < z.length; k++) {
            if (Double.isNaN(z[k]) || z[k] == Double.POSITIVE_INFINITY) {
                throw new InputException(source, prefix + "logits[" + k + "]", z[k] + " is not allowed (use -Infinity to mask a class)");
            }
            if (!Double.isFinite(a[k])) throw new InputException(source, prefix + "direction[" + k + "]", a[k] + " is not finite");
            anyActive |= z[k] != Double.NEGATIVE_INFINITY;
        }
        if (!anyActive) throw new InputException(source, prefix + "logits", "every class is masked (-Infinity)");
        zs.add(z);
        as.add(a);
    }

    private static double[] vector(JsonNode node, String source, String field) {
        if (node == null) throw new InputException(source, field, "missing");
        if (!node.isArray() || node.isEmpty()) throw new InputException(source, field, "expected a non-empty array of numbers");
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = node.get(i);
            if (e.isNumber()) {
                v[i] = e.asDouble();
            } else if (e.isString()) {
                v[i] = switch (e.asString()) {
                    case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
                    case "-Infinity" -> Double.NEGATIVE_INFINITY;
                    case "NaN" -> Double.NaN;
                    default -> throw new InputException(source, field + "[" + i + "]", "\"" + e.asString() + "\" is not a number");
                };
            } else {
                throw new InputException(source, field + "[" + i + "]", e + " is not a number");
            }
        }
        return v;
    }
}
