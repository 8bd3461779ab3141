package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioIO;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery files without a window: a session killed with SIGKILL leaves its labs' states for the next start,
 * a session still running is not offered, a clean exit leaves nothing, and the autosave writes a state
 * when it changed (timer) and when a page's run finishes.
 */
class RecoveryTest {
    private static final ScenarioIO IO = ScenarioTypes.io();

    @TempDir Path root;

    static Scenario<DistributionsState> scenario(double... logits) {
        DistributionsState s = DistributionsState.defaults().withLogits(logits);
        return new Scenario<>(DistributionsState.TYPE, "kept", "", s);
    }

    /** The child: starts a session under args[0], keeps one Distributions state, says so, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        RecoveryStore store = RecoveryStore.start(Path.of(args[0]), IO);
        store.save("distributions", scenario(4, 2, -1));
        System.out.println("kept " + store.folder());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    @Test
    void aSessionKilledWithSigkillIsOfferedAtTheNextStartAndARunningOneIsNot() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RecoveryTest.class.getName(),
                root.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("kept "), "child: " + line);
            assertEquals(List.of(), RecoveryStore.orphans(root), "a session that still runs (another window) is not offered");
        } finally {
            child.destroyForcibly();   // kill -9
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        List<RecoveryStore.Recovered> found = RecoveryStore.orphans(root);
        assertEquals(1, found.size(), found.toString());
        assertEquals("distributions", found.getFirst().lab());
        assertEquals(IO.toJson(scenario(4, 2, -1)), IO.toJson(IO.read(found.getFirst().file())));
        RecoveryStore.discardOrphans(root);
        assertEquals(List.of(), RecoveryStore.orphans(root));
        assertEquals(0, sessions(), "the crashed session's folder is gone");
    }

    @Test
    void aCleanExitLeavesNothingToRecover() throws IOException {
        RecoveryStore store = RecoveryStore.start(root, IO);
        store.save("distributions", scenario(1, 2));
        assertEquals(1, sessions());
        store.close();
        assertEquals(0, sessions());
        assertEquals(List.of(), RecoveryStore.orphans(root));
    }

    @Test
    void theAutosaveKeepsChangedStatesOnTheTimerAndWhenARunFinishes() throws Exception {
        RecoveryStore store = RecoveryStore.start(root, IO);
        Autosave autosave = new Autosave(store, Runnable::run, null);
        FakePage page = new FakePage(scenario(1, 2, 3));
        Path file = store.folder().resolve("distributions.json");

        autosave.watch("distributions", page);   // a page is kept from its creation on
        autosave.flush();
        assertEquals(IO.toJson(scenario(1, 2, 3)), IO.toJson(IO.read(file)));

        Files.delete(file);
        page.current = scenario(1, 2, 3);   // a new record with equal content
        autosave.saveAll();
        autosave.flush();
        assertFalse(Files.exists(file), "an unchanged state is not written again");

        page.current = scenario(5, 6);
        autosave.saveAll();   // what the 30 s timer calls
        autosave.flush();
        assertEquals(IO.toJson(scenario(5, 6)), IO.toJson(IO.read(file)));

        page.busy.set(true);   // a training runs ...
        page.current = scenario(7, 8, 9);
        page.busy.set(false);  // ... and finishes
        autosave.flush();
        assertEquals(IO.toJson(scenario(7, 8, 9)), IO.toJson(IO.read(file)));

        autosave.close();
        assertEquals(0, sessions(), "a clean exit removes the recovery files");
        assertEquals(30, Autosave.INTERVAL_SECONDS);
    }

    @Test
    void statesWithEqualContentAreTheSame() {
        assertTrue(Autosave.sameState(scenario(1, 2).state(), scenario(1, 2).state()));
        assertFalse(Autosave.sameState(scenario(1, 2).state(), scenario(1, 2.5).state()));
        assertFalse(Autosave.sameState(scenario(1, 2).state(), scenario(1, 2).state().withTemperature(2)));
    }

    private long sessions() throws IOException {
        if (!Files.isDirectory(root)) return 0;
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).count();
        }
    }

    private static final class FakePage implements LabPage {
        final SimpleBooleanProperty busy = new SimpleBooleanProperty();
        Scenario<?> current;

        FakePage(Scenario<?> s) { current = s; }

        @Override public Region view() { return null; }
        @Override public Scenario<?> scenario() { return current; }
        @Override public void load(Scenario<?> scenario) { current = scenario; }
        @Override public List<JFreeChart> charts() { return List.of(); }
        @Override public CsvTable plottedData() { return null; }
        @Override public ReadOnlyBooleanProperty busyProperty() { return busy; }
    }
}
