package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GhostsTrainingStateTest {
    @TempDir Path dir;

    @Test
    void roundTripsThroughAScenarioFile() throws Exception {
        ScenarioIO io = new ScenarioIO(List.of(GhostsTrainingState.TYPE));
        GhostsTrainingState d = GhostsTrainingState.defaults();
        GhostsTrainingState s = new GhostsTrainingState(d.experiment(), d.dataset(), d.model(), d.optimizer(), 0.01,
                d.spikeFactor(), d.spikeAt(), d.spikeUntil(), d.controllers(), d.clipNorm(), d.steps(), 4, d.batchSize(),
                d.sweepTrainSteps(), d.sweepLr(), d.rMin(), d.rMax(), d.sweepPoints());
        Path file = dir.resolve("g.json");
        io.write(file, new Scenario<>(GhostsTrainingState.TYPE, "t", "d", s));
        String text = Files.readString(file);
        assertTrue(text.contains("\"dataset\" : \"blobs\""), text);
        assertEquals(s, io.read(file).state());
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        ScenarioIO io = new ScenarioIO(List.of(GhostsTrainingState.TYPE));
        String good = Json.mapper().writeValueAsString(GhostsTrainingState.defaults());
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"lab\":\"ghosts-training\",\"version\":1,\"state\":" + good.replace("\"lr\":0.001", "\"lr\":-1") + "}");
        InputException e = assertThrows(InputException.class, () -> io.read(file));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }
}
