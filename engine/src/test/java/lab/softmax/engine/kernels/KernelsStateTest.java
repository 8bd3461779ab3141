package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioIO;
import org.junit.jupiter.api.Test;

class KernelsStateTest {
    private final ScenarioIO io = new ScenarioIO(List.of(KernelsState.TYPE));

    @Test
    void savedRunRoundTripsWithResultsAndMachine() {
        BenchResult r = new BenchResult(Algorithm.TWO_PASS, Impl.VECTOR, 1024, 1, 0.5, 0.4, 0.9, 24, 2e-7, 5, 256, true, "");
        BenchResult invalid = new BenchResult(Algorithm.ONLINE, Impl.SCALAR, 1024, 1, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0.5, 0, 0, false, "failed the fp64 check: not timed");
        MachineInfo m = new MachineInfo(2, 256, new BandwidthProbe.Result(1 << 20, 30, 35, 36));
        KernelsState s = KernelsState.defaults().withResults(List.of(r, invalid), m);
        String json = io.toJson(new Scenario<>(KernelsState.TYPE, "t", "d", s));
        assertTrue(json.contains("\"two-pass\""), json);
        Scenario<?> back = io.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "mem");
        KernelsState k = (KernelsState) back.state();
        assertEquals(s.results(), k.results());
        assertEquals(m, k.machine());
        assertArrayEquals(s.stepLogits(), k.stepLogits());
        assertEquals(Double.NEGATIVE_INFINITY, k.stepLogits()[6]);
    }

    @Test
    void badStateNamesTheField() {
        String json = io.toJson(new Scenario<>(KernelsState.TYPE, "t", "d", KernelsState.defaults()))
                .replace("\"threads\" : 1", "\"threads\" : 0");
        InputException e = assertThrows(InputException.class,
                () -> io.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void shippedScenariosAreValid() throws Exception {
        Path dir = Path.of("..", "sample-data", "scenarios", "kernels");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertTrue(files.size() >= 3);
        for (Path f : files) assertEquals("kernels", io.read(f).lab(), f.toString());
    }
}
