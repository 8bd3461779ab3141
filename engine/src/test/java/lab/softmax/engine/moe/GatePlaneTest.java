package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

class GatePlaneTest {
    @Test
    void everyPixelMatchesTheSortingReference() {
        SplitMix64 rng = new SplitMix64(8);
        for (int trial = 0; trial < 20; trial++) {
            int k = 2 + rng.nextInt(6);
            int topK = 1 + rng.nextInt(k);
            double[][] w = new double[k][2];
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                w[i][0] = 4 * rng.nextDouble() - 2;
                w[i][1] = 4 * rng.nextDouble() - 2;
                b[i] = 2 * rng.nextDouble() - 1;
            }
            Gates g = new Gates(w, b);
            int chosen = rng.nextInt(k);
            double temp = 0.2 + 3 * rng.nextDouble();
            Router router = Router.values()[rng.nextInt(3)];
            GatePlane.Rect rect = new GatePlane.Rect(-2, 3, -1, 2);
            GatePlane.Frame f = GatePlane.evaluate(g, topK, temp, router, chosen, rect, 23, 17);
            for (int r = 0; r < 17; r++) {
                for (int c = 0; c < 23; c++) {
                    double x = -2 + (c + 0.5) * 5.0 / 23;
                    double y = 2 - (r + 0.5) * 3.0 / 17;
                    double[] l = new double[k];
                    for (int i = 0; i < k; i++) l[i] = (w[i][0] * x + w[i][1] * y + b[i]) / temp;
                    int[] set = TopKGatingTest.referenceTopK(l, topK);
                    int px = r * 23 + c;
                    assertArrayEquals(set, TopK.unrank(f.setId[px], k, topK));
                    assertEquals(TopKGatingTest.referenceTopK(l, 1)[0], f.top1[px]);
                    double[] p = TopKGatingTest.plainSoftmax(l);
                    double expect = 0;
                    double kept = 0;
                    for (int i : set) kept += p[i];
                    for (int i : set) {
                        if (i == chosen) expect = router == Router.SOFTMAX_TOPK ? p[i] : p[i] / kept;
                    }
                    assertEquals(expect, f.weight[px], 1e-6);
                }
            }
        }
    }

    @Test
    void temperatureNeverChangesThePartitionButChangesWeights() {
        MoeState s = MoeState.defaults();
        GatePlane.Frame a = GatePlane.evaluate(s.gates(), 2, 0.05, Router.TOPK_SOFTMAX, 0, s.rect(), 80, 80);
        GatePlane.Frame b = GatePlane.evaluate(s.gates(), 2, 7, Router.TOPK_SOFTMAX, 0, s.rect(), 80, 80);
        assertArrayEquals(a.setId, b.setId);
        assertArrayEquals(a.top1, b.top1);
        assertNotEquals(java.util.Arrays.hashCode(a.weight), java.util.Arrays.hashCode(b.weight));
    }

    @Test
    void chosenWeightJumpsAtARegionBoundary() {
        // Three experts on a line: logits (x, 0, -x)·1 + biases; top-2 with expert 1 always in; expert 0 leaves at x = 0.
        Gates g = new Gates(new double[][] {{1, 0}, {0, 0}, {-1, 0}}, new double[] {0, 1, 0});
        GatePlane.Frame f = GatePlane.evaluate(g, 2, 1, Router.TOPK_SOFTMAX, 1, new GatePlane.Rect(-1, 1, -1, 1), 200, 1);
        // just left and right of x = 0 expert 1 keeps weight ≈ e/(e+1): continuous; expert 0's weight jumps from 1/(1+e) to 0
        GatePlane.Frame f0 = GatePlane.evaluate(g, 2, 1, Router.TOPK_SOFTMAX, 0, new GatePlane.Rect(-1, 1, -1, 1), 200, 1);
        assertEquals(0, f0.weight[99]);
        assertEquals(1 / (1 + Math.E), f0.weight[100], 0.01);
        assertEquals(f.weight[99], f.weight[100], 0.02);
    }
}
