package lab.softmax.views.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executor;
import lab.softmax.engine.moe.FitCase;
import lab.softmax.engine.moe.FitRecord;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.engine.moe.Router;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view-model without a window: work and UI callbacks run synchronously on the test thread. */
class MoeViewModelTest {
    private MoeViewModel model;

    /** The test thread as the UI thread; work handed over from the throttled updater's timer is left to the run's end. */
    private static Executor testThreadUi() {
        Thread ui = Thread.currentThread();
        return work -> {
            if (Thread.currentThread() == ui) work.run();
        };
    }

    @BeforeEach
    void setUp() {
        model = new MoeViewModel(new BackgroundTasks(Runnable::run, testThreadUi()));
    }

    /** The top-K set at (x, y) from the definition: rank (w·x + b)/T, ties to the lowest index. */
    private static int[] referenceSet(double[][] w, double[] b, int topK, double x, double y) {
        int k = b.length;
        double[] l = new double[k];
        for (int i = 0; i < k; i++) l[i] = w[i][0] * x + w[i][1] * y + b[i];
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        java.util.Arrays.sort(order, (i, j) -> l[i] != l[j] ? Double.compare(l[j], l[i]) : Integer.compare(i, j));
        int[] set = new int[topK];
        for (int a = 0; a < topK; a++) set[a] = order[a];
        java.util.Arrays.sort(set);
        return set;
    }

    @Test
    void thePlaneIsColouredByTheActiveSetOfEveryPixel() {
        PlaneComputation p = model.planeProperty().get();
        assertNotNull(p);
        assertEquals(PlaneComputation.SIZE * PlaneComputation.SIZE, p.argb().length);
        assertTrue(p.sets().size() >= 5, "sets: " + p.sets().size());
        MoeState s = MoeState.defaults();
        double[][] w = s.gateWeights();
        double[] b = s.gateBiases();
        for (int r = 3; r < PlaneComputation.SIZE; r += 37) {
            for (int c = 5; c < PlaneComputation.SIZE; c += 41) {
                int[] set = referenceSet(w, b, 2, p.columnX(c), p.rowY(r));
                int px = r * PlaneComputation.SIZE + c;
                assertArrayEquals(set, lab.softmax.engine.moe.TopK.unrank(p.frame().setId[px], 5, 2), "pixel " + c + "," + r);
                int colour = p.argb()[px];
                // a set colour (shaded), or a top-1 boundary pixel
                assertTrue(colour == SetColours.BOUNDARY || colour == SetColours.shade(SetColours.set(set), p.frame().weight[px]),
                        "colour of pixel " + c + "," + r);
            }
        }
    }

    @Test
    void temperatureShiftAndScaleChangeWeightsButNeverThePartition() {
        PlaneComputation raw = model.planeProperty().get();
        assertEquals(false, raw.checked());
        model.temperatureProperty().set(4);
        model.shiftProperty().set(-13.5);
        model.scaleProperty().set(0.3);
        PlaneComputation p = model.planeProperty().get();
        assertTrue(p.checked());
        assertEquals(0, p.differing());
        assertArrayEquals(raw.frame().setId, p.frame().setId);
        assertArrayEquals(raw.frame().top1, p.frame().top1);
        // the weights do change: T·(1/a) = 13.3 flattens them towards 1/K inside the regions
        double maxChange = 0;
        for (int i = 0; i < raw.frame().weight.length; i++) maxChange = Math.max(maxChange, Math.abs(raw.frame().weight[i] - p.frame().weight[i]));
        assertTrue(maxChange > 0.2, "weights moved by " + maxChange);
    }

    @Test
    void badInputNamesTheProblemAndKeepsTheLastPicture() {
        PlaneComputation good = model.planeProperty().get();
        model.topKProperty().set(0);
        assertTrue(model.problemProperty().get().contains("K = 0"), model.problemProperty().get());
        assertSame(good, model.planeProperty().get());
        model.topKProperty().set(6);
        assertTrue(model.problemProperty().get().contains("K = 6 exceeds the number of experts k = 5"), model.problemProperty().get());
        model.topKProperty().set(2);
        assertEquals("", model.problemProperty().get());
        model.setGate(1, 2, Double.NaN);
        assertTrue(model.problemProperty().get().contains("E2 bias: NaN"), model.problemProperty().get());
        assertThrows(IllegalArgumentException.class, () -> model.state());
        model.setGate(1, 2, 0);
        model.setGate(3, 0, Double.POSITIVE_INFINITY);
        assertTrue(model.problemProperty().get().contains("E4 gate weight w1: Infinity"), model.problemProperty().get());
        model.setGate(3, 0, 1);
        model.temperatureProperty().set(0);
        assertTrue(model.problemProperty().get().contains("temperature"), model.problemProperty().get());
    }

    @Test
    void routersComputeOnlyWhileTheirTabIsShown() {
        RoutersViewModel.Comparison before = model.routers().comparisonProperty().get();
        assertNotNull(before);
        model.routers().shownProperty().set(false);
        model.setGateVector(0, -2, 0.5);
        assertSame(before, model.routers().comparisonProperty().get(), "hidden: a gate drag does not route the batch");
        model.routers().shownProperty().set(true);
        RoutersViewModel.Comparison after = model.routers().comparisonProperty().get();
        assertTrue(after != before, "shown again: the stale comparison is recomputed");
        MoeState s = MoeState.defaults();
        double[][] w = s.gateWeights();
        w[0] = new double[] {-2, 0.5};
        lab.softmax.engine.moe.BatchRouting.Result direct = lab.softmax.engine.moe.BatchRouting.route(
                new lab.softmax.engine.moe.Gates(w, s.gateBiases()), RoutersViewModel.cloud(s.rect()), 2, 1, Router.TOPK_SOFTMAX, 0);
        assertArrayEquals(direct.load(), after.of(Router.TOPK_SOFTMAX).batch().load());
    }

    @Test
    void routersShareTheLoadButNotTheWeights() {
        model.routers().capacityFactorProperty().set(0.5);
        RoutersViewModel.Comparison c = model.routers().comparisonProperty().get();
        assertNotNull(c);
        RoutersViewModel.RouterResult topk = c.of(Router.TOPK_SOFTMAX);
        RoutersViewModel.RouterResult dense = c.of(Router.SOFTMAX_TOPK);
        RoutersViewModel.RouterResult renorm = c.of(Router.SOFTMAX_TOPK_RENORM);
        int total = 0;
        for (int v : topk.batch().load()) total += v;
        assertEquals(2 * RoutersViewModel.BATCH, total);
        assertArrayEquals(topk.batch().load(), dense.batch().load());
        assertArrayEquals(topk.batch().served(), dense.batch().served());
        assertEquals(topk.batch().auxLoss(), dense.batch().auxLoss(), 1e-12);
        assertEquals(1, topk.meanKeptWeight(), 1e-12);
        assertEquals(1, renorm.meanKeptWeight(), 1e-12);
        assertTrue(dense.meanKeptWeight() < 1);
        // capacity ⌊0.5·2·2048/5⌋ = 409 per expert: drops
        assertEquals(409, topk.batch().capacity());
        assertTrue(topk.batch().droppedAssignments() > 0);
        assertTrue(topk.droppedWeight() > dense.droppedWeight(), "softmax-topk keeps less mass, so it loses less");
        assertEquals(topk.droppedWeight(), renorm.droppedWeight(), 1e-9);
    }

    @Test
    void aStateRoundTripsAndExpertsCanBeAddedAndRemoved() {
        MoeState s = MoeState.defaults().withTopK(3).withTemperature(2.5).withRouter(Router.SOFTMAX_TOPK).withChosenExpert(4);
        model.load(s);
        MoeState back = model.state();
        assertEquals(3, back.topK());
        assertEquals(2.5, back.temperature());
        assertEquals(Router.SOFTMAX_TOPK, back.router());
        assertArrayEquals(s.gateBiases(), back.gateBiases());
        assertArrayEquals(s.sampleSizes(), back.sampleSizes());
        assertEquals(s.cases(), back.cases());
        model.addExpert();
        assertEquals(6, model.experts());
        assertEquals(6, model.planeProperty().get().experts());
        for (int i = 0; i < 5; i++) model.removeExpert();
        assertEquals(2, model.experts());
        assertEquals(2, model.topKProperty().get());
        assertEquals(1, model.chosenExpertProperty().get());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void theConvergenceExperimentStreamsFitsIntoMediansAndQuartiles() {
        ConvergenceViewModel c = model.convergence();
        c.casesProperty().set(List.of(FitCase.EXACT));
        c.sampleSizesProperty().set(new int[] {150, 300});
        c.repetitionsProperty().set(3);
        c.threadsProperty().set(2);
        c.run();
        assertEquals(false, c.busyProperty().get());
        assertTrue(c.statusProperty().get().startsWith("done: 6 fits"), c.statusProperty().get());
        List<FitRecord> fits = c.fits();
        assertEquals(6, fits.size());
        List<ConvergenceViewModel.Point> pts = c.points(FitCase.EXACT, FitRecord.Metric.D1);
        assertEquals(2, pts.size());
        double[] d1 = fits.stream().filter(f -> f.n() == 300).mapToDouble(FitRecord::d1).sorted().toArray();
        assertEquals(d1[1], pts.get(1).median());
        assertEquals(0.5 * (d1[0] + d1[1]), pts.get(1).q1(), 1e-15);
        assertEquals(0.5 * (d1[1] + d1[2]), pts.get(1).q3(), 1e-15);
        assertTrue(Double.isNaN(c.slope(FitCase.EXACT, FitRecord.Metric.D1)), "no n ≥ 10³: no slope");
        c.sampleSizesProperty().set(new int[] {5});
        c.run();
        assertTrue(c.statusProperty().get().startsWith("not started: sampleSizes[0]: 5"), c.statusProperty().get());
    }
}
