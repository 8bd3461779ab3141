package lab.softmax.app.cli.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.engine.collapse.CollapseRun;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.io.Scenario;
import org.junit.jupiter.api.Test;

/** The shipped Collapse presets load, and their recorded runs are consistent with their configs. */
class CollapsePresetsTest {
    private static List<Path> presets() throws IOException {
        Path dir = Path.of("..", "sample-data", "scenarios", "collapse");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyPresetLoadsAndEveryRecordedRunEndsAtItsConfiguredEpoch() throws IOException {
        List<Path> files = presets();
        assertFalse(files.isEmpty());
        for (Path file : files) {
            Scenario<?> s = ScenarioTypes.io().read(file);
            assertTrue(s.state() instanceof CollapseState, file.toString());
            for (CollapseRun run : ((CollapseState) s.state()).runs()) {
                if (run.metrics().isEmpty()) continue;
                List<EpochMetrics> m = run.metrics();
                assertEquals(0, m.getFirst().epoch(), file + " " + run.label());
                assertEquals(run.config().epochs(), m.getLast().epoch(), file + " " + run.label());
            }
        }
    }
}
