package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BatchRoutingTest {
    @Test
    void capacityDropsOverflowInBatchOrder() {
        // Two experts on d = 1, logits (x, 0): every positive x prefers expert 0.
        Gates g = new Gates(new double[][] {{1}, {0}}, new double[] {0, 0});
        double[][] xs = {{1}, {2}, {3}, {-1}};
        BatchRouting.Result r = BatchRouting.route(g, xs, 1, 1, Router.TOPK_SOFTMAX, 1.0);
        assertEquals(2, r.capacity()); // floor(1 · K·N/k) = floor(4/2)
        assertArrayEquals(new int[] {3, 1}, r.load());
        assertArrayEquals(new int[] {2, 1}, r.served());
        assertEquals(1, r.droppedAssignments());
        assertEquals(1, r.droppedInputs());
        assertArrayEquals(new int[0], r.dropped().get(1));
        assertArrayEquals(new int[] {0}, r.dropped().get(2)); // the third input overflowed expert 0
        // Switch loss, K = 1: f = (3/4, 1/4), P_i = mean dense probability
        double p0 = (sig(1) + sig(2) + sig(3) + sig(-1)) / 4;
        assertEquals(2 * (0.75 * p0 + 0.25 * (1 - p0)), r.auxLoss(), 1e-14);
        assertEquals(0, r.meanEntropy(), 0);
        assertEquals(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), r.loadEntropy(), 1e-14);
    }

    @Test
    void balancedRoutingHasAuxLossOneAndNoLimitDropsNothing() {
        // Logits independent of x and equal: K = k, each expert gets every input and P_i = 1/k.
        Gates g = new Gates(new double[][] {{0}, {0}, {0}}, new double[] {0, 0, 0});
        double[][] xs = {{1}, {2}, {3}, {4}, {5}};
        BatchRouting.Result r = BatchRouting.route(g, xs, 3, 1, Router.SOFTMAX_TOPK, 0);
        assertEquals(1.0, r.auxLoss(), 1e-15);
        assertEquals(0, r.droppedAssignments());
        assertEquals(Math.log(3), r.meanEntropy(), 1e-14);
        assertEquals(Math.log(3), r.loadEntropy(), 1e-14);
    }

    private static double sig(double z) { return 1 / (1 + Math.exp(-z)); }
}
