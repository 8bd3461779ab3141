package lab.softmax.views.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.views.common.BackgroundTasks;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Distributions view in a headless window: pressing the fp16 button and moving the temperature
 * slider redraw the probability bars with the closed-form softmax at that temperature (to fp16's
 * rounding), the float64 dots exactly, the series names, the T label and the entropy read-out.
 */
@ExtendWith(ApplicationExtension.class)
class DistributionsViewTest {
    private static final double[] LOGITS = {0, 1, 2, Double.NEGATIVE_INFINITY};
    private DistributionsViewModel model;
    private DistributionsView view;

    @Start
    void start(Stage stage) {
        model = new DistributionsViewModel(new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater));
        view = new DistributionsView(model, List::of);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the chart shows the given series (the redraw is throttled and follows a background computation). */
    private XYDataset awaitSeries(String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            XYDataset d = fx(() -> view.probabilityChart().chart().getXYPlot().getDataset(0));
            if (fx(() -> d.getSeriesCount() == 1 && d.getSeriesKey(0).equals(name) && !model.busyProperty().get())) return d;
            assertTrue(System.nanoTime() < deadline, "the chart never showed " + name);
            Thread.sleep(50);
        }
    }

    @Test
    void precisionButtonAndTemperatureSliderRedrawTheClosedForm() throws Exception {
        fx(() -> {
            for (NormalizerKind k : NormalizerKind.values()) model.enabledProperty(k).set(k == NormalizerKind.SOFTMAX);
            model.setLogits(LOGITS, "test");
            ToggleButton fp16 = (ToggleButton) view.lookup("#precision").lookupAll(".toggle-button").stream()
                    .filter(n -> ((ToggleButton) n).getText().equals("fp16")).findFirst().orElseThrow();
            fp16.fire();
            view.temperatureSlider().setValue(Math.log10(0.5));
            return null;
        });
        assertEquals(0.5, fx(() -> model.temperatureProperty().get()), 0.0, "the slider sets T = 0.5");
        XYDataset bars = awaitSeries("softmax (fp16)");

        // p_i = e^(z_i / T) / sum_j e^(z_j / T) with z / T = {0, 2, 4}; the masked entry is exactly 0
        double sum = 1 + Math.exp(2) + Math.exp(4);
        double[] expected = {1 / sum, Math.exp(2) / sum, Math.exp(4) / sum, 0};
        XYDataset dots = fx(() -> view.probabilityChart().chart().getXYPlot().getDataset(1));
        assertEquals("softmax fp64", fx(() -> dots.getSeriesKey(0)));
        for (int i = 0; i < LOGITS.length; i++) {
            int item = i;
            assertEquals(i, fx(() -> bars.getXValue(0, item)), 0.0, "bar " + i + " at index " + i);
            // fp16: the scaled logits, the exps, the sum and the division each round to 2^-11 relative
            assertEquals(expected[i], fx(() -> bars.getYValue(0, item)), 8 * 0x1p-11 * expected[i], "fp16 bar " + i);
            assertEquals(expected[i], fx(() -> dots.getYValue(0, item)), 1e-15, "fp64 dot " + i);
        }
        assertEquals("index", fx(() -> view.probabilityChart().chart().getXYPlot().getDomainAxis().getLabel()));
        assertNotNull(label("T = 0.500  (logits divided by T)"), "the temperature label follows the slider");
        assertTrue(fx(() -> ((Label) view.lookupAll(".note").stream().filter(n -> n instanceof Label l && l.getText().startsWith("Every result"))
                .findFirst().orElseThrow()).getText().contains("rounded to fp16")), "the precision note names fp16");

        double entropy = 0;
        for (double p : expected) if (p > 0) entropy -= p * Math.log(p);
        TableView<?> table = fx(() -> (TableView<?>) view.lookupAll(".table-view").stream()
                .filter(n -> n instanceof DistributionsResultsTable).findFirst().orElseThrow());
        assertEquals("softmax", fx(() -> table.getColumns().get(0).getCellData(0)));
        double shown = Double.parseDouble((String) fx(() -> table.getColumns().get(1).getCellData(0)));
        assertEquals(entropy, shown, 2e-3, "H (nats) read-out");
    }

    private Node label(String text) throws Exception {
        return fx(() -> view.lookupAll(".label").stream().filter(n -> n instanceof Label l && text.equals(l.getText()))
                .findFirst().orElse(null));
    }
}
