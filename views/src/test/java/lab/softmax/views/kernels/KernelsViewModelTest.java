package lab.softmax.views.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
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

    /**
     * The test thread as the UI thread. UI work handed over from another thread (the results' throttled
     * updater flushes from its timer thread) is left undone: the run's end flushes everything pending on
     * the test thread. Running it inline there instead let a timer-thread flush take a batch and apply it
     * after the test had looked (a failure seen once in CI).
     */
    private static Executor testThreadUi() {
        Thread ui = Thread.currentThread();
        return work -> {
            if (Thread.currentThread() == ui) work.run();
        };
    }

    @BeforeEach
    void setUp() {
        model = new KernelsViewModel(new BackgroundTasks(Runnable::run, testThreadUi()));
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
    void loadingDuringABenchmarkCancelsItAndTheNextRunWaitsForItToStop() {
        Deque<Runnable> workers = new ArrayDeque<>();   // work starts only when the test says so
        KernelsViewModel m = new KernelsViewModel(new BackgroundTasks(workers::add, testThreadUi()));
        m.setProbeSize(1 << 16);
        KernelsState d = KernelsState.defaults();
        m.load(new KernelsState(List.of(Algorithm.ONLINE), List.of(Impl.VECTOR), List.of(1024), 1, 0.01, 3,
                d.stepLogits(), Algorithm.ONLINE, List.of(), null));
        m.run();
        assertTrue(m.busyProperty().get());
        m.load(new KernelsState(List.of(Algorithm.TWO_PASS), List.of(Impl.VECTOR), List.of(2048), 1, 0.01, 3,
                d.stepLogits(), Algorithm.TWO_PASS, List.of(), null));
        m.runWhenIdle();
        assertEquals(1, workers.size(), "the new run waits for the old one");
        workers.poll().run();   // the old run stops at its first check and hands over
        assertTrue(m.results().isEmpty(), "nothing of the cancelled run is shown");
        assertEquals(1, workers.size(), "the new run has started");
        workers.poll().run();
        assertEquals(List.of(Algorithm.TWO_PASS), m.results().stream().map(BenchResult::algorithm).toList());
        assertEquals(2048, m.results().get(0).n());
        assertFalse(m.busyProperty().get());
    }

    @Test
    void aListenerOnTheResultsSurvivesGarbageCollection() throws InterruptedException {
        int[] changes = {0};
        model.results().addListener((javafx.collections.ListChangeListener<BenchResult>) c -> changes[0]++);
        for (int i = 0; i < 5; i++) {   // a fresh weakly-linked wrapper per call would let GC cut the listener off
            System.gc();
            Thread.sleep(20);
        }
        model.run();
        assertTrue(changes[0] > 0, "the listener saw the results arrive");
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
