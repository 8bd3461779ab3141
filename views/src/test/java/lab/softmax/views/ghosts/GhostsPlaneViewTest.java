package lab.softmax.views.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.views.common.BackgroundTasks;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Ghosts plane view in a headless window. Binary case z = {2, 0}, a = {0, 1}, true class 0; the
 * temperature slider set to T = 0.5 divides both by T, so F(t) = e^4 + e^(2t) has its zeros at
 * t = 2 + i π (2m + 1)/2: ρ_a = π/2, ρ* = |2 + iπ/2|, and the loss is L(t) = ln(1 + e^(2t - 4)). The
 * test checks the drawn zeros, the loss curve and its degree-1 Taylor line, and the read-out labels.
 */
@ExtendWith(ApplicationExtension.class)
class GhostsPlaneViewTest {
    private GhostsPlaneViewModel model;
    private GhostsPlaneView view;

    @Start
    void start(Stage stage) {
        model = new GhostsPlaneViewModel(new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater));
        view = new GhostsPlaneView(model);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.6g", v); }

    /** The value label beside a read-out's name (same row of the read-out grid), or null. */
    private String readout(String name) throws Exception {
        return fx(() -> {
            GridPane grid = (GridPane) descendants(view).filter(n -> n instanceof GridPane g
                    && g.getChildren().stream().anyMatch(c -> c instanceof Label l && name.equals(l.getText()))).findFirst().orElse(null);
            if (grid == null) return null;
            Integer row = grid.getChildren().stream().filter(c -> c instanceof Label l && name.equals(l.getText()))
                    .map(GridPane::getRowIndex).findFirst().orElseThrow();
            return grid.getChildren().stream().filter(c -> row.equals(GridPane.getRowIndex(c)) && c instanceof Label l
                    && !name.equals(l.getText())).map(c -> ((Label) c).getText()).findFirst().orElse(null);
        });
    }

    private static java.util.stream.Stream<Node> descendants(Node node) {
        if (!(node instanceof Parent p)) return java.util.stream.Stream.of(node);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(node),
                p.getChildrenUnmodifiable().stream().flatMap(GhostsPlaneViewTest::descendants));
    }

    @Test
    void theTemperatureSliderRedrawsZerosLossAndRadii() throws Exception {
        fx(() -> {
            model.load(new GhostsPlaneState(new double[] {2, 0}, new double[] {0, 1}, 1.0, 0, 8, false));
            Slider slider = (Slider) view.lookup("#temperature");
            slider.setValue(Math.log10(0.5));
            return null;
        });
        double rhoA = Math.PI / 2;
        double rhoStar = Math.hypot(2, Math.PI / 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!fmt(rhoA).equals(readout("ρ_a = π/Δa")) || fx(() -> model.busyProperty().get())) {
            assertTrue(System.nanoTime() < deadline, "the read-outs never showed ρ_a = π/2: " + readout("ρ_a = π/Δa"));
            Thread.sleep(50);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, fx(() -> model.temperatureProperty().get()), 0.0);
        assertTrue(fx(() -> view.lookupAll(".label").stream().anyMatch(n -> n instanceof Label l && "T = 0.500".equals(l.getText()))));
        assertEquals(fmt(2.0), readout("Δa = max a − min a"));
        assertEquals(fmt(rhoStar), readout("ρ* = |nearest zero|"));
        assertEquals(fmt(rhoStar / rhoA), readout("ρ*/ρ_a"));
        assertEquals(String.format(Locale.ROOT, "%.5g ± %.5gi", 2.0, Math.PI / 2), readout("nearest zero"));

        // every drawn zero is 2 ± i π (2m + 1)/2, and the nearest pair is drawn (each chart a frame or two later)
        XYDataset zeros = fx(() -> view.planeChart().chart().getXYPlot().getDataset());
        while (fx(() -> zeros.getItemCount(0) < 2 || view.taylorChart().chart().getXYPlot().getDataset().getSeriesCount() < 2)) {
            assertTrue(System.nanoTime() < deadline, "the charts were never drawn");
            Thread.sleep(20);
        }
        assertEquals("zeros of F", fx(() -> zeros.getSeriesKey(0)));
        int count = fx(() -> zeros.getItemCount(0));
        assertTrue(count >= 2, "at least the nearest pair of zeros is drawn");
        boolean nearestDrawn = false;
        for (int i = 0; i < count; i++) {
            int item = i;
            double re = fx(() -> zeros.getXValue(0, item));
            double im = fx(() -> zeros.getYValue(0, item));
            assertEquals(2.0, re, 1e-9, "Re of zero " + i);
            double m = (Math.abs(im) / (Math.PI / 2) - 1) / 2;
            assertEquals(Math.rint(m), m, 1e-9, "Im of zero " + i + " = " + im + " is not an odd multiple of π/2");
            nearestDrawn |= Math.abs(Math.abs(im) - Math.PI / 2) < 1e-9;
        }
        assertTrue(nearestDrawn, "the nearest zero 2 ± iπ/2 is drawn");

        // the loss curve and the degree-1 Taylor line: L(0) + L'(0) t with L(0) = ln(1 + e^-4), L'(0) = 2/(1 + e^4)
        XYDataset taylor = fx(() -> view.taylorChart().chart().getXYPlot().getDataset());
        assertEquals("loss L(t)", fx(() -> taylor.getSeriesKey(0)));
        assertEquals("degree 1", fx(() -> taylor.getSeriesKey(1)));
        int points = fx(() -> taylor.getItemCount(0));
        assertTrue(points > 100, "a curve, not a few points: " + points);
        for (int i = 0; i < points; i += 40) {
            int item = i;
            double t = fx(() -> taylor.getXValue(0, item));
            assertEquals(Math.log1p(Math.exp(2 * t - 4)), fx(() -> taylor.getYValue(0, item)), 1e-12, "L(" + t + ")");
            assertEquals(Math.log1p(Math.exp(-4)) + 2 / (1 + Math.exp(4)) * t, fx(() -> taylor.getYValue(1, item)), 1e-12,
                    "degree-1 Taylor at " + t);
        }
        double reach = fx(() -> taylor.getXValue(0, points - 1));
        assertEquals(2.2 * rhoStar, reach, 1e-12, "the curve runs to 2.2 ρ*");
    }
}
