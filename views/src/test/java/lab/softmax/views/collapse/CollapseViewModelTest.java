package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.collapse.CollapseRun;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.GrokkingConfig;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.collapse.SampleAnatomy;
import lab.softmax.engine.collapse.Task;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view-model without a window: training and UI callbacks run synchronously on the test thread. */
class CollapseViewModelTest {
    private CollapseViewModel model;

    private static GrokkingConfig small(int epochs) {
        return new GrokkingConfig(Task.MODULAR, Operation.ADD, 11, 0.5, List.of(16), OptimizerKind.ADAMW, 0.01, 0.9, 0.99,
                1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, epochs, 5, 1, 3, 40, 2000);
    }

    @BeforeEach
    void setUp() {
        model = new CollapseViewModel(new BackgroundTasks(Runnable::run, Runnable::run));
    }

    @Test
    void aStartedRunRecordsEveryLoggedEpochAndCanBeInspected() {
        model.draftProperty().set(small(20));
        RunEntry r = model.addRun("");
        assertEquals(RunEntry.Status.READY, r.status());
        assertNull(model.anatomyProperty().get());
        model.start(r);
        assertEquals(RunEntry.Status.DONE, r.status());
        assertEquals(List.of(0, 5, 10, 15, 20), r.metrics().stream().map(m -> m.epoch()).toList());
        assertFalse(model.busyProperty().get());
        model.inspectedSampleProperty().set(3);
        model.inspect();
        SampleAnatomy a = model.anatomyProperty().get();
        assertNotNull(a);
        assertEquals(3, a.sample());
        assertEquals(1.0, a.expTerms()[a.predicted()], 0);
    }

    @Test
    void trainingCannotStartWhileAnInspectionUsesTheModel() {
        java.util.ArrayDeque<Runnable> deferred = new java.util.ArrayDeque<>();
        boolean[] defer = {false};
        CollapseViewModel m = new CollapseViewModel(new BackgroundTasks(
                job -> { if (defer[0]) deferred.add(job); else job.run(); }, Runnable::run));
        m.draftProperty().set(small(10));
        RunEntry r = m.addRun("");
        m.start(r);
        assertEquals(RunEntry.Status.DONE, r.status());
        defer[0] = true;
        m.inspect();
        assertTrue(r.inspecting());
        assertFalse(r.inspectable(), "a second inspection must wait too");
        assertFalse(r.startable());
        m.start(r);
        assertEquals(RunEntry.Status.DONE, r.status(), "start must be refused while inspecting");
        assertTrue(deferred.size() == 1, "only the inspection was submitted");
        deferred.poll().run();
        assertFalse(r.inspecting());
        assertNotNull(m.anatomyProperty().get());
        assertTrue(r.startable());
        m.start(r);
        assertEquals(RunEntry.Status.RUNNING, r.status());
        assertFalse(r.inspectable(), "no inspection while training");
        deferred.poll().run();
        assertEquals(RunEntry.Status.DONE, r.status());
    }

    @Test
    void stateRoundTripKeepsRunsAndTheirMetrics() {
        model.draftProperty().set(small(10));
        RunEntry r = model.addRun("mine");
        model.start(r);
        CollapseState s = model.state();
        CollapseViewModel other = new CollapseViewModel(new BackgroundTasks(Runnable::run, Runnable::run));
        other.load(s);
        RunEntry loaded = other.runs().getLast();
        assertEquals("mine", loaded.label());
        assertEquals(RunEntry.Status.RECORDED, loaded.status());
        assertEquals(r.metrics(), loaded.metrics());
        assertFalse(loaded.inspectable(), "a recorded run has no live model to inspect");
    }

    @Test
    void sc50EpochComesFromTheMetrics() {
        var m0 = new lab.softmax.engine.collapse.EpochMetrics(0, 1, 0, 1, 0, 0.1, 0.1, 1, 1, 1, 0, 0);
        var m1 = new lab.softmax.engine.collapse.EpochMetrics(100, 1, 1, 1, 0, 0.7, 0.7, 20, 18, 5, 0.9, 1);
        model.load(new CollapseState(List.of(new CollapseRun("r", small(100), List.of(m0, m1))), 0, 0, true));
        assertEquals(100, model.runs().getFirst().sc50Epoch());
        assertTrue(model.revisionProperty().get() > 0);
    }
}
