package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.DatasetKind;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.ghosts.training.StepRecord;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.collapse.CollapsePage;
import lab.softmax.views.collapse.RunEntry;
import lab.softmax.views.ghosts.GhostsPage;
import lab.softmax.views.kernels.KernelsPage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Two Collapse trainings, a Ghosts training, a Kernels benchmark and a drag on the Ghosts plane, all at once in
 * the real window (headless): the FX thread answers throughout (the stall figures are printed) and every
 * result is bit for bit the result of the same run alone. Small sizes, so it runs in CI.
 */
class ConcurrentLabsGuiTest extends LabWindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    private static void await(BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        Thread.sleep(50);
        while (!fx(done::getAsBoolean)) {
            assertTrue(System.nanoTime() < deadline, "not done within 600 s");
            Thread.sleep(50);
        }
    }

    private static CollapseConfig smallCollapse(long seed) {
        return new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 23, 0.5, List.of(48, 48), OptimizerKind.ADAMW, 0.01,
                0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, 150, 5, seed, 3, 40, 2000);
    }

    private static GhostsTrainingState smallSpikeTest() {
        GhostsTrainingState d = GhostsTrainingState.defaults();
        return new GhostsTrainingState(d.experiment(), d.dataset(), d.model(), d.optimizer(), d.lr(), d.spikeFactor(), 20, 60,
                d.controllers(), d.clipNorm(), 60, d.seed(), d.batchSize(), d.sweepTrainSteps(), d.sweepLr(), d.rMin(), d.rMax(),
                d.sweepPoints());
    }

    /** What each computation produced: the parts that do not depend on timing. */
    private record Results(List<List<EpochMetrics>> collapse, List<List<StepRecord>> ghosts, List<String> kernels, GhostsResult plane) { }

    private static List<EpochMetrics> withoutTime(List<EpochMetrics> ms) {
        return ms.stream().map(m -> new EpochMetrics(m.epoch(), m.trainLoss(), m.trainAcc(), m.testLoss(), m.testAcc(),
                m.scFraction(), m.zeroLossFraction(), m.meanAbsLogit(), m.meanTop2Gap(), m.weightNorm(), m.nlmCosine(), 0)).toList();
    }

    /** Starts the chosen computations together, drags a Ghosts logit meanwhile if asked, and waits for all of them. */
    private Results run(boolean collapse, boolean ghosts, boolean kernels, boolean drag) throws Exception {
        CollapsePage collapsePage = (CollapsePage) page("Collapse");
        GhostsPage ghostsPage = (GhostsPage) page("Ghosts");
        KernelsPage kernelsPage = (KernelsPage) page("Kernels");
        open("Ghosts");
        List<RunEntry> runs = new ArrayList<>();
        fx(() -> {
            ghostsPage.planeModel().setLogit(0, 1.0);
            if (collapse) {
                var m = collapsePage.model();
                for (long seed : new long[] {3, 4}) {
                    m.draftProperty().set(smallCollapse(seed));
                    RunEntry r = m.addRun("seed " + seed);
                    runs.add(r);
                    m.start(r);
                }
            }
            if (ghosts) {
                ghostsPage.trainingModel().stateProperty().set(smallSpikeTest());
                ghostsPage.trainingModel().run();
            }
            if (kernels) {
                var m = kernelsPage.model();
                m.sizesProperty().set(List.of(1 << 10, 1 << 14));
                m.secondsProperty().set(0.05);
                m.run();
            }
            return null;
        });
        AtomicBoolean dragging = new AtomicBoolean(drag);
        Thread dragger = Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; dragging.get(); i++) {
                double v = 1.0 + 2 * Math.sin(i / 20.0);
                Platform.runLater(() -> ghostsPage.planeModel().setLogit(0, v));
                try {
                    Thread.sleep(16);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        await(() -> !collapsePage.busyProperty().get() && !ghostsPage.trainingModel().busyProperty().get()
                && !kernelsPage.busyProperty().get());
        dragging.set(false);
        dragger.join();
        fx(() -> { ghostsPage.planeModel().setLogit(0, 2.5); return null; });
        await(() -> !ghostsPage.planeModel().busyProperty().get());
        return fx(() -> {
            List<List<EpochMetrics>> c = runs.stream().map(r -> withoutTime(List.copyOf(r.metrics()))).toList();
            List<List<StepRecord>> g = new ArrayList<>();
            if (ghosts) for (Controller k : smallSpikeTest().controllers()) g.add(ghostsPage.trainingModel().steps(k));
            List<String> k = kernels ? kernelsPage.model().results().stream()
                    .map(b -> b.algorithm() + " " + b.impl() + " n=" + b.n() + " error " + b.maxRelError() + " valid " + b.valid()).toList()
                    : List.of();
            return new Results(c, g, k, ghostsPage.planeModel().analysisProperty().get().result());
        });
    }

    @Test
    void everythingAtOnceGivesTheResultsOfEachRunAlone() throws Exception {
        Results collapseAlone = run(true, false, false, false);
        Results ghostsAlone = run(false, true, false, false);
        Results kernelsAlone = run(false, false, true, false);
        FxStallProbe probe = new FxStallProbe();
        probe.start();
        Results together = run(true, true, true, true);
        FxStallProbe.Stats stats = probe.stop();
        System.out.printf(Locale.ROOT, "[responsiveness] two Collapse trainings, a Ghosts training, a Kernels benchmark and a Ghosts "
                + "drag at once (small sizes): %s%s%n", stats, probe.stallSites());
        assertEquals(stats.pings(), stats.answered(), "the FX thread answered every ping");
        assertEquals(2, together.collapse().size());
        assertTrue(together.collapse().getFirst().size() > 10 && !together.ghosts().getFirst().isEmpty() && !together.kernels().isEmpty());
        assertEquals(collapseAlone.collapse(), together.collapse(), "Collapse metrics");
        assertEquals(ghostsAlone.ghosts(), together.ghosts(), "Ghosts training steps");
        assertEquals(kernelsAlone.kernels(), together.kernels(), "Kernels accuracy");
        assertEquals(collapseAlone.plane(), together.plane(), "zeros after the drag");
    }
}
