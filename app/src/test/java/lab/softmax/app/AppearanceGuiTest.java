package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.ChartLook;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Exporter;
import lab.softmax.views.common.Figure;
import lab.softmax.views.common.LabModule;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Themes and presentation mode on the real window, headless (Monocle), and the settings file behind them. */
@ExtendWith(ApplicationExtension.class)
class AppearanceGuiTest {
    @TempDir
    static Path config;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Files.deleteIfExists(config.resolve("settings.properties"));
        System.setProperty("softmaxlab.config", config.toString());
        window = new MainWindow(BackgroundTasks.forFxApplication(), Labs.all(), new RecentFiles(config.resolve("recent.txt")));
        stage.setScene(SoftmaxLabApp.createScene(window, 1200, 760));
        stage.show();
    }

    @AfterEach
    void dispose(FxRobot robot) {
        robot.interact(() -> window.appearance().presentationProperty().set(false));
        robot.interact(() -> window.appearance().themeProperty().set(Appearance.Theme.LIGHT));
        robot.interact(window::dispose);
    }

    private JFreeChart openDistributionsChart(FxRobot robot) {
        LabModule lab = window.labs().stream().filter(l -> l.opens("distributions")).findFirst().orElseThrow();
        robot.interact(() -> window.show(lab));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(n -> n instanceof ChartViewer).<ChartViewer>query().getChart();
    }

    @Test
    void darkChangesTheSceneStylesheetsAndTheChartBackground(FxRobot robot) {
        JFreeChart chart = openDistributionsChart(robot);
        var scene = window.getScene();
        String agentBefore = scene.getUserAgentStylesheet();
        List<String> sheetsBefore = List.copyOf(scene.getStylesheets());
        var background = chart.getBackgroundPaint();
        var tickPaint = chart.getXYPlot().getDomainAxis().getTickLabelPaint();
        robot.interact(() -> window.appearance().themeProperty().set(Appearance.Theme.DARK));
        assertNotEquals(agentBefore, scene.getUserAgentStylesheet(), "AtlantaFX Primer Dark replaces Primer Light");
        assertTrue(scene.getUserAgentStylesheet().contains("primer-dark"), scene.getUserAgentStylesheet());
        assertNotEquals(sheetsBefore, scene.getStylesheets());
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
        assertNotEquals(background, chart.getBackgroundPaint(), "the chart follows the theme");
        assertEquals(Charts.look().background(), chart.getBackgroundPaint());
        assertEquals(Charts.look().background(), chart.getXYPlot().getBackgroundPaint());
        assertNotEquals(tickPaint, chart.getXYPlot().getDomainAxis().getTickLabelPaint(), "tick labels stay readable");
        assertEquals(Charts.look().text(), chart.getLegend().getItemPaint());
        robot.interact(() -> window.appearance().themeProperty().set(Appearance.Theme.LIGHT));
        assertEquals(background, chart.getBackgroundPaint(), "and back");
        assertEquals(sheetsBefore, scene.getStylesheets());
    }

    @Test
    void presentationModeEnlargesTheRootFontAndThickensChartLines(FxRobot robot) {
        // A chart made like every lab's (Distributions swaps its renderers, so a plain line chart is asked here)
        var series = new org.jfree.data.xy.XYSeries("s");
        series.add(0, 1);
        series.add(1, 2);
        JFreeChart chart = Charts.lineChart("t", "x", "y", new org.jfree.data.xy.XYSeriesCollection(series));
        Label label = robot.lookup(".nav-heading").queryAs(Label.class);
        double font = label.getFont().getSize();
        float line = ((BasicStroke) chart.getXYPlot().getRenderer().getSeriesStroke(0)).getLineWidth();
        float title = chart.getTitle().getFont().getSize2D();
        robot.interact(() -> window.appearance().presentationProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.appearance().presentationProperty().get(), "still on after the stage went full screen");
        assertTrue(label.getFont().getSize() >= 1.3 * font, font + " → " + label.getFont().getSize());
        assertTrue(((BasicStroke) chart.getXYPlot().getRenderer().getSeriesStroke(0)).getLineWidth() > line);
        assertTrue(chart.getTitle().getFont().getSize2D() > title);
        robot.interact(() -> window.appearance().presentationProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(font, label.getFont().getSize(), 1e-9);
        assertEquals(line, ((BasicStroke) chart.getXYPlot().getRenderer().getSeriesStroke(0)).getLineWidth(), 1e-6);
    }

    @Test
    void theThemeRoundTripsThroughTheSettingsFile(FxRobot robot) throws Exception {
        Path file = config.resolve("settings.properties");
        robot.interact(() -> window.appearance().themeProperty().set(Appearance.Theme.DARK));
        assertTrue(Files.readString(file).contains("theme=dark"), Files.readString(file));
        assertEquals(Appearance.Theme.DARK, new Appearance(new Settings(file)).themeProperty().get(), "read at start");
        try (var listing = Files.list(config)) {
            assertFalse(listing.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
        robot.interact(() -> window.appearance().themeProperty().set(Appearance.Theme.LIGHT));
        assertEquals(Appearance.Theme.LIGHT, new Appearance(new Settings(file)).themeProperty().get());
    }

    @Test
    void aCorruptSettingsFileGivesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.write(file, new byte[] {'t', 'h', 'e', 'm', 'e', '=', '\\', 'u', 'z', 'z', (byte) 0xFF, (byte) 0xFE, 0, '\n'});
        assertEquals(Appearance.Theme.LIGHT, new Appearance(new Settings(file)).themeProperty().get());
        Files.writeString(file, "theme=purple\n");
        assertEquals(Appearance.Theme.LIGHT, new Appearance(new Settings(file)).themeProperty().get());
        Files.createDirectories(dir.resolve("folder.properties"));
        assertEquals("light", new Settings(dir.resolve("folder.properties")).get("theme", "light"), "a folder, not a file");
        Settings fresh = new Settings(dir.resolve("missing/settings.properties"));
        fresh.put("theme", "dark");
        assertEquals("dark", new Settings(dir.resolve("missing/settings.properties")).get("theme", "light"));
    }

    @Test
    void aDarkSlideFigureIsDrawnAtItsSizeAndTheWindowKeepsItsLook(FxRobot robot) throws Exception {
        JFreeChart chart = openDistributionsChart(robot);
        var background = chart.getBackgroundPaint();
        Path out = config.resolve("figure.png");
        Figure figure = new Figure(Figure.Format.PNG, 0, 400, 300, 2, new ChartLook(true, true));
        robot.interact(() -> {
            try {
                Exporter.figure(window.currentPage().charts(), figure, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(out.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        assertEquals(0xFF000000, image.getRGB(2, 2), "presentation dark: a black background");
        assertEquals(background, chart.getBackgroundPaint(), "the window's chart is light again");
        assertEquals(ChartLook.LIGHT, Charts.look());
    }

    @Test
    void theFigureDialogOffersTheRememberedSizeAndScale(FxRobot robot) {
        JFreeChart chart = openDistributionsChart(robot);
        Settings settings = window.appearance().settings();
        settings.put(FigureDialog.SIZE_KEY, "800x450");
        settings.put(FigureDialog.SCALE_KEY, "3");
        Figure[] chosen = new Figure[1];
        robot.interact(() -> chosen[0] = new FigureDialog(settings, ChartLook.LIGHT, window.currentPage().charts()).figure());
        assertEquals(new Figure(Figure.Format.PNG, Figure.ALL_CHARTS, 800, 450, 3, ChartLook.LIGHT), chosen[0]);
        assertTrue(window.currentPage().charts().contains(chart));
    }

    @Test
    void presentationWidensTheSidePanelWithItsLargerText(FxRobot robot) {
        openDistributionsChart(robot);
        javafx.scene.control.ScrollPane side = robot.lookup(n -> n instanceof javafx.scene.control.ScrollPane s
                && s.getStyle().contains("-fx-pref-width")).query();
        double normal = side.prefWidth(-1);
        robot.interact(() -> window.appearance().presentationProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> side.applyCss());
        double presented = side.prefWidth(-1);
        assertEquals(1.4, presented / normal, 0.01, normal + " px -> " + presented + " px: widths follow the 1.4x font");
    }
}
