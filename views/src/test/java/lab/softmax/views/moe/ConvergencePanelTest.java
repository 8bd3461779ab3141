package lab.softmax.views.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import lab.softmax.engine.moe.FitCase;
import lab.softmax.engine.moe.FitRecord.Metric;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The slope table shows the experiment's slopes and counts, row by row, and keeps its labels while the cases stay. */
@ExtendWith(ApplicationExtension.class)
class ConvergencePanelTest {
    private ConvergenceViewModel model;
    private ConvergencePanel panel;

    @Start
    void start(Stage stage) {
        // the experiment runs on the FX thread here, so it is done when run() returns
        model = new MoeViewModel(new BackgroundTasks(Runnable::run, Runnable::run)).convergence();
        panel = new ConvergencePanel(model);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    /** The rows the table should show for these cases: name, slope, theory; then the count of fits below the truth. */
    private List<String> expectedValues(List<FitCase> cases) {
        List<String> values = new java.util.ArrayList<>();
        for (FitCase c : cases) {
            for (Metric m : ConvergencePanel.metrics(c)) values.add(ConvergenceCharts.slopeText(model.slope(c, m)));
            values.add(Integer.toString(model.fitsBelowTruth(c)));
        }
        return values;
    }

    /** The slope column of the table (every row's middle cell, below the header). */
    private List<String> shownValues() {
        List<String> cells = panel.slopeText();
        List<String> values = new java.util.ArrayList<>();
        for (int i = 4; i < cells.size(); i += 3) values.add(cells.get(i));
        return values;
    }

    @Test
    void theSlopeTableShowsEachCasesSlopesAndKeepsItsLabels() throws Exception {
        fx(() -> {
            model.casesProperty().set(List.of(FitCase.EXACT));
            model.sampleSizesProperty().set(new int[] {1000, 2000});
            model.repetitionsProperty().set(2);
            model.threadsProperty().set(1);
            model.run();
            panel.redraw();
            return null;
        });
        List<String> first = fx(this::shownValues);
        assertEquals(fx(() -> expectedValues(List.of(FitCase.EXACT))), first);
        assertEquals(3, first.size(), "D1, density, fits below the truth");
        // the same cases again: the same label objects, new texts
        Node before = fx(() -> panel.slopeTable().getChildren().get(4));
        fx(() -> {
            model.repetitionsProperty().set(3);
            model.run();
            panel.redraw();
            return null;
        });
        assertSame(before, fx(() -> panel.slopeTable().getChildren().get(4)));
        assertEquals(fx(() -> expectedValues(List.of(FitCase.EXACT))), fx(this::shownValues));
        // other cases: rows for them
        fx(() -> {
            model.casesProperty().set(List.of(FitCase.EXACT, FitCase.K_TOO_SMALL));
            model.run();
            panel.redraw();
            return null;
        });
        assertEquals(fx(() -> expectedValues(List.of(FitCase.EXACT, FitCase.K_TOO_SMALL))), fx(this::shownValues));
    }
}
