package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.collapse.DatasetKind;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Collapse page in a headless window: the StableMax and ⊥Grad tabs open and show numbers, before and after an inspection. */
@ExtendWith(ApplicationExtension.class)
class CollapseViewTest {
    private CollapsePage page;
    private CollapseView view;

    @Start
    void start(Stage stage) {
        page = new CollapsePage(new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater));
        view = (CollapseView) page.view();
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private void waitIdle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Thread.sleep(50);
        while (fx(() -> page.busyProperty().get())) {
            assertTrue(System.nanoTime() < deadline, "the page did not become idle");
            Thread.sleep(50);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theStableMaxAndOrthoGradTabsShowNumbers() throws Exception {
        // Before any run: the comparison shows the built-in example, the ⊥Grad tab says what to do.
        fx(() -> { page.showTab("stablemax"); return null; });
        assertEquals("stablemax", fx(view::inspectorTab));
        StableMaxPanel comparison = view.normaliserPanel();
        assertFalse(fx(() -> comparison.cell(true, 2).getText()).isBlank(), "softmax loss of the example");
        assertEquals("quantity", fx(() -> page.plottedData().header().getFirst()), "CSV export follows the tab");
        fx(() -> { page.showTab("orthograd"); return null; });
        ProjectionPanel projection = view.projectionPanel();
        assertTrue(fx(() -> projection.placeholderLabel().isVisible()));
        assertFalse(fx(() -> projection.numbersLabel().isVisible()));

        // A tiny run, trained and inspected.
        CollapseConfig tiny = new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 11, 0.5, List.of(16), OptimizerKind.ADAMW, 0.01,
                0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, 30, 10, 1, 3, 40, 2000);
        fx(() -> {
            page.model().draftProperty().set(tiny);
            page.model().start(page.model().addRun("tiny"));
            return null;
        });
        waitIdle();
        fx(() -> { page.model().inspect(); return null; });
        waitIdle();
        assertFalse(fx(() -> projection.placeholderLabel().isVisible()));
        String numbers = fx(() -> projection.numbersLabel().getText());
        assertTrue(numbers.contains("|w|") && numbers.contains("cos θ"), numbers);
        assertEquals("tensor", fx(() -> page.plottedData().header().getFirst()));
        assertEquals(2, fx(() -> page.plottedData().rows().size()));

        fx(() -> { page.showTab("stablemax"); return null; });
        String sum = fx(() -> comparison.cell(true, 0).getText());
        assertTrue(sum.equals("1 exactly") || Double.parseDouble(sum) >= 1, sum);
        assertTrue(fx(() -> comparison.cell(true, 1).getText()).matches("[0-9.eE+-]+"), "p(target) is a number");
        // Scale the logits by 1000: softmax collapses in fp32, StableMax keeps a gradient.
        fx(() -> { comparison.scaleSlider().setValue(3); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1000, fx(() -> page.model().comparison().resultProperty().get().scale()), 1e-9);
        assertEquals("1 exactly", fx(() -> comparison.cell(true, 0).getText()));
        assertNotEquals("0 exactly", fx(() -> comparison.cell(false, 3).getText()));
        Double.parseDouble(fx(() -> comparison.cell(false, 3).getText()));
        // A diverged run's sample: the panel names the bad logit and shows no stale numbers.
        double[] nan = {1, Double.NaN, 0};
        fx(() -> {
            page.model().comparison().showSample(new lab.softmax.engine.collapse.SampleAnatomy(0, 0, 0, nan, Precision.FP32,
                    new double[3], 1, 0, 1, new double[3], 0), "diverged", 5);
            return null;
        });
        assertTrue(fx(() -> comparison.verdictLabel().getText()).contains("logits[1]: NaN"));
        assertEquals("—", fx(() -> comparison.cell(true, 2).getText()));
        assertEquals("—", fx(() -> comparison.cell(false, 3).getText()));
        fx(() -> { page.model().comparison().showExample(); return null; });
        assertNotEquals("—", fx(() -> comparison.cell(true, 2).getText()));
        // ... and the ⊥Grad tab names the matrix instead of drawing NaN.
        lab.softmax.engine.nn.Parameter bad = new lab.softmax.engine.nn.Parameter("layer0.weight", 1, 2);
        bad.value()[0] = Double.NaN;
        fx(() -> {
            page.model().projection().show(lab.softmax.engine.nn.OrthoGradGeometry.of(List.of(bad)), "diverged", false);
            return null;
        });
        assertTrue(fx(() -> projection.problemLabel().isVisible()));
        assertTrue(fx(() -> projection.problemLabel().getText()).startsWith("layer0.weight: "));
        assertFalse(fx(() -> projection.numbersLabel().isVisible()));
        assertEquals("why", fx(() -> { page.showTab("why"); return view.inspectorTab(); }));
        assertEquals("run", fx(() -> page.plottedData().header().getFirst()));
    }
}
