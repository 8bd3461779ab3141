package lab.softmax.views.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.MachineInfo;
import lab.softmax.views.common.BackgroundTasks;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Kernels view in a headless window: the step-through buttons show the algorithm's passes and the
 * closed-form softmax in the output cells; a tiny benchmark started with the Run button (one kernel,
 * N = 1K, the smallest budget, a 64K-float probe) fills the throughput chart, the roofline and the
 * table with what it measured, and the accuracy it reports is the kernel's. Nothing about speed.
 */
@ExtendWith(ApplicationExtension.class)
class KernelsViewTest {
    private KernelsViewModel model;
    private KernelsView view;

    @Start
    void start(Stage stage) {
        model = new KernelsViewModel(new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater));
        model.setProbeSize(1 << 16);
        view = new KernelsView(model);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static Stream<Node> descendants(Node node) {
        if (!(node instanceof Parent p)) return Stream.of(node);
        return Stream.concat(Stream.of(node), p.getChildrenUnmodifiable().stream().flatMap(KernelsViewTest::descendants));
    }

    private <T extends Node> T find(Class<T> type, java.util.function.Predicate<T> which) throws Exception {
        return fx(() -> descendants(view).filter(type::isInstance).map(type::cast).filter(which).findFirst().orElseThrow());
    }

    /** The text of the step-through's output cell k (row y of its grid). */
    private String outputCell(int k) throws Exception {
        GridPane cells = find(GridPane.class, g -> g.getChildren().stream().anyMatch(c -> c instanceof Label l && "y".equals(l.getText())));
        return fx(() -> cells.getChildren().stream().filter(c -> Integer.valueOf(1).equals(GridPane.getRowIndex(c))
                && Integer.valueOf(k + 1).equals(GridPane.getColumnIndex(c))).map(c -> ((Label) c).getText()).findFirst().orElseThrow());
    }

    private String passLabel() throws Exception {
        return find(Label.class, l -> l.getText() != null && l.getText().startsWith("Pass ")).getText();
    }

    @Test
    void theStepButtonsWalkThePassesToTheClosedFormSoftmax() throws Exception {
        fx(() -> {
            model.stepLogitsProperty().set(new double[] {1, 2, 3});
            return null;
        });
        ComboBox<?> algorithm = find(ComboBox.class, c -> true);
        fx(() -> {
            algorithm.getSelectionModel().select(Algorithm.THREE_PASS_RELOAD.ordinal());   // its items are Algorithm.values()
            return null;
        });
        Button next = find(Button.class, b -> "Step ▶".equals(b.getText()));
        Button previous = find(Button.class, b -> "◀ Step".equals(b.getText()));
        for (int i = 0; i < 12; i++) fx(() -> { next.fire(); return null; });   // past the end: stays on the last step
        String last = passLabel();
        assertTrue(last.startsWith("Pass 3 of 3") && last.endsWith("(step 9 of 9)"), last);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        for (int k = 0; k < 3; k++) {
            assertEquals(String.format(Locale.ROOT, "%.4f", Math.exp(k + 1) / sum), outputCell(k), "y[" + k + "] after the last pass");
        }
        fx(() -> { previous.fire(); return null; });
        assertTrue(passLabel().endsWith("(step 8 of 9)"), passLabel());
        // the reload pass has rescaled y[0] and y[1]; y[2] still holds pass 2's exp(x_2 - max) = e^0
        assertEquals("1.0000", outputCell(2));
        assertEquals(String.format(Locale.ROOT, "%.4f", Math.exp(2) / sum), outputCell(1));
    }

    @Test
    void aTinyBenchmarkStartedWithTheRunButtonFillsChartRooflineAndTable() throws Exception {
        for (Algorithm a : Algorithm.values()) {
            CheckBox box = find(CheckBox.class, b -> ("algorithm-" + a.id()).equals(b.getId()));
            fx(() -> { box.setSelected(a == Algorithm.ONLINE); return null; });
        }
        for (Impl i : Impl.values()) {
            CheckBox box = find(CheckBox.class, b -> ("impl-" + i.id()).equals(b.getId()));
            fx(() -> { box.setSelected(i == Impl.SCALAR); return null; });
        }
        TextField sizes = find(TextField.class, t -> "sizes".equals(t.getId()));
        Button run = find(Button.class, b -> "run".equals(b.getId()));
        fx(() -> {
            sizes.setText("1K");
            model.secondsProperty().set(0.05);
            run.fire();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Thread.sleep(100);
        while (fx(() -> model.busyProperty().get())) {
            assertTrue(System.nanoTime() < deadline, "the benchmark did not finish");
            Thread.sleep(100);
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<BenchResult> results = fx(() -> List.copyOf(model.results()));
        assertEquals(1, results.size(), results.toString());
        BenchResult r = results.getFirst();
        assertEquals(Algorithm.ONLINE, r.algorithm());
        assertEquals(Impl.SCALAR, r.impl());
        assertEquals(1024, r.n());
        assertEquals(KernelsViewModelTest.independentError(Algorithm.ONLINE, Impl.SCALAR, 1024, 42), r.maxRelError(), 1e-12);

        XYDataset data = fx(() -> view.throughputChart().chart().getXYPlot().getDataset());
        assertEquals(1, fx(data::getSeriesCount));
        assertEquals("online scalar", fx(() -> data.getSeriesKey(0)));
        assertEquals(1, fx(() -> data.getItemCount(0)));
        assertEquals(1024, fx(() -> data.getXValue(0, 0)), 0.0);
        assertEquals(r.bytesPerElement() / r.nsPerElement(), fx(() -> data.getYValue(0, 0)), 1e-12 * r.gbps(), "GB/s drawn = bytes / ns");

        MachineInfo m = fx(() -> model.machineProperty().get());
        List<String> roofs = fx(() -> view.throughputChart().chart().getXYPlot().getRangeMarkers(Layer.FOREGROUND).stream()
                .map(marker -> ((ValueMarker) marker).getLabel()).toList());
        assertEquals(List.of(String.format(Locale.ROOT, "read %.1f GB/s", m.bandwidth().readGbps()),
                String.format(Locale.ROOT, "triad %.1f GB/s", m.bandwidth().triadGbps())), roofs);

        TableView<?> table = find(TableView.class, t -> true);
        long rowsBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx(() -> table.getItems().size()) < 1 && System.nanoTime() < rowsBy) Thread.sleep(10);   // a frame later
        assertEquals(1, fx(() -> table.getItems().size()));
        assertEquals("online", fx(() -> table.getColumns().get(0).getCellData(0)));
        assertEquals("1K", fx(() -> table.getColumns().get(2).getCellData(0)));
        assertEquals(String.format(Locale.ROOT, "%.2e", r.maxRelError()), fx(() -> table.getColumns().get(7).getCellData(0)));
        assertTrue(find(Label.class, l -> "1 results".equals(l.getText())) != null);
    }
}
