package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.distributions.DistributionsPage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle): it starts, every lab opens, the controls drive the charts, scenarios round-trip. */
@ExtendWith(ApplicationExtension.class)
class MainWindowGuiTest {
    @TempDir
    static Path config;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        System.setProperty("softmaxlab.config", config.toString());
        window = new MainWindow(BackgroundTasks.forFxApplication(), Labs.all(), new RecentFiles(config.resolve("recent.txt")));
        stage.setScene(SoftmaxLabApp.createScene(window, 1200, 760));
        stage.setTitle(SoftmaxLabApp.TITLE);
        stage.show();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Trainings a scenario started on load must not run on under the next tests. */
    @org.junit.jupiter.api.AfterEach
    void disposeWindow(FxRobot robot) {
        robot.interact(window::dispose);
    }

    /** Dialogs left open by a test would cover the next test's clicks. */
    @org.junit.jupiter.api.AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(javafx.stage.Window::hide));
    }

    /**
     * Selects the lab in the navigation list, as a click on its entry does. (Robot clicks on list
     * cells proved unreliable under Monocle when other headless tests ran first in the same JVM.)
     */
    private void openLab(FxRobot robot, String title) {
        robot.interact(() -> window.navigation().getItems().stream().filter(l -> l.title().equals(title))
                .findFirst().ifPresent(window::show));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyLabInTheListOpensItsPage(FxRobot robot) throws Exception {
        ListView<LabModule> nav = robot.lookup(".list-view").queryListView();
        assertEquals(Labs.all().size(), nav.getItems().size());
        for (LabModule lab : List.copyOf(nav.getItems())) {
            openLab(robot, lab.title());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(lab.id(), window.currentLab().id());
            assertTrue(window.getCenter() == window.currentPage().view(), "page of " + lab.id() + " is shown");
        }
    }

    @Test
    void movingTheTemperatureSliderChangesTheChartData(FxRobot robot) throws Exception {
        openLab(robot, "Distributions");
        DistributionsPage page = (DistributionsPage) window.currentPage();
        XYDataset data = robot.lookup(n -> n instanceof ChartViewer).<ChartViewer>query().getChart().getXYPlot().getDataset();
        waitFor(() -> !page.busyProperty().get() && data.getSeriesCount() > 0 && data.getItemCount(0) > 0);
        double before = data.getYValue(0, 0);
        Slider slider = robot.lookup(".slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(1.5));
        // Repaints are throttled to ~30 Hz: wait for the chart, not just for the computation.
        waitFor(() -> !page.busyProperty().get() && page.model().temperatureProperty().get() > 30
                && data.getYValue(0, 0) != before);
        XYDataset after = robot.lookup(n -> n instanceof ChartViewer).<ChartViewer>query().getChart().getXYPlot().getDataset();
        assertTrue(after.getYValue(0, 0) < before, "a hotter softmax is flatter");
    }

    @Test
    void openSaveOpenRoundTripsAScenario(FxRobot robot, @TempDir Path dir) throws Exception {
        Path sample = SampleData.directory().resolve("scenarios/distributions/fp16-absorption.json");
        Path saved = dir.resolve("copy.json");
        robot.interact(() -> assertTrue(window.scenarios().open(sample)));
        AtomicReference<RunningTask<Path>> saving = new AtomicReference<>();
        robot.interact(() -> saving.set(window.scenarios().save(saved)));   // writes off the FX thread
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !saving.get().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();   // the success callback runs just after 'running' drops
        Scenario<?> original = ScenarioTypes.io().read(sample);
        Scenario<?> copy = ScenarioTypes.io().read(saved);
        DistributionsState a = assertInstanceOf(DistributionsState.class, original.state());
        DistributionsState b = assertInstanceOf(DistributionsState.class, copy.state());
        assertEquals(original.title(), copy.title());
        assertEquals(List.of(a.temperature(), a.precision(), a.normalizers(), a.subtractMax(), a.topK(), a.logScale()),
                List.of(b.temperature(), b.precision(), b.normalizers(), b.subtractMax(), b.topK(), b.logScale()));
        assertEquals(java.util.Arrays.toString(a.logits()), java.util.Arrays.toString(b.logits()));
        assertTrue(window.scenarios().recent().list().contains(saved.toAbsolutePath().normalize()));
    }

    @Test
    void saveWritesEachLabToItsOwnFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path distributions = dir.resolve("d.json");
        Path ghosts = dir.resolve("g.json");
        Files.copy(SampleData.directory().resolve("scenarios/distributions/fp16-absorption.json"), distributions);
        Files.copy(SampleData.directory().resolve("scenarios/ghosts/plane-five-classes.json"), ghosts);
        String ghostsText = Files.readString(ghosts);
        robot.interact(() -> assertTrue(window.scenarios().open(distributions)));
        robot.interact(() -> assertTrue(window.scenarios().open(ghosts)));
        LabModule distributionsLab = window.labs().stream().filter(l -> l.opens("distributions")).findFirst().orElseThrow();
        robot.interact(() -> window.show(distributionsLab));
        AtomicReference<RunningTask<Path>> saving = new AtomicReference<>();
        robot.interact(() -> saving.set(window.scenarios().save()));   // Ctrl+S in the Distributions lab
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !saving.get().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("distributions", ScenarioTypes.io().read(distributions).lab(), "written to the lab's own file");
        assertEquals(ghostsText, Files.readString(ghosts), "the file opened last, in another lab, is untouched");
    }

    @Test
    void everyShippedScenarioOpensInItsLab(FxRobot robot) throws Exception {
        List<Path> files = SampleData.scenarioFiles();
        assertTrue(files.size() >= 10, "sample scenarios found: " + files.size());
        for (Path file : files) {
            String lab = ScenarioTypes.io().read(file).lab();
            robot.interact(() -> assertTrue(window.scenarios().open(file), "opens: " + file));
            assertTrue(window.currentLab().opens(lab), file + " is shown in " + window.currentLab().id());
            closeDialogs(robot);
        }
    }

    @Test
    void aMalformedScenarioOpensNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"lab\":\"distributions\",\"version\":1,\"state\":{\"logits\":[1,2],\"temperature\":-3,"
                + "\"precision\":\"fp32\",\"normalizers\":[\"softmax\"],\"subtractMax\":true,\"topK\":2,\"logScale\":false}}");
        openLab(robot, "Distributions");
        DistributionsPage page = (DistributionsPage) window.currentPage();
        double[] before = page.model().logitsProperty().get();
        robot.interact(() -> assertFalse(window.scenarios().open(bad)));
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(page.model().logitsProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.DialogPane dp
                && dp.getContentText().contains("state.temperature")).tryQuery().isPresent(), "dialog names the field");
    }
}
