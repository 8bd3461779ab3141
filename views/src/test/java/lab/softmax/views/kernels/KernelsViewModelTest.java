package lab.softmax.views.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchConfig;
import lab.softmax.engine.kernels.BenchInputs;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.KernelBench;
import lab.softmax.engine.kernels.Kernels;
import lab.softmax.engine.kernels.KernelsState;
import lab.softmax.engine.kernels.MachineInfo;
import lab.softmax.engine.kernels.VectorSupport;
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

    /** The largest |y - p| / p of the kernel on the benchmark's own input, p a plain float64 softmax. */
    static double independentError(Algorithm a, Impl impl, int n, long seed) {
        float[] x = BenchInputs.normalWithOutliers(n, seed);
        float[] y = new float[n];
        Kernels.create(a, impl).softmax(x, y);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) max = Math.max(max, v);
        double sum = 0;
        for (float v : x) sum += Math.exp(v - max);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double p = Math.exp(x[i] - max) / sum;
            worst = Math.max(worst, Math.abs(y[i] - p) / p);
        }
        return worst;
    }

    /**
     * A tiny fixed budget (0.01 s per kernel, 3 rounds at least, a 64K-float probe): the test reads what the
     * run reports and whether the accuracy it reports is right, never how fast anything ran.
     */
    @Test
    void runFillsResultsCheckedAgainstFloat64AndTheMachine() {
        model.run();
        assertFalse(model.busyProperty().get());
        assertEquals("", model.errorProperty().get());
        List<BenchResult> results = model.results();
        assertEquals(List.of(Algorithm.TWO_PASS, Algorithm.ONLINE), results.stream().map(BenchResult::algorithm).toList());
        for (BenchResult r : results) {
            assertEquals(Impl.VECTOR, r.impl());
            assertEquals(1024, r.n());
            assertEquals(1, r.threads());
            assertTrue(r.valid(), r.toString());
            assertEquals(VectorSupport.vectorBits(), r.vectorBits());
            assertEquals(independentError(r.algorithm(), r.impl(), 1024, 3), r.maxRelError(), 1e-12, r.toString());
            assertTrue(r.maxRelError() < KernelBench.VALID_ERROR, r.toString());
            assertTrue(r.rounds() >= BenchConfig.MIN_ROUNDS && r.rounds() <= BenchConfig.MAX_ROUNDS, r.toString());
            assertTrue(r.nsMin() <= r.nsPerElement() && r.nsPerElement() <= r.nsMax() && r.nsMin() > 0, r.toString());
            assertEquals(r.bytesPerElement() / r.nsPerElement(), r.gbps(), 1e-12 * r.gbps(), "GB/s = bytes / ns");
        }
        MachineInfo machine = model.machineProperty().get();
        assertNotNull(machine);
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.cores());
        assertEquals(1 << 16, machine.bandwidth().n());
        // A saved run keeps its results.
        KernelsState saved = model.state();
        assertEquals(2, saved.results().size());
        model.load(KernelsState.defaults());
        assertTrue(model.results().isEmpty());
        model.load(saved);
        assertEquals(results, List.copyOf(model.results()));
    }

    /** The bandwidth is measured by the first run and reused by later ones; a loaded file's machine is never reused. */
    @Test
    void laterRunsReuseTheBandwidthMeasuredHereButNotALoadedOne() {
        model.run();
        MachineInfo first = model.machineProperty().get();
        assertNotNull(first);
        model.run();
        assertSame(first, model.machineProperty().get(), "the second run reuses the first run's measurement");

        KernelsViewModel fresh = new KernelsViewModel(new BackgroundTasks(Runnable::run, testThreadUi()));
        fresh.setProbeSize(1 << 15);
        KernelsState saved = model.state();
        fresh.load(saved);
        assertSame(saved.machine(), fresh.machineProperty().get(), "a loaded file shows its own machine");
        fresh.run();
        MachineInfo measured = fresh.machineProperty().get();
        assertNotSame(saved.machine(), measured, "a run measures this machine, whatever a file said");
        assertEquals(1 << 15, measured.bandwidth().n());
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

    /**
     * The cause of the old bug was a fresh weakly-linked wrapper per results() call; the same wrapper every
     * time is what keeps a listener alive. The GC part waits until a collection has certainly run (a
     * weakly reachable canary allocated beside the listener has been cleared), not for a guessed time.
     */
    @Test
    void aListenerOnTheResultsSurvivesGarbageCollection() throws InterruptedException {
        assertSame(model.results(), model.results(), "one wrapper, not one per call");
        int[] changes = {0};
        model.results().addListener((javafx.collections.ListChangeListener<BenchResult>) c -> changes[0]++);
        ReferenceQueue<Object> cleared = new ReferenceQueue<>();
        WeakReference<Object> canary = new WeakReference<>(new Object(), cleared);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (cleared.remove(100) == null) {
            assertTrue(System.nanoTime() < deadline, "no garbage collection ran within 30 s");
            System.gc();
        }
        assertNull(canary.get());
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
