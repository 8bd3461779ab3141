package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

/** The ⊥Grad plane of one weight matrix, against hand values, direct float64 loops and what OrthoGrad itself does. */
class OrthoGradGeometryTest {

    private static Parameter matrix(String name, int rows, int cols, double[] w, double[] g) {
        Parameter p = new Parameter(name, rows, cols);
        System.arraycopy(w, 0, p.value(), 0, w.length);
        System.arraycopy(g, 0, p.grad(), 0, g.length);
        return p;
    }

    @Test
    void aTwoByTwoMatrixByHand() {
        // w.w = 30, w.g = 0.5 - 2 + 6 + 0 = 4.5, g.g = 5.25; g - 0.15 w = (0.35, -1.3, 1.55, -0.6), squared norm 4.575
        OrthoGradGeometry geo = OrthoGradGeometry.of(matrix("W", 2, 2, new double[] {1, 2, 3, 4}, new double[] {0.5, -1, 2, 0}));
        assertEquals("W", geo.name());
        assertEquals(2, geo.rows());
        assertEquals(Math.sqrt(30), geo.weightNorm(), 1e-15);
        assertEquals(Math.sqrt(5.25), geo.gradNorm(), 1e-15);
        assertEquals(4.5, geo.dot(), 1e-15);
        assertEquals(Math.sqrt(4.575), geo.perpNorm(), 1e-15);
        assertEquals(4.5 / Math.sqrt(157.5), geo.cosine(), 1e-15);
        assertEquals(-geo.cosine(), geo.nlmCosine(), 0);
        assertEquals(Math.toDegrees(Math.acos(4.5 / Math.sqrt(157.5))), geo.angleDegrees(), 1e-12);
        double[][] xy = geo.coordinates();
        assertEquals(Math.sqrt(30), xy[0][0], 1e-15);                 // w on the x axis
        assertEquals(4.5 / Math.sqrt(30), xy[1][0], 1e-15);            // g = (w.g/|w|, |g_perp|)
        assertEquals(Math.sqrt(4.575), xy[1][1], 1e-15);
        assertEquals(Math.sqrt(5.25), Math.hypot(xy[1][0], xy[1][1]), 1e-14, "g keeps its norm in the plane");
        assertEquals(xy[1][0], xy[2][0], 0);                           // g_par
        assertEquals(0, xy[2][1], 0);
        assertEquals(0, xy[3][0], 0);                                  // g_perp
        assertEquals(Math.sqrt(5.25), xy[4][1], 1e-14, "rescaled to |g|");
    }

    @Test
    void matchesDirectFloat64AndWhatOrthoGradApplies() {
        SplitMix64 rng = new SplitMix64(11);
        int rows = 5;
        int cols = 7;
        double[] w = new double[rows * cols];
        double[] g = new double[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
            g[i] = 0.3 * w[i] + 0.01 * rng.nextGaussian();
        }
        Parameter p = matrix("layer1.weight", rows, cols, w, g);
        OrthoGradGeometry geo = OrthoGradGeometry.of(List.of(p)).getFirst();
        double ww = 0, wg = 0, gg = 0;
        for (int i = 0; i < w.length; i++) {
            ww += w[i] * w[i];
            wg += w[i] * g[i];
            gg += g[i] * g[i];
        }
        assertEquals(Math.sqrt(ww), geo.weightNorm(), 1e-12);
        assertEquals(Math.sqrt(gg), geo.gradNorm(), 1e-12);
        assertEquals(wg, geo.dot(), 1e-12);
        assertEquals(wg / Math.sqrt(ww * gg), geo.cosine(), 1e-12);

        // Project a copy the way training does; the result lies along g_perp with the length the diagram draws.
        double[] perp = new double[g.length];
        for (int i = 0; i < g.length; i++) perp[i] = g[i] - wg / ww * w[i];
        OrthoGrad.project(p, Precision.FP64);
        double[] q = p.grad();
        double along = 0, across = 0;
        for (int i = 0; i < q.length; i++) {
            along += q[i] * w[i];
            across += q[i] * perp[i];
        }
        double[] rescaled = geo.coordinates()[4];
        assertEquals(rescaled[0], along / Math.sqrt(ww), 1e-12);
        assertEquals(rescaled[1], across / geo.perpNorm(), 1e-12);
        assertEquals(Math.sqrt(gg), Math.sqrt(Parameter.dot(q, q)), 1e-12);
    }

    @Test
    void theOrthogonalPartIsAccurateWhenGIsNearlyParallelToW() {
        // g = 3w + 1e-9 (1, -1, 0, 0): g_perp = 1e-9 (1, -1, 0, 0); |g|^2 - (w.g)^2/w.w would cancel to noise
        double e = 1e-9;
        OrthoGradGeometry geo = OrthoGradGeometry.of(matrix("W", 1, 4, new double[] {1, 1, 0, 0}, new double[] {3 + e, 3 - e, 0, 0}));
        assertEquals(Math.sqrt(2) * e, geo.perpNorm(), 1e-5 * Math.sqrt(2) * e);
        assertEquals(1.0, geo.cosine(), 1e-15);
    }

    @Test
    void zeroGradientGivesZeroVectorsNotNaN() {
        OrthoGradGeometry geo = OrthoGradGeometry.of(matrix("W", 1, 2, new double[] {1, 0}, new double[] {0, 0}));
        assertEquals(0, geo.cosine(), 0);
        assertEquals(90, geo.angleDegrees(), 1e-12);
        for (double[] v : geo.coordinates()) for (double c : v) assertEquals(false, Double.isNaN(c));
    }
}
