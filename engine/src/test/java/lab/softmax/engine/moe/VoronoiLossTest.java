package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VoronoiLossTest {
    // Truth: T0 (mass 2, β1 = 1, a = 0, b = 0, ν = 1), T1 reference (mass 1, β1 = 0, a = 5, b = 5, ν = 1).
    static final GaussianMoe TRUTH = GaussianMoe.of1d(new double[] {Math.log(2), 0}, new double[] {1, 0},
            new double[] {0, 5}, new double[] {0, 5}, new double[] {1, 1}, 1);

    static GaussianMoe fit(double massF0) {
        return GaussianMoe.of1d(new double[] {Math.log(massF0), 0, 0}, new double[] {1.1, 0.9, 0},
                new double[] {0, 0.2, 5}, new double[] {0, 0, 5.5}, new double[] {1, 1, 1.5}, 2);
    }

    @Test
    void cellsByNearestAtom() {
        assertArrayEquals(new int[] {0, 0, 1}, VoronoiLoss.cells(fit(1), TRUTH));
    }

    @Test
    void d1ByHand() {
        // masses 1 + 1 vs 2 and 1 vs 1: no mass term; atoms: 1·0.1 + 1·(0.1 + 0.2) + 1·(0.5 + 0.5) = 1.4
        assertEquals(1.4, VoronoiLoss.d1(fit(1), TRUTH), 1e-12);
        // F0 mass 1.5: |2.5 − 2| + 1.5·0.1 + 0.3 + 1.0 = 1.95
        assertEquals(1.95, VoronoiLoss.d1(fit(1.5), TRUTH), 1e-12);
    }

    @Test
    void d2ByHand() {
        // cell of T0 has two atoms: r̄ = 4 on β1 and b, 2 on a and ν; T1 is a singleton (exponent 1)
        // F0: 0.1^4; F1: 0.1^4 + 0.2^2; F2: 0.5 + 0.5
        assertEquals(1e-4 + 1e-4 + 0.04 + 1.0, VoronoiLoss.d2(fit(1), TRUTH), 1e-12);
        assertEquals(0.5 + 1.5e-4 + 1e-4 + 0.04 + 1.0, VoronoiLoss.d2(fit(1.5), TRUTH), 1e-12);
        assertEquals(4, VoronoiLoss.rbar(2));
        assertEquals(6, VoronoiLoss.rbar(3));
    }

    @Test
    void emptyCellCountsItsWholeMassAndLargestCellErrors() {
        // Both fitted atoms near T0: T1's cell is empty, so its mass 1 is missing.
        GaussianMoe f = GaussianMoe.of1d(new double[] {0, 0}, new double[] {1, 1.2}, new double[] {0, 0.1},
                new double[] {0, 0.3}, new double[] {1, 1}, 1);
        assertEquals(1.0 + 0.0 + (0.2 + 0.1 + 0.3), VoronoiLoss.d1(f, TRUTH), 1e-12);
        VoronoiLoss.CellErrors e = VoronoiLoss.largestCell(f, TRUTH);
        assertEquals(0, e.cell());
        assertEquals(2, e.atoms());
        assertEquals(0.2, e.beta1(), 1e-12);
        assertEquals(0.1, e.a(), 1e-12);
        assertEquals(0.3, e.b(), 1e-12);
        assertEquals(0.0, e.nu(), 1e-12);
        assertEquals(0.0, e.mass(), 1e-12);
    }

    @Test
    void truthAgainstItselfIsZeroAndTheSplitTruthHasZeroD2() {
        assertEquals(0, VoronoiLoss.d1(LabModel.truth(), LabModel.truth()), 0);
        assertEquals(0, VoronoiLoss.d2(LabModel.split(3), LabModel.truth()), 1e-14);
    }
}
