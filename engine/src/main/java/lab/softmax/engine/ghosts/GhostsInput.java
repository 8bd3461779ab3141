package lab.softmax.engine.ghosts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.JsonVector;
import lab.softmax.engine.io.LogitRules;
import tools.jackson.databind.JsonNode;

/**
 * The `ghosts` input: {"logits":[...],"direction":[...]} or {"samples":[{...},...]}. Vectors are read by
 * {@link JsonVector} and logits meet {@link LogitRules} (a logit of -Infinity masks its class); the
 * direction must be finite. Every problem is reported with the source, the field path and the value.
 */
public record GhostsInput(List<double[]> logits, List<double[]> directions, boolean batch) {
    private static final Set<String> SAMPLE_FIELDS = Set.of("logits", "direction", "label", "name");

    public static GhostsInput read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw InputException.unreadable(path.toString(), e);
        }
    }

    public static GhostsInput read(InputStream in, String source) {
        JsonNode root = Json.readObject(in, source, "expected {\"logits\":[...],\"direction\":[...]} or {\"samples\":[...]}");
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
        double[] z = JsonVector.read(node.get("logits"), source, prefix + "logits");
        LogitRules.require(z, source, prefix + "logits");
        double[] a = JsonVector.read(node.get("direction"), source, prefix + "direction");
        if (z.length != a.length) {
            throw new InputException(source, prefix + "direction", "has " + a.length + " entries but logits has " + z.length);
        }
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k])) throw new InputException(source, prefix + "direction[" + k + "]", a[k] + " is not finite");
        }
        zs.add(z);
        as.add(a);
    }
}
