package lab.softmax.views.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import lab.softmax.engine.attention.AttentionInput;
import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.attention.MaskKind;
import lab.softmax.engine.attention.NeedleEval;
import lab.softmax.engine.attention.NeedleMode;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model without a window: work and UI callbacks run synchronously on the test thread. */
class AttentionViewModelTest {
    private AttentionViewModel model;

    /** The test thread as the UI thread; work handed over from the throttled updater's timer is left to the run's end. */
    private static Executor testThreadUi() {
        Thread ui = Thread.currentThread();
        return work -> {
            if (Thread.currentThread() == ui) work.run();
        };
    }

    @BeforeEach
    void setUp() {
        model = new AttentionViewModel(new BackgroundTasks(Runnable::run, testThreadUi()));
        model.precisionProperty().set(Precision.FP64);
        model.maskProperty().set(MaskKind.FULL);
    }

    /** softmax(q_i·k_j/√d/T) of one head, straight from the definition in double. */
    private static double[][] reference(AttentionInput in, int head, double t) {
        double[][] q = in.q();
        double[][] k = in.k();
        int dh = in.headDim();
        double[][] a = new double[q.length][k.length];
        for (int i = 0; i < q.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k.length; j++) {
                double g = 0;
                for (int c = head * dh; c < (head + 1) * dh; c++) g += q[i][c] * k[j][c];
                a[i][j] = g / Math.sqrt(dh) / t;
                max = Math.max(max, a[i][j]);
            }
            double sum = 0;
            for (int j = 0; j < k.length; j++) sum += a[i][j] = Math.exp(a[i][j] - max);
            for (int j = 0; j < k.length; j++) a[i][j] /= sum;
        }
        return a;
    }

    @Test
    void theMapFollowsTheTemperatureAndTheHead() {
        model.contextLengthProperty().set(16);
        AttentionInput in = model.state().generatedInput();
        for (double t : new double[] {0.3, 1, 7}) {
            model.temperatureProperty().set(t);
            double[][] expected = reference(in, 0, t);
            MapComputation m = model.mapProperty().get();
            for (int i = 0; i < 16; i++) assertArrayEquals(expected[i], m.row(i), 1e-13, "row " + i + " at T = " + t);
        }
        model.headProperty().set(1);
        MapComputation m = model.mapProperty().get();
        assertEquals(1, m.head());
        assertArrayEquals(reference(in, 1, 7)[3], m.row(3), 1e-13);
        assertFalse(model.busyProperty().get());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void aHotterTemperatureFlattensEveryRowButNeverMovesItsArgmax() {
        model.contextLengthProperty().set(64);
        model.temperatureProperty().set(0.2);
        MapComputation cold = model.mapProperty().get();
        model.temperatureProperty().set(5);
        MapComputation hot = model.mapProperty().get();
        assertTrue(hot.meanEntropyOverLogN() > cold.meanEntropyOverLogN() + 0.3,
                cold.meanEntropyOverLogN() + " -> " + hot.meanEntropyOverLogN());
        for (int i = 0; i < 64; i++) assertEquals(argmax(cold.row(i)), argmax(hot.row(i)), "row " + i);
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
        return best;
    }

    @Test
    void ssaSlopeSharpensLongRows() {
        model.contextLengthProperty().set(256);
        model.maskProperty().set(MaskKind.CAUSAL);
        double plain = model.mapProperty().get().meanEntropyOverLogN();
        model.ssaSlopeProperty().set(1.0);
        MapComputation m = model.mapProperty().get();
        assertEquals(1 + Math.log(256), m.queryTau()[255], 1e-12, "τ_i = 1 + s·ln(i+1)");
        assertTrue(m.meanEntropyOverLogN() < plain, plain + " -> " + m.meanEntropyOverLogN());
        model.setSsaTokenScale(2);
        assertEquals(2, model.ssaTokenScale(), 1e-12);
        assertEquals(16, model.ssaTokenProperty().get().length);
        model.setSsaTokenScale(0);
        assertEquals(0, model.ssaTokenProperty().get().length);
    }

    @Test
    void aLargeMapIsDrawnAsTheMaxOverBlocks() {
        model.precisionProperty().set(Precision.FP32);
        model.contextLengthProperty().set(4096);
        MapComputation m = model.mapProperty().get();
        assertEquals(4096, m.queries());
        assertEquals(8, m.block());
        assertEquals(512, m.rows());
        assertEquals(512, m.columns());
        for (int[] rc : new int[][] {{0, 0}, {100, 7}, {511, 511}, {300, 200}}) {
            double max = 0;
            for (int i = rc[0] * 8; i < rc[0] * 8 + 8; i++) {
                for (int j = rc[1] * 8; j < rc[1] * 8 + 8; j++) max = Math.max(max, m.weight(i, j));
            }
            assertEquals((float) max, m.cell(rc[0], rc[1]), "cell " + rc[0] + "," + rc[1]);
        }
        model.maskProperty().set(MaskKind.CAUSAL);
        m = model.mapProperty().get();
        assertEquals(MapComputation.HIDDEN, m.cell(0, 511), "a block above the diagonal is all masked");
        assertTrue(m.cell(511, 0) > 0);
    }

    @Test
    void aMalformedQkvFileChangesNothingAndNamesTheProblem(@TempDir Path dir) throws Exception {
        model.contextLengthProperty().set(16);
        MapComputation before = model.mapProperty().get();
        Path bad = dir.resolve("ragged.json");
        Files.writeString(bad, "{\"q\":[[1,2],[3]],\"k\":[[1,2]],\"v\":[[1]]}");
        model.loadInput(bad);
        assertSame(before, model.mapProperty().get());
        assertNull(model.loadedInputProperty().get());
        assertTrue(model.fileProblemProperty().get().contains("q[1]"), model.fileProblemProperty().get());
        assertTrue(model.fileProblemProperty().get().contains("ragged.json"), model.fileProblemProperty().get());
        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, "{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1,\"NaN\"]]}");
        model.loadInput(nan);
        assertTrue(model.fileProblemProperty().get().contains("v[0][1]"), model.fileProblemProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aGoodQkvFileIsShownAndItsHeadsOffered(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("qkv.json");
        Files.writeString(good, "{\"heads\":2,\"q\":[[1,0,0,1],[0,1,1,0]],\"k\":[[1,0,0,1],[0,1,1,0],[1,1,1,1]],"
                + "\"v\":[[1,2],[3,4],[5,6]]}");
        model.loadInput(good);
        assertNotNull(model.loadedInputProperty().get());
        assertEquals(2, model.heads());
        model.headProperty().set(1);
        MapComputation m = model.mapProperty().get();
        assertEquals(2, m.queries());
        assertEquals(3, m.keys());
        // head 1 (columns 2, 3; d_h = 2): q_0 = (0, 1), keys (0, 1), (1, 0), (1, 1): logits (1, 0, 1)/√2
        double e = Math.exp(1 / Math.sqrt(2));
        double sum = e + 1 + e;
        assertArrayEquals(new double[] {e / sum, 1 / sum, e / sum}, m.row(0), 1e-15);
        model.setInput(null);
        assertEquals(model.contextLengthProperty().get(), model.mapProperty().get().queries());
    }

    @Test
    void theStateRoundTrips() {
        AttentionState s = new AttentionState(2.5, MaskKind.PADDING, 20, lab.softmax.engine.attention.AttentionNormalizer.SPARSEMAX,
                1.0, Precision.BF16, AttentionState.defaults().fp32Algorithm(), true, 0.4, new double[] {0.1, 0.2, 0.3, 0.4},
                lab.softmax.engine.attention.TokenForm.LINEAR, 32, 3, 4, 2, -1, 7, lab.softmax.engine.attention.NeedlePreset.QUICK, 500);
        model.load(s);
        AttentionState back = model.state();
        assertEquals(s.temperature(), back.temperature());
        assertEquals(s.mask(), back.mask());
        assertEquals(s.validKeys(), back.validKeys());
        assertEquals(s.normalizer(), back.normalizer());
        assertEquals(s.precision(), back.precision());
        assertEquals(s.ssaSlope(), back.ssaSlope());
        assertArrayEquals(s.ssaToken(), back.ssaToken());
        assertEquals(s.contextLength(), back.contextLength());
        assertEquals(s.heads(), back.heads());
        assertEquals(s.head(), back.head());
        assertEquals(s.seed(), back.seed());
        assertEquals(s.preset(), back.preset());
        assertEquals(s.steps(), back.steps());
        assertEquals(2, model.mapProperty().get().head());
        assertEquals(3, model.mapProperty().get().heads());
    }

    @Test
    void trainingFillsBothModesEvaluationsAndWhatTheyLearned() {
        DilutionViewModel d = model.dilution();
        d.adjust = c -> c.withEval(new int[] {8, 64}, 32);
        d.stepsProperty().set(120);
        d.train();
        assertFalse(d.busyProperty().get(), d.statusProperty().get());
        assertTrue(d.statusProperty().get().startsWith("done"), d.statusProperty().get());
        assertTrue(d.finalEvaluation());
        for (NeedleMode mode : NeedleMode.values()) {
            List<NeedleEval> e = d.evals(mode);
            assertEquals(2, e.size(), mode.id());
            assertEquals(8, e.get(0).n());
            assertNotNull(d.result(mode));
        }
        assertEquals(1.0, d.evals(NeedleMode.VANILLA).get(1).meanTau(), 0, "vanilla has τ = 1");
        assertNull(d.result(NeedleMode.VANILLA).learned().s());
        assertNotNull(d.result(NeedleMode.SSA).learned().s());
        assertEquals(1.0, d.progressProperty().get());
    }

    @Test
    void theDenoisingDemoReportsFourMses() {
        model.denoising().run(200);
        var r = model.denoising().resultProperty().get();
        assertNotNull(r);
        assertTrue(r.bayesMse() < r.naiveMeanMse());
        assertTrue(r.vanillaMse() < r.naiveMeanMse());
        assertFalse(model.busyProperty().get());
    }
}
