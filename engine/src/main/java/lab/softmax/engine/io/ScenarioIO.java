package lab.softmax.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes scenario documents. Reading validates everything (lab, version, every state
 * field) before anything is returned, so a bad file changes nothing; writing is atomic.
 */
public final class ScenarioIO {
    private final Map<String, ScenarioType<?>> types = new LinkedHashMap<>();

    public ScenarioIO(List<ScenarioType<?>> knownTypes) {
        for (ScenarioType<?> t : knownTypes) {
            types.put(t.lab(), t);
        }
    }

    public List<ScenarioType<?>> types() { return List.copyOf(types.values()); }

    public Scenario<?> read(Path path) {
        return read(path, Progress.NONE, Cancellation.none());
    }

    /** Reads a file, reporting progress and stopping (CancelledException) when cancelled: a huge or slow file. */
    public Scenario<?> read(Path path, Progress progress, Cancellation cancellation) {
        String source = path.toString();
        JsonNode root;
        try (InputStream in = ProgressInputStream.open(path, progress, cancellation)) {
            root = parse(in, source);
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
        // a 10^7-value state takes seconds more to check once it is read
        progress.report(-1, "checking the values");
        cancellation.throwIfCancelled();
        return interpret(root, source);
    }

    public Scenario<?> read(InputStream in, String source) {
        return interpret(parse(in, source), source);
    }

    private static JsonNode parse(InputStream in, String source) {
        return Json.readObject(in, source, "expected a JSON object with \"lab\", \"version\" and \"state\"");
    }

    private Scenario<?> interpret(JsonNode root, String source) {
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
        return build(type, text(root, "title", source), text(root, "description", source), state, source);
    }

    private <S> Scenario<S> build(ScenarioType<S> type, String title, String description, JsonNode state, String source) {
        try {
            // A number or boolean left out of a scenario is a mistake to report, not a silent 0/false.
            MissingPrimitives.check(source, "state", state, type.stateClass());
            S value = Json.mapper().treeToValue(state, type.stateClass());
            return new Scenario<>(type, title, description, value);
        } catch (DatabindException e) {
            throw stateError(e, source);
        } catch (JacksonException e) {
            throw new InputException(source, "state", Json.describe(e), e);
        }
    }

    /**
     * Names the state field at fault. Jackson's path covers type errors and unknown fields; a state
     * record's own validation (run in its constructor, so Jackson's path ends at "state") throws an
     * {@link InputException} naming the field itself. Any other exception from a constructor is a bug
     * and is not dressed up as bad input.
     */
    private static RuntimeException stateError(DatabindException e, String source) {
        String path = pathOf(e);
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            return new InputException(source, "state" + path, "unknown field (expected one of " + u.getKnownPropertyIds()
                    .stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof InputException ie) {
            String field = ie.field() == null || ie.field().isEmpty() ? "" : "." + ie.field();
            return new InputException(source, "state" + path + field, ie.problem(), e);
        }
        if (e instanceof tools.jackson.databind.exc.ValueInstantiationException && root instanceof RuntimeException bug) {
            return bug;
        }
        String msg = Json.describe(e);
        int cut = msg.indexOf(" (for ");
        return new InputException(source, "state" + path, cut > 0 ? msg.substring(0, cut) : msg, e);
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
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InputException(source, "version", "missing or not an integer (expected " + type.version() + ")");
        }
        return v.asInt();
    }

    private static String text(JsonNode root, String field, String source) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return "";
        if (!n.isString()) throw new InputException(source, field, "must be a text, found " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        return n.asString();
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
}
