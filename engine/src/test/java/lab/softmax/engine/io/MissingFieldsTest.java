package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.EpochMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Numbers and booleans left out of a scenario are reported (also nested); optional references still default. */
class MissingFieldsTest {
    private static final ScenarioIO IO = new ScenarioIO(List.of(CollapseState.TYPE));

    @TempDir Path dir;

    private ObjectNode savedCollapseScenario() throws IOException {
        Path file = dir.resolve("c.json");
        IO.write(file, new Scenario<>(CollapseState.TYPE, "t", "d", CollapseState.defaults()));
        return (ObjectNode) Json.mapper().readTree(Files.readString(file));
    }

    private static Scenario<?> read(ObjectNode doc) {
        return IO.read(new ByteArrayInputStream(doc.toString().getBytes(StandardCharsets.UTF_8)), "c.json");
    }

    @Test
    void aNestedNumberLeftOutIsNamed() throws IOException {
        ObjectNode doc = savedCollapseScenario();
        ((ObjectNode) doc.get("state").get("runs").get(0).get("config")).remove("lr");
        InputException e = assertThrows(InputException.class, () -> read(doc));
        assertEquals("state.runs[0].config.lr", e.field(), e.getMessage());
        assertEquals("c.json: state.runs[0].config.lr: missing field", e.getMessage());
    }

    @Test
    void aTopLevelBooleanLeftOutIsNamed() throws IOException {
        ObjectNode doc = savedCollapseScenario();
        ((ObjectNode) doc.get("state")).remove("logEpochAxis");
        assertEquals("state.logEpochAxis", assertThrows(InputException.class, () -> read(doc)).field());
    }

    @Test
    void aRenamedMetricLeftOutIsNamedByItsJsonName() throws IOException {
        ObjectNode doc = savedCollapseScenario();
        ObjectNode metric = Json.mapper().valueToTree(new EpochMetrics(10, 1, 0.5, 2, 0.1, 0, 0, 3, 4, 5, 0.2, 1.5));
        metric.remove("sc_fraction");
        ((ObjectNode) doc.get("state").get("runs").get(0)).putArray("metrics").add(metric);
        assertEquals("state.runs[0].metrics[0].sc_fraction", assertThrows(InputException.class, () -> read(doc)).field());
    }

    @Test
    void optionalReferencesMayStillBeLeftOut() throws IOException {
        ObjectNode doc = savedCollapseScenario();
        ObjectNode run = (ObjectNode) doc.get("state").get("runs").get(0);
        run.remove("metrics");   // a hand-written "configs to train" scenario
        run.remove("label");
        CollapseState state = (CollapseState) read(doc).state();
        assertTrue(state.runs().get(0).metrics().isEmpty());
        assertEquals("run", state.runs().get(0).label());
    }
}
