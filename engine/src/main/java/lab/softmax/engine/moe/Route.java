package lab.softmax.engine.moe;

import java.util.Arrays;

/**
 * One input's routing: the active experts in ascending index and their weights in the same order (they sum to 1
 * except with {@link Router#SOFTMAX_TOPK}).
 */
public record Route(int[] active, double[] weights) {
    public Route {
        if (active.length != weights.length) throw new IllegalArgumentException("active and weights differ in length");
        active = active.clone();
        weights = weights.clone();
    }

    @Override public int[] active() { return active.clone(); }

    @Override public double[] weights() { return weights.clone(); }

    /** The weight of expert i (0 when inactive). */
    public double weightOf(int expert) {
        for (int a = 0; a < active.length; a++) {
            if (active[a] == expert) return weights[a];
        }
        return 0;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Route r && Arrays.equals(active, r.active) && Arrays.equals(weights, r.weights);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(active) + Arrays.hashCode(weights); }

    @Override public String toString() { return "Route" + Arrays.toString(active) + Arrays.toString(weights); }
}
