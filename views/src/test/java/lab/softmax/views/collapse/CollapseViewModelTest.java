package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lab.softmax.engine.collapse.CollapseRun;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.collapse.SampleAnatomy;
import lab.softmax.engine.collapse.DatasetKind;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The view-model without a window. Its "UI thread" is a single-thread executor: every model call
 * and every delivered result or throttled batch runs there, in order, as on the FX thread; the
 * test thread only waits for it ({@link #onUi}) and then reads the state.
 */
class CollapseViewModelTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private CollapseViewModel model;

    @AfterEach
    void stopUi() { ui.shutdownNow(); }

    /** Runs {@code action} on the UI executor, then waits until everything it queued there has run. */
    private <T> T onUi(Callable<T> action) throws Exception {
        T result = ui.submit(action).get(1, TimeUnit.MINUTES);
        ui.submit(() -> { }).get(1, TimeUnit.MINUTES);
        return result;
    }

    private void onUi(Runnable action) throws Exception {
        onUi(() -> {
            action.run();
            return null;
        });
    }

    private static CollapseConfig small(int epochs) {
        return new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 11, 0.5, List.of(16), OptimizerKind.ADAMW, 0.01, 0.9, 0.99,
                1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, epochs, 5, 1, 3, 40, 2000);
    }

    @BeforeEach
    void setUp() throws Exception {
        // Work runs on whichever thread submits it (the UI executor here); results still go through ui.
        model = onUi(() -> new CollapseViewModel(new BackgroundTasks(Runnable::run, ui)));
    }

    @Test
    void runsAddedWithTheSameSettingsGetNumberedLabels() throws Exception {
        model.draftProperty().set(small(20));
        String label = small(20).defaultLabel();
        assertEquals(label, onUi(() -> model.addRun("")).label());
        assertEquals(label + " (2)", onUi(() -> model.addRun(null)).label());
        assertEquals(label + " (3)", onUi(() -> model.addRun(label)).label());
        assertEquals("mine", onUi(() -> model.addRun("mine")).label());
    }

    @Test
    void aStartedRunRecordsEveryLoggedEpochAndCanBeInspected() throws Exception {
        model.draftProperty().set(small(20));
        RunEntry r = onUi(() -> model.addRun(""));
        assertEquals(RunEntry.Status.READY, r.status());
        assertNull(model.anatomyProperty().get());
        onUi(() -> model.start(r));
        assertEquals(RunEntry.Status.DONE, r.status());
        assertEquals(List.of(0, 5, 10, 15, 20), r.metrics().stream().map(m -> m.epoch()).toList());
        assertFalse(model.busyProperty().get());
        model.inspectedSampleProperty().set(3);
        onUi(model::inspect);
        SampleAnatomy a = model.anatomyProperty().get();
        assertNotNull(a);
        assertEquals(3, a.sample());
        assertEquals(1.0, a.expTerms()[a.predicted()], 0);
    }

    @Test
    void anInspectionFeedsTheComparisonAndTheOrthoGradPanels() throws Exception {
        assertEquals(ComparisonViewModel.EXAMPLE, model.comparison().sourceProperty().get(), "never empty: the example");
        assertNull(model.projection().shownProperty().get());
        model.draftProperty().set(small(20));
        RunEntry r = onUi(() -> model.addRun("tiny"));
        onUi(() -> model.start(r));
        model.inspectedSampleProperty().set(2);
        onUi(model::inspect);
        SampleAnatomy a = model.anatomyProperty().get();
        var c = model.comparison().resultProperty().get();
        assertEquals(java.util.Arrays.toString(a.logits()), java.util.Arrays.toString(c.logits()));
        assertEquals(a.target(), c.target());
        assertEquals(Precision.FP32, c.precision());
        // the raw gradient of the run at epoch 20, per weight matrix, straight from the live parameters
        var tensors = model.projection().tensorsProperty().get();
        var params = r.live().parameters();
        assertEquals(2, tensors.size(), "hidden [16]: two weight matrices, no biases");
        for (int t = 0; t < params.size(); t++) {
            double[] w = params.get(t).value();
            double[] g = params.get(t).grad();
            double dot = 0;
            double gg = 0;
            for (int i = 0; i < w.length; i++) {
                dot += w[i] * g[i];
                gg += g[i] * g[i];
            }
            assertEquals(dot, tensors.get(t).dot(), 1e-12 * Math.abs(dot) + 1e-300);
            assertEquals(Math.sqrt(gg), tensors.get(t).gradNorm(), 1e-12 * Math.sqrt(gg));
            assertTrue(gg > 0);
        }
        assertTrue(model.projection().descriptionProperty().get().contains("epoch 20"));
        assertFalse(model.busyProperty().get());

        onUi(() -> model.inspectedSampleProperty().set(4));
        assertEquals(4, model.anatomyProperty().get().sample(), "a new sample number re-inspects");
        assertEquals(java.util.Arrays.toString(model.anatomyProperty().get().logits()),
                java.util.Arrays.toString(model.comparison().resultProperty().get().logits()));

        onUi(() -> model.start(r));   // train again: what was inspected no longer holds
        assertEquals(ComparisonViewModel.EXAMPLE, model.comparison().sourceProperty().get());
        assertTrue(model.projection().tensorsProperty().get().isEmpty());
    }

    @Test
    void trainingCannotStartWhileAnInspectionUsesTheModel() throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<Runnable> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean defer = new java.util.concurrent.atomic.AtomicBoolean();
        CollapseViewModel m = onUi(() -> new CollapseViewModel(new BackgroundTasks(
                job -> { if (defer.get()) deferred.add(job); else job.run(); }, ui)));
        m.draftProperty().set(small(10));
        RunEntry r = onUi(() -> m.addRun(""));
        onUi(() -> m.start(r));
        assertEquals(RunEntry.Status.DONE, r.status());
        defer.set(true);
        onUi(m::inspect);
        assertTrue(r.inspecting());
        assertFalse(r.inspectable(), "a second inspection must wait too");
        assertFalse(r.startable());
        onUi(() -> m.start(r));
        assertEquals(RunEntry.Status.DONE, r.status(), "start must be refused while inspecting");
        assertEquals(1, deferred.size(), "only the inspection was submitted");
        deferred.poll().run();
        onUi(() -> { });
        assertFalse(r.inspecting());
        assertNotNull(m.anatomyProperty().get());
        assertTrue(r.startable());
        onUi(() -> m.start(r));
        assertEquals(RunEntry.Status.RUNNING, r.status());
        assertFalse(r.inspectable(), "no inspection while training");
        deferred.poll().run();
        onUi(() -> { });
        assertEquals(RunEntry.Status.DONE, r.status());
    }

    /** A model whose worker jobs can be held back (defer) and run later, one by one, from the test. */
    private record Deferring(CollapseViewModel model, java.util.concurrent.ConcurrentLinkedQueue<Runnable> jobs,
                             java.util.concurrent.atomic.AtomicBoolean defer) {
        void runNext() { jobs.poll().run(); }
    }

    private Deferring deferring() throws Exception {
        var jobs = new java.util.concurrent.ConcurrentLinkedQueue<Runnable>();
        var defer = new java.util.concurrent.atomic.AtomicBoolean();
        CollapseViewModel m = onUi(() -> new CollapseViewModel(new BackgroundTasks(
                job -> { if (defer.get()) jobs.add(job); else job.run(); }, ui)));
        return new Deferring(m, jobs, defer);
    }

    /** Trains a small run to the end (jobs run at once), then holds every later job until runNext. */
    private RunEntry trainedThenDeferring(Deferring d) throws Exception {
        CollapseViewModel m = d.model();
        m.draftProperty().set(small(10));
        RunEntry r = onUi(() -> m.addRun(""));
        onUi(() -> m.start(r));
        d.defer().set(true);
        return r;
    }

    @Test
    void anInspectionStartedWhenTrainingEndsCanStillBeCancelled() throws Exception {
        // as CollapsePage.trainForSnapshot does: a DONE listener inspects, before the training's own bookkeeping ends
        Deferring d = deferring();
        CollapseViewModel m = d.model();
        m.draftProperty().set(small(10));
        RunEntry r = onUi(() -> m.addRun(""));
        r.statusProperty().addListener((o, a, status) -> {
            if (status == RunEntry.Status.DONE) {
                d.defer().set(true);
                m.inspect();
            }
        });
        onUi(() -> m.start(r));
        assertTrue(r.inspecting());
        assertNotNull(r.task(), "the inspection's task must survive the end of training");
        onUi(() -> m.pause(r));
        d.runNext();
        onUi(() -> { });
        assertFalse(r.inspecting());
        assertNull(m.anatomyProperty().get(), "the cancelled inspection delivered nothing");
        assertFalse(m.busyProperty().get());
    }

    @Test
    void aSampleChangedDuringAnInspectionIsTheOneShown() throws Exception {
        Deferring d = deferring();
        CollapseViewModel m = d.model();
        RunEntry r = trainedThenDeferring(d);
        onUi(() -> m.inspectedSampleProperty().set(2));
        onUi(m::inspect);
        // the first inspection is still running (nothing shown yet) when the number changes
        onUi(() -> m.inspectedSampleProperty().set(4));
        assertEquals(1, d.jobs().size(), "one inspection at a time");
        d.runNext();
        onUi(() -> { });
        assertNull(m.anatomyProperty().get(), "the result for sample 2 is not shown under the number 4");
        assertTrue(r.inspecting(), "sample 4 is being inspected");
        d.runNext();
        onUi(() -> { });
        assertEquals(4, m.anatomyProperty().get().sample());
        assertTrue(m.comparison().sourceProperty().get().description().contains("sample 4"));
        assertFalse(m.busyProperty().get());
    }

    @Test
    void anInspectionOfARunLoadedAwayIsDropped() throws Exception {
        Deferring d = deferring();
        CollapseViewModel m = d.model();
        RunEntry r = trainedThenDeferring(d);
        onUi(m::inspect);
        onUi(() -> m.load(lab.softmax.engine.collapse.CollapseState.defaults()));
        onUi(() -> m.inspectedSampleProperty().set(m.inspectedSampleProperty().get() + 1));
        d.runNext();
        onUi(() -> { });
        assertNull(m.anatomyProperty().get(), "a run no longer in the lab shows nothing");
        assertEquals(ComparisonViewModel.EXAMPLE, m.comparison().sourceProperty().get());
        assertTrue(d.jobs().isEmpty(), "and nothing is re-inspected for it");
        assertFalse(m.busyProperty().get());
    }

    @Test
    void stateRoundTripKeepsRunsAndTheirMetrics() throws Exception {
        model.draftProperty().set(small(10));
        RunEntry r = onUi(() -> model.addRun("mine"));
        onUi(() -> model.start(r));
        CollapseState s = onUi(model::state);
        CollapseViewModel other = onUi(() -> new CollapseViewModel(new BackgroundTasks(Runnable::run, ui)));
        onUi(() -> other.load(s));
        RunEntry loaded = other.runs().getLast();
        assertEquals("mine", loaded.label());
        assertEquals(RunEntry.Status.RECORDED, loaded.status());
        assertEquals(r.metrics(), loaded.metrics());
        assertFalse(loaded.inspectable(), "a recorded run has no live model to inspect");
    }

    @Test
    void sc50EpochComesFromTheMetrics() throws Exception {
        var m0 = new lab.softmax.engine.collapse.EpochMetrics(0, 1, 0, 1, 0, 0.1, 0.1, 1, 1, 1, 0, 0);
        var m1 = new lab.softmax.engine.collapse.EpochMetrics(100, 1, 1, 1, 0, 0.7, 0.7, 20, 18, 5, 0.9, 1);
        onUi(() -> model.load(new CollapseState(List.of(new CollapseRun("r", small(100), List.of(m0, m1))), 0, 0, true)));
        assertEquals(100, model.runs().getFirst().sc50Epoch());
        assertTrue(model.revisionProperty().get() > 0);
    }
}
