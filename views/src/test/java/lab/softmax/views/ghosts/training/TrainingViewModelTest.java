package lab.softmax.views.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.Choices.DatasetKind;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;
import lab.softmax.engine.ghosts.training.Choices.OptimizerKind;
import lab.softmax.engine.ghosts.training.StepRecord;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The training view-model without a window: a worker thread and a single "UI" thread. */
class TrainingViewModelTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService workers = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        ui.shutdownNow();
        workers.shutdownNow();
    }

    private static GhostsTrainingState small(String experiment) {
        return new GhostsTrainingState(experiment, DatasetKind.BLOBS, ModelKind.LINEAR, OptimizerKind.ADAM, 1e-2, 1000, 5, 12,
                List.of(Controller.NONE, Controller.RHO), 1, 12, 3, 64, 30, 1e-2, 0.1, 10, 5);
    }

    private void runAndWait(TrainingViewModel vm) throws Exception {
        ui.submit(vm::run).get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ui.submit(() -> vm.busyProperty().get()).get()) {
            assertTrue(System.nanoTime() < deadline, "run did not finish");
            Thread.sleep(20);
        }
    }

    @Test
    void spikeTestStreamsEveryStepOfEveryChosenPolicy() throws Exception {
        TrainingViewModel vm = new TrainingViewModel(new BackgroundTasks(workers, ui), Path.of("unused-for-blobs"));
        vm.stateProperty().set(small(GhostsTrainingState.SPIKE_TEST));
        runAndWait(vm);
        assertEquals("done", vm.statusProperty().get());
        List<StepRecord> plain = vm.steps(Controller.NONE);
        List<StepRecord> rho = vm.steps(Controller.RHO);
        assertEquals(12, plain.size());
        assertEquals(12, rho.size());
        assertTrue(vm.steps(Controller.CLIP).isEmpty());
        for (int i = 0; i < 12; i++) {
            assertEquals(i, rho.get(i).step());
            assertTrue(rho.get(i).r() <= 1 + 1e-12);
        }
        assertTrue(plain.get(8).r() > 1, "the spike takes plain Adam outside the radius");
    }

    @Test
    void sweepReportsEveryRadiusAndARunCanBeRepeated() throws Exception {
        TrainingViewModel vm = new TrainingViewModel(new BackgroundTasks(workers, ui), Path.of("unused-for-blobs"));
        vm.stateProperty().set(small(GhostsTrainingState.ONE_STEP_SWEEP));
        runAndWait(vm);
        assertEquals(5, vm.sweepPoints().size());
        assertTrue(vm.sweepResult().rhoStar() >= vm.sweepResult().rhoA());
        runAndWait(vm);
        assertEquals(5, vm.sweepPoints().size(), "a new run replaces the old points");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aStaleBatchFromAnOlderRunDoesNotOverwriteTheStatus() {
        TrainingViewModel vm = new TrainingViewModel(new BackgroundTasks(workers, ui), Path.of("unused-for-blobs"));
        int current = vm.generation();
        vm.apply(List.of(
                new TrainingViewModel.Item(current, Controller.RHO, record(0), null),
                new TrainingViewModel.Item(current - 1, Controller.NONE, record(41), null)));
        assertEquals("rho: step 1", vm.statusProperty().get());
        assertEquals(1, vm.steps(Controller.RHO).size());
        assertTrue(vm.steps(Controller.NONE).isEmpty());
        int revision = vm.revisionProperty().get();
        vm.apply(List.of(new TrainingViewModel.Item(current - 1, Controller.NONE, record(42), null)));
        assertEquals("rho: step 1", vm.statusProperty().get(), "an all-stale batch changes nothing");
        assertEquals(revision, vm.revisionProperty().get());
    }

    @Test
    void learningRateMapStreamsOneRowPerRateAndThePaletteMarksDivergence() throws Exception {
        TrainingViewModel vm = new TrainingViewModel(new BackgroundTasks(workers, ui), Path.of("unused-for-blobs"));
        vm.stateProperty().set(small(GhostsTrainingState.LR_STEP_MAP));
        runAndWait(vm);
        assertEquals("done", vm.statusProperty().get());
        List<lab.softmax.engine.ghosts.training.LrStepMap.Row> rows = vm.mapRows();
        assertEquals(lab.softmax.engine.ghosts.training.LrStepMap.DEFAULT_RATES, rows.size());
        assertEquals(1e-4, rows.get(0).lr(), 1e-16);
        assertEquals(1.0, rows.get(rows.size() - 1).lr(), 1e-12);
        for (var row : rows) assertEquals(12, row.r().length);
        assertTrue(rows.get(rows.size() - 1).r()[0] > rows.get(0).r()[0], "a larger rate takes a larger first step");
        assertEquals(java.awt.Color.BLACK, LrStepMapChart.PALETTE.getPaint(Double.NaN));
        assertEquals(java.awt.Color.WHITE, LrStepMapChart.PALETTE.getPaint(0));
        java.awt.Color safe = (java.awt.Color) LrStepMapChart.PALETTE.getPaint(-1);
        java.awt.Color unsafe = (java.awt.Color) LrStepMapChart.PALETTE.getPaint(1);
        assertTrue(safe.getBlue() > safe.getRed() && unsafe.getRed() > unsafe.getBlue());
    }

    private static StepRecord record(int step) {
        return new StepRecord(step, 0.5, 0.9, 0.9, 1, 0.1, 0.1, 1e-2, 1e-2, 1, 0);
    }
}
