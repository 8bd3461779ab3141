package lab.softmax.engine.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.task.Cancellation;
import org.junit.jupiter.api.Test;

class PlaneGridTest {
    @Test
    void cellsAgreeWithADirectComplexSumOfTheTerms() {
        double[] z = {0.3, -1.2, 2.0, 0.0};
        double[] a = {1.5, -0.5, 0.25, 3.0};
        PlaneGrid g = PlaneGrid.sample(ExponentialSum.of(z, a), -2, 2, -1, 3, 9, 7, Cancellation.none());
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.columns(); c++) {
                double x = -2 + 4 * (c + 0.5) / 9;
                double y = -1 + 4 * (r + 0.5) / 7;
                double re = 0, im = 0, moduli = 0;
                for (int k = 0; k < z.length; k++) {
                    double m = Math.exp(z[k] + a[k] * x);
                    re += m * Math.cos(a[k] * y);
                    im += m * Math.sin(a[k] * y);
                    moduli += m;
                }
                int i = r * g.columns() + c;
                assertEquals(Math.log10(Math.hypot(re, im) / moduli), g.cancellationLog10()[i], 1e-12);
                double phaseDiff = Math.IEEEremainder(Math.atan2(im, re) - g.phase()[i], 2 * Math.PI);
                assertEquals(0, phaseDiff, 1e-12);
            }
        }
    }

    @Test
    void aZeroShowsAsDeepCancellation() {
        // F = 1 + e^t vanishes at t = iπ; the grid cell centred there is the deepest.
        PlaneGrid g = PlaneGrid.sample(ExponentialSum.of(new double[] {0, 0}, new double[] {1, 0}),
                -1, 1, Math.PI - 1, Math.PI + 1, 21, 21, Cancellation.none());
        int centre = 10 * 21 + 10;
        assertTrue(g.cancellationLog10()[centre] < -8, "depth at iπ: " + g.cancellationLog10()[centre]);
        for (int i = 0; i < g.cancellationLog10().length; i++) {
            assertTrue(g.cancellationLog10()[i] >= g.cancellationLog10()[centre]);
        }
    }
}
