package lab.softmax.views.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.engine.distributions.NormalizationResult;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view-model without a window: work and UI callbacks run synchronously on the test thread. */
class DistributionsViewModelTest {
    private DistributionsViewModel model;

    @BeforeEach
    void setUp() {
        model = new DistributionsViewModel(new BackgroundTasks(Runnable::run, Runnable::run));
        model.load(new DistributionsState(new double[] {2.0, 1.0, 0.0}, 1.0, Precision.FP64,
                List.of(NormalizerKind.SOFTMAX), true, 1, false));
    }

    private NormalizationResult softmax() {
        return model.resultsProperty().get().stream().filter(r -> r.kind() == NormalizerKind.SOFTMAX).findFirst().orElseThrow();
    }

    /** Reference: softmax of z/T computed directly in double. */
    private static double[] reference(double[] z, double t) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) m = Math.max(m, v / t);
        double s = 0;
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) s += e[i] = Math.exp(z[i] / t - m);
        for (int i = 0; i < z.length; i++) e[i] /= s;
        return e;
    }

    @Test
    void resultsFollowTheTemperature() {
        model.temperatureProperty().set(0.5);
        assertArrayEquals(reference(new double[] {2, 1, 0}, 0.5), softmax().probabilities(), 1e-15);
        model.temperatureProperty().set(10);
        assertArrayEquals(reference(new double[] {2, 1, 0}, 10), softmax().probabilities(), 1e-15);
        assertFalse(model.busyProperty().get());
    }

    @Test
    void higherTemperatureRaisesEntropyTowardsLogN() {
        model.temperatureProperty().set(0.01);
        double cold = softmax().entropyNats();
        model.temperatureProperty().set(100);
        double hot = softmax().entropyNats();
        assertTrue(cold < 1e-6, "near one-hot at T=0.01: " + cold);
        assertEquals(Math.log(3), hot, 1e-3);
    }

    @Test
    void aBadPasteChangesNothingAndSaysWhy() {
        double[] before = model.logitsProperty().get();
        assertFalse(model.pasteLogits("1, 2, NaN, 4"));
        assertArrayEquals(before, model.logitsProperty().get());
        assertTrue(model.errorProperty().get().contains("[2]"), model.errorProperty().get());
    }

    @Test
    void aGoodPasteReplacesTheLogitsAndClearsTheError() {
        model.pasteLogits("1, NaN");
        assertTrue(model.pasteLogits("0.5 -Infinity\n1.5"));
        assertArrayEquals(new double[] {0.5, Double.NEGATIVE_INFINITY, 1.5}, model.logitsProperty().get());
        assertEquals("", model.errorProperty().get());
        assertEquals(0.0, softmax().probabilities()[1]);
    }

    @Test
    void draggingABarSetsOneLogit() {
        model.setLogit(2, 5.0);
        assertArrayEquals(new double[] {2, 1, 5}, model.logitsProperty().get());
        assertArrayEquals(reference(new double[] {2, 1, 5}, 1), softmax().probabilities(), 1e-15);
    }

    @Test
    void stateRoundTripsThroughTheProperties() {
        model.precisionProperty().set(Precision.BF16);
        model.enabledProperty(NormalizerKind.SPARSEMAX).set(true);
        model.subtractMaxProperty().set(false);
        model.topKProperty().set(2);
        DistributionsState s = model.state();
        DistributionsViewModel other = new DistributionsViewModel(new BackgroundTasks(Runnable::run, Runnable::run));
        other.load(s);
        DistributionsState t = other.state();
        assertArrayEquals(s.logits(), t.logits());
        assertEquals(s.precision(), t.precision());
        assertEquals(s.normalizers(), t.normalizers());
        assertEquals(s.subtractMax(), t.subtractMax());
        assertEquals(s.topK(), t.topK());
        assertEquals(2, other.resultsProperty().get().size());
    }

    @Test
    void longVectorsArePlottedByRankWithFewPoints() {
        double[] z = new double[100_000];
        for (int i = 0; i < z.length; i++) z[i] = -Math.log(i + 1.0);
        assertTrue(model.setLogits(z, "test"));
        PlotData plot = model.plotProperty().get();
        assertFalse(plot.byIndex());
        assertTrue(plot.logitX().length <= PlotData.MAX_POINTS);
        assertEquals(1.0, plot.logitX()[0]);
        assertEquals(z.length, plot.logitX()[plot.logitX().length - 1]);
    }
}
