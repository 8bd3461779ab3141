package lab.softmax.views.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.KernelsState;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view-model without a window: work and UI callbacks run synchronously on the test thread. */
class KernelsViewModelTest {
    private KernelsViewModel model;

    @BeforeEach
    void setUp() {
        model = new KernelsViewModel(new BackgroundTasks(Runnable::run, Runnable::run));
        model.setProbeSize(1 << 16);
        KernelsState d = KernelsState.defaults();
        model.load(new KernelsState(List.of(Algorithm.TWO_PASS, Algorithm.ONLINE), List.of(Impl.VECTOR), List.of(1024), 1,
                0.01, 3, d.stepLogits(), Algorithm.ONLINE, List.of(), null));
    }

    @Test
    void runFillsResultsCheckedAgainstFloat64AndTheMachine() {
        model.run();
        assertFalse(model.busyProperty().get());
        assertEquals("", model.errorProperty().get());
        List<BenchResult> results = model.results();
        assertEquals(2, results.size());
        for (BenchResult r : results) {
            assertTrue(r.valid());
            assertTrue(r.maxRelError() < 1e-5, r.toString());
            assertTrue(r.nsPerElement() > 0);
        }
        assertNotNull(model.machineProperty().get());
        // A saved run keeps its results.
        KernelsState saved = model.state();
        assertEquals(2, saved.results().size());
        model.load(KernelsState.defaults());
        assertTrue(model.results().isEmpty());
        model.load(saved);
        assertEquals(results, List.copyOf(model.results()));
    }

    @Test
    void choosingNoAlgorithmIsAnErrorNotACrash() {
        for (Algorithm a : Algorithm.values()) model.algorithmProperty(a).set(false);
        assertEquals(null, model.run());
        assertTrue(model.errorProperty().get().contains("algorithms"), model.errorProperty().get());
    }

    @Test
    void stepThroughFollowsTheAlgorithm() {
        int n = model.stepLogitsProperty().get().length;
        assertEquals(2 * n, model.traceProperty().get().size());
        model.stepIndexProperty().set(3 * n - 1);
        model.stepAlgorithmProperty().set(Algorithm.THREE_PASS_RELOAD);
        assertEquals(3 * n, model.traceProperty().get().size());
        model.stepAlgorithmProperty().set(Algorithm.TWO_PASS);
        assertEquals(2 * n - 1, model.stepIndexProperty().get(), "index clamped to the shorter trace");
    }
}
