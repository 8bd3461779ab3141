package lab.softmax.views.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plane view-model without a window; work runs synchronously. */
class GhostsPlaneViewModelTest {
    private GhostsPlaneViewModel model;

    @BeforeEach
    void setUp() {
        model = new GhostsPlaneViewModel(new BackgroundTasks(Runnable::run, Runnable::run));
    }

    @Test
    void binaryMarginTwoPutsTheZeroAtTwoPlusIPi() {
        model.load(new GhostsPlaneState(new double[] {2, 0}, new double[] {0, 1}, 1.0, 0, 8, false));
        var r = model.analysisProperty().get().result();
        assertEquals(Math.PI, r.rhoA(), 1e-15);
        assertEquals(Math.hypot(2, Math.PI), r.rhoStar(), 1e-12);
        assertEquals(2.0, r.nearestZero().re(), 1e-12);
        assertEquals(Math.PI, r.nearestZero().im(), 1e-12);
    }

    @Test
    void draggingASlopeMovesTheRadiusAndThePictureFollows() {
        model.load(new GhostsPlaneState(new double[] {0, 0}, new double[] {1, 0}, 1.0, 0, 8, false));
        assertEquals(Math.PI, model.analysisProperty().get().result().rhoA(), 1e-15);
        model.setSlope(0, 2.0);
        var a = model.analysisProperty().get();
        assertEquals(Math.PI / 2, a.result().rhoA(), 1e-15);
        assertTrue(a.halfWidth() >= 3 * a.result().rhoA(), "the picture shows at least 3 ρ_a");
        assertEquals(GhostsPlaneViewModel.GRID * GhostsPlaneViewModel.GRID, a.grid().cancellationLog10().length);
    }

    @Test
    void temperatureScalesRhoAByExactlyT() {
        model.load(new GhostsPlaneState(new double[] {1, 0, -1}, new double[] {0.5, -0.5, 1.5}, 1.0, 0, 8, false));
        double rhoA = model.analysisProperty().get().result().rhoA();
        model.temperatureProperty().set(4.0);
        assertEquals(4 * rhoA, model.analysisProperty().get().result().rhoA(), 1e-12 * rhoA);
    }

    @Test
    void mismatchedVectorsAreRefusedAndChangeNothing() {
        double[] before = model.logitsProperty().get();
        assertFalse(model.setVectors(new double[] {1, 2, 3}, new double[] {1, 2}, "test.json"));
        assertTrue(model.errorProperty().get().contains("direction"), model.errorProperty().get());
        assertEquals(before.length, model.logitsProperty().get().length);
    }
}
