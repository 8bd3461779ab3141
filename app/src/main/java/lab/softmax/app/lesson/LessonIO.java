package lab.softmax.app.lesson;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab.softmax.app.Lab;
import lab.softmax.engine.io.AtomicFiles;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioIO;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes lesson files, as strictly as scenarios: every field is checked before a lesson is
 * returned, and an error names the file, the step (counted from 1) and the field, e.g.
 * {@code lessons/x.json: step 3: unlocked[1]: must be a text}. A scenario named by path is resolved
 * against the lesson file's folder. Whether the unlocked ids exist in the lab's view is checked where
 * the view exists ({@link ControlLock#unknown}), by the app and by {@code lesson check}.
 */
public final class LessonIO {
    public static final String FORMAT = "softmax-lab-lesson";
    public static final int VERSION = 1;
    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "title", "summary", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("lab", "title", "scenario", "text", "unlocked", "question", "answer");

    private final List<Lab> labs;
    private final ScenarioIO scenarios;

    public LessonIO(List<Lab> labs, ScenarioIO scenarios) {
        this.labs = List.copyOf(labs);
        this.scenarios = scenarios;
    }

    public Lesson read(Path file) {
        return read(file, lab.softmax.engine.task.Progress.NONE, lab.softmax.engine.task.Cancellation.none());
    }

    /** Reads a file, reporting progress and stopping (CancelledException) when cancelled. */
    public Lesson read(Path file, lab.softmax.engine.task.Progress progress, lab.softmax.engine.task.Cancellation cancellation) {
        String source = file.toString();
        JsonNode root;
        try (InputStream in = lab.softmax.engine.io.ProgressInputStream.open(file, progress, cancellation)) {
            root = Json.readTree(in, source);
        } catch (IOException e) {
            throw InputException.unreadable(source, e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, "", "expected a JSON object with \"format\", \"version\", \"title\" and \"steps\"");
        }
        onlyKnownFields(root, TOP_FIELDS, source, "");
        JsonNode format = root.get("format");
        if (format == null || !format.isString() || !format.asString().equals(FORMAT)) {
            throw new InputException(source, "format", "must be \"" + FORMAT + "\" (is this a lesson file?)");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new InputException(source, "version", "missing or not an integer (expected " + VERSION + ")");
        }
        if (version.asInt() != VERSION) {
            throw new InputException(source, "version", "version " + version.asInt()
                    + " is not supported (this build reads version " + VERSION + ")");
        }
        String title = requiredText(root, "title", source, "");
        String summary = optionalText(root, "summary", source, "");
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new InputException(source, "steps", "missing, not a list, or empty (a lesson has at least one step)");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<LessonStep> read = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) read.add(step(steps.get(i), i, folder, source));
        return new Lesson(title, summary, read);
    }

    private LessonStep step(JsonNode node, int index, Path folder, String source) {
        String where = "step " + (index + 1) + ": ";
        if (!node.isObject()) throw new InputException(source, "step " + (index + 1), "must be an object");
        onlyKnownFields(node, STEP_FIELDS, source, where);
        String labId = requiredText(node, "lab", source, where);
        Lab lab = labs.stream().filter(l -> l.id().equals(labId)).findFirst().orElseThrow(() -> new InputException(source,
                where + "lab", "unknown lab '" + labId + "' (expected one of "
                + String.join(", ", labs.stream().map(Lab::id).toList()) + ")"));
        String title = requiredText(node, "title", source, where);
        String text = requiredText(node, "text", source, where);
        JsonNode scenarioNode = node.get("scenario");
        Path scenarioFile = null;
        Scenario<?> scenario;
        if (scenarioNode == null) {
            throw new InputException(source, where + "scenario", "missing (a path to a scenario file, or the scenario itself)");
        } else if (scenarioNode.isString()) {
            try {
                scenarioFile = folder.resolve(scenarioNode.asString()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new InputException(source, where + "scenario", "'" + scenarioNode.asString() + "' is not a valid path: " + e.getReason());
            }
            scenario = scenarioFrom(scenarioFile, source, where);
        } else if (scenarioNode.isObject()) {
            scenario = inlineScenario(scenarioNode, source, where);
        } else {
            throw new InputException(source, where + "scenario", "must be a path (text) or a scenario (object)");
        }
        if (lab.scenarioTypes().stream().noneMatch(t -> t.lab().equals(scenario.lab()))) {
            throw new InputException(source, where + "scenario", "is a '" + scenario.lab() + "' scenario; the "
                    + labId + " lab opens " + String.join(", ", lab.scenarioTypes().stream().map(t -> t.lab()).toList()));
        }
        List<String> unlocked = idList(node.get("unlocked"), source, where);
        String question = optionalText(node, "question", source, where);
        String answer = optionalText(node, "answer", source, where);
        if (question.isEmpty() != answer.isEmpty()) {
            throw new InputException(source, where + (question.isEmpty() ? "question" : "answer"),
                    "missing: a question needs its answer and an answer its question");
        }
        return new LessonStep(labId, title, scenario, scenarioFile, text, unlocked, question, answer);
    }

    private Scenario<?> scenarioFrom(Path file, String source, String where) {
        try {
            return scenarios.read(file);
        } catch (InputException e) {
            throw new InputException(source, where + "scenario " + file.getFileName()
                    + (e.field().isEmpty() ? "" : ": " + e.field()), e.problem(), e);
        }
    }

    private Scenario<?> inlineScenario(JsonNode node, String source, String where) {
        byte[] bytes = Json.mapper().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        try {
            return scenarios.read(new ByteArrayInputStream(bytes), source);
        } catch (InputException e) {
            throw new InputException(source, where + "scenario" + (e.field().isEmpty() ? "" : "." + e.field()), e.problem(), e);
        }
    }

    private static List<String> idList(JsonNode node, String source, String where) {
        if (node == null || !node.isArray()) {
            throw new InputException(source, where + "unlocked", "missing or not a list of control ids ([] locks every control)");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isString() || id.asString().isBlank()) {
                throw new InputException(source, where + "unlocked[" + i + "]", "must be a control id (text)");
            }
            ids.add(id.asString());
        }
        return ids;
    }

    /** Text fields may be one string or a list of lines (easier to write by hand); lines are joined with newlines. */
    private static String optionalText(JsonNode parent, String field, String source, String where) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return "";
        if (n.isString()) return n.asString();
        if (n.isArray()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                if (!n.get(i).isString()) throw new InputException(source, where + field + "[" + i + "]", "must be text");
                lines.add(n.get(i).asString());
            }
            return String.join("\n", lines);
        }
        throw new InputException(source, where + field, "must be text or a list of lines");
    }

    private static String requiredText(JsonNode parent, String field, String source, String where) {
        String text = optionalText(parent, field, source, where);
        if (text.isBlank()) throw new InputException(source, where + field, "missing or empty");
        return text;
    }

    private static void onlyKnownFields(JsonNode node, Set<String> known, String source, String where) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new InputException(source, where + name, "unknown field (expected one of "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * Writes atomically (a temporary file moved over the target). Steps whose scenario came from a file
     * refer to it by a path relative to the new lesson's folder; the others are written inline.
     */
    public void write(Path file, Lesson lesson) throws IOException {
        AtomicFiles.writeString(file, toJson(lesson, file.toAbsolutePath().getParent()));
    }

    public String toJson(Lesson lesson, Path folder) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("title", lesson.title());
        if (!lesson.summary().isEmpty()) root.put("summary", lesson.summary());
        ArrayNode steps = root.putArray("steps");
        for (LessonStep s : lesson.steps()) {
            ObjectNode step = steps.addObject();
            step.put("lab", s.lab());
            step.put("title", s.title());
            if (s.scenarioFile() != null) {
                step.put("scenario", folder.relativize(s.scenarioFile().toAbsolutePath()).toString().replace('\\', '/'));
            } else {
                step.set("scenario", Json.mapper().readTree(scenarios.toJson(s.scenario())));
            }
            step.set("text", lines(s.text()));
            ArrayNode unlocked = step.putArray("unlocked");
            s.unlocked().forEach(unlocked::add);
            if (s.hasQuestion()) {
                step.put("question", s.question());
                step.put("answer", s.answer());
            }
        }
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static JsonNode lines(String text) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (String line : text.split("\n", -1)) a.add(line);
        return a;
    }
}
