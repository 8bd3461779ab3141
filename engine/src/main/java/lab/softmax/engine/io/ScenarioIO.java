package lab.softmax.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes scenario documents. Reading validates everything (lab, version, every state
 * field) before anything is returned, so a bad file changes nothing; writing is atomic.
 */
public final class ScenarioIO {
    private static final java.util.regex.Pattern FIELD_PROBLEM = java.util.regex.Pattern.compile("([A-Za-z_][\\w\\[\\].]*): (.+)", java.util.regex.Pattern.DOTALL);
    private final Map<String, ScenarioType<?>> types = new LinkedHashMap<>();

    public ScenarioIO(List<ScenarioType<?>> knownTypes) {
        for (ScenarioType<?> t : knownTypes) {
            types.put(t.lab(), t);
        }
    }

    public List<ScenarioType<?>> types() { return List.copyOf(types.values()); }

    public Scenario<?> read(Path path) {
        String source = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "file not found");
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    public Scenario<?> read(InputStream in, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        } catch (JacksonException e) {
            throw new InputException(source, "", "malformed JSON: " + e.getOriginalMessage() + location(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, "", "expected a JSON object with \"lab\", \"version\" and \"state\"");
        }
        ScenarioType<?> type = typeOf(root, source);
        int version = versionOf(root, source, type);
        if (version != type.version()) {
            throw new InputException(source, "version", "version " + version + " of lab '" + type.lab()
                    + "' is not supported (this build reads version " + type.version() + ")");
        }
        for (var name : root.propertyNames()) {
            if (!List.of("lab", "version", "title", "description", "state").contains(name)) {
                throw new InputException(source, name, "unknown field (expected lab, version, title, description, state)");
            }
        }
        JsonNode state = root.get("state");
        if (state == null || !state.isObject()) {
            throw new InputException(source, "state", "missing or not an object");
        }
        return build(type, text(root, "title"), text(root, "description"), state, source);
    }

    private <S> Scenario<S> build(ScenarioType<S> type, String title, String description, JsonNode state, String source) {
        try {
            S value = Json.mapper().treeToValue(state, type.stateClass());
            return new Scenario<>(type, title, description, value);
        } catch (DatabindException e) {
            String path = pathOf(e);
            String problem = problemOf(e);
            // A record's own validation says "field: problem"; report it at that field's path.
            java.util.regex.Matcher m = FIELD_PROBLEM.matcher(problem);
            if (path.isEmpty() && m.matches()) {
                path = "." + m.group(1);
                problem = m.group(2);
            }
            throw new InputException(source, "state" + path, problem, e);
        } catch (JacksonException e) {
            throw new InputException(source, "state", e.getOriginalMessage(), e);
        }
    }

    private ScenarioType<?> typeOf(JsonNode root, String source) {
        JsonNode lab = root.get("lab");
        if (lab == null || !lab.isString()) {
            throw new InputException(source, "lab", "missing (expected one of " + String.join(", ", types.keySet()) + ")");
        }
        ScenarioType<?> type = types.get(lab.asString());
        if (type == null) {
            throw new InputException(source, "lab", "unknown lab '" + lab.asString() + "' (expected one of "
                    + String.join(", ", types.keySet()) + ")");
        }
        return type;
    }

    private static int versionOf(JsonNode root, String source, ScenarioType<?> type) {
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber()) {
            throw new InputException(source, "version", "missing or not an integer (expected " + type.version() + ")");
        }
        return v.asInt();
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? "" : n.asString();
    }

    public void write(Path path, Scenario<?> scenario) throws IOException {
        String json = toJson(scenario);
        AtomicFiles.writeString(path, json);
    }

    public String toJson(Scenario<?> scenario) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("lab", scenario.type().lab());
        root.put("version", scenario.type().version());
        root.put("title", scenario.title());
        root.put("description", scenario.description());
        root.set("state", Json.mapper().valueToTree(scenario.state()));
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** "state.logits[3]" style path from Jackson's reference chain. */
    private static String pathOf(DatabindException e) {
        return e.getPath().stream().map(ref -> ref.getPropertyName() != null
                ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]").collect(Collectors.joining());
    }

    private static String problemOf(DatabindException e) {
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field (expected one of " + u.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")) + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if ((root instanceof IllegalArgumentException || root instanceof InputException) && root.getMessage() != null) {
            return root.getMessage();
        }
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf(" (for ");
        return cut > 0 ? msg.substring(0, cut) : msg;
    }

    private static String location(JacksonException e) {
        var loc = e.getLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
