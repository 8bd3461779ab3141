package lab.softmax.engine.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossTaylorTest {
    /** Binary, equal logits: L(t) = log(1 + e^{Δa t}) for target 0 with a = (0, Δa); ρ* = π/Δa. */
    @Test
    void binaryCoefficientsMatchTheSeriesOfLogOnePlusExp() {
        double da = 2.0;
        LossTaylor taylor = new LossTaylor(new double[] {0, 0}, new double[] {0, da}, 0, 8);
        double[] c = taylor.coefficients();
        // log(1 + e^x) = log 2 + x/2 + x^2/8 - x^4/192 + x^6/2880 - 17 x^8/645120 + ...
        double[] series = {Math.log(2), 0.5, 1.0 / 8, 0, -1.0 / 192, 0, 1.0 / 2880, 0, -17.0 / 645120};
        for (int n = 0; n <= 8; n++) {
            assertEquals(series[n] * Math.pow(da, n), c[n], 1e-12 * Math.max(1, Math.abs(series[n] * Math.pow(da, n))), "c_" + n);
        }
    }

    @Test
    void thePolynomialsConvergeInsideTheRadiusAndDivergeOutside() {
        double[] z = {1.0, 0.2, -0.7, 0.4};
        double[] a = {0.5, -1.2, 2.0, 0.1};
        LossTaylor taylor = new LossTaylor(z, a, 0, 24);
        double rhoStar = Ghosts.analyse(z, a, 3).rhoStar();
        double inside = 0.5 * rhoStar;
        double errLow = Math.abs(taylor.polynomial(6, inside) - taylor.loss(inside));
        double errHigh = Math.abs(taylor.polynomial(24, inside) - taylor.loss(inside));
        assertTrue(errHigh < 1e-5 && errHigh < errLow, "inside ρ*: " + errLow + " -> " + errHigh);
        double outside = 1.6 * rhoStar;
        double outLow = Math.abs(taylor.polynomial(8, outside) - taylor.loss(outside));
        double outHigh = Math.abs(taylor.polynomial(24, outside) - taylor.loss(outside));
        assertTrue(outHigh > outLow && outHigh > 1, "outside ρ*: " + outLow + " -> " + outHigh);
    }

    @Test
    void lossIsCrossEntropyOfTheShiftedLogits() {
        double[] z = {2, 1, 0};
        double[] a = {1, 0, -1};
        LossTaylor taylor = new LossTaylor(z, a, 1, 2);
        double t = 0.3;
        double e0 = Math.exp(2.3), e1 = Math.exp(1), e2 = Math.exp(-0.3);
        assertEquals(-Math.log(e1 / (e0 + e1 + e2)), taylor.loss(t), 1e-14);
    }

    @Test
    void aMaskedTargetIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new LossTaylor(new double[] {0, Double.NEGATIVE_INFINITY}, new double[] {0, 1}, 1, 4));
    }
}
