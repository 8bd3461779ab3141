package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;

/**
 * Top-K selection and sparse softmax gating.
 *
 * <p>Order: expert i outranks expert j when l_i &gt; l_j, or when l_i == l_j and i &lt; j (ties: the lowest index
 * wins). The top-K set is the K experts of highest rank, so exactly K experts are active for any logits. Active sets
 * are always returned in ascending expert index. NaN logits are not allowed (the callers validate them).
 */
public final class TopK {
    private TopK() { }

    /** Throws unless 1 ≤ topK ≤ experts. */
    public static void requireK(int topK, int experts) {
        if (topK < 1 || topK > experts) {
            throw new InputException("top-k", topK + " is outside 1.." + experts + " (the number of experts)");
        }
    }

    /**
     * Writes the indices of the K highest-ranked logits, ascending, into active[0..K-1]. Cost O(k²), which is the fastest
     * for the k ≤ ~16 of a gate.
     */
    public static void select(double[] logits, int k, int topK, int[] active) {
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (ranksInTop(logits, k, topK, i)) active[m++] = i;
        }
    }

    /** Bit mask of the top-K set (k ≤ 63). */
    public static long mask(double[] logits, int k, int topK) {
        long mask = 0;
        for (int i = 0; i < k; i++) {
            if (ranksInTop(logits, k, topK, i)) mask |= 1L << i;
        }
        return mask;
    }

    /** Whether logit i is among the K highest of logits[0..k-1]; ties go to the lower index. */
    private static boolean ranksInTop(double[] logits, int k, int topK, int i) {
        double li = logits[i];
        int above = 0;
        for (int j = 0; j < k; j++) {
            double lj = logits[j];
            if (lj > li || (lj == li && j < i)) above++;
        }
        return above < topK;
    }

    /** The top-K set of the given logits, ascending. */
    public static int[] select(double[] logits, int topK) {
        requireK(topK, logits.length);
        int[] a = new int[topK];
        select(logits, logits.length, topK, a);
        return a;
    }

    /**
     * Route one input: the top-K set of the logits (already divided by the temperature) and the router's weights on
     * it, in the same ascending order.
     */
    public static Route route(double[] logits, int topK, Router router) {
        int k = logits.length;
        requireK(topK, k);
        for (int i = 0; i < k; i++) {
            if (Double.isNaN(logits[i])) throw new IllegalArgumentException("logits[" + i + "]: NaN");
        }
        int[] active = new int[topK];
        select(logits, k, topK, active);
        double[] w = new double[topK];
        weights(logits, k, active, topK, router, w);
        return new Route(active, w);
    }

    /** The router's weights on the given active set, into w[0..K-1]. */
    public static void weights(double[] logits, int k, int[] active, int topK, Router router, double[] w) {
        switch (router) {
            case TOPK_SOFTMAX -> {
                double m = logits[active[0]];
                for (int a = 1; a < topK; a++) m = Math.max(m, logits[active[a]]);
                double s = 0;
                for (int a = 0; a < topK; a++) {
                    w[a] = Math.exp(logits[active[a]] - m);
                    s += w[a];
                }
                for (int a = 0; a < topK; a++) w[a] /= s;
            }
            case SOFTMAX_TOPK, SOFTMAX_TOPK_RENORM -> {
                double m = logits[0];
                for (int i = 1; i < k; i++) m = Math.max(m, logits[i]);
                double s = 0;
                for (int i = 0; i < k; i++) s += Math.exp(logits[i] - m);
                double kept = 0;
                for (int a = 0; a < topK; a++) {
                    w[a] = Math.exp(logits[active[a]] - m) / s;
                    kept += w[a];
                }
                if (router == Router.SOFTMAX_TOPK_RENORM) {
                    for (int a = 0; a < topK; a++) w[a] /= kept;
                }
            }
        }
    }

    /** Dense softmax of all k logits, into p (max-subtracted). */
    public static void softmax(double[] logits, int k, double[] p) {
        double m = logits[0];
        for (int i = 1; i < k; i++) m = Math.max(m, logits[i]);
        double s = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp(logits[i] - m);
            s += p[i];
        }
        for (int i = 0; i < k; i++) p[i] /= s;
    }

    /** Binomial coefficient C(n, r) as a long (exact for the small n of a gate). */
    public static long choose(int n, int r) {
        if (r < 0 || r > n) return 0;
        long c = 1;
        for (int i = 1; i <= r; i++) c = c * (n - r + i) / i;
        return c;
    }

    /**
     * Colexicographic rank of a K-subset given as a bit mask: 0 .. C(k, K) − 1, the same id for the same set whatever
     * the gate parameters (stable colours while a slider moves).
     */
    public static int rank(long mask) {
        long r = 0;
        int pos = 1;
        long m = mask;
        while (m != 0) {
            int i = Long.numberOfTrailingZeros(m);
            r += choose(i, pos);
            pos++;
            m &= m - 1;
        }
        return (int) r;
    }

    /** The K-subset (ascending) of colexicographic rank id among the subsets of {0..k-1}. */
    public static int[] unrank(int id, int k, int topK) {
        int[] out = new int[topK];
        long r = id;
        for (int pos = topK; pos >= 1; pos--) {
            int i = pos - 1;
            while (choose(i + 1, pos) <= r) i++;
            out[pos - 1] = i;
            r -= choose(i, pos);
        }
        return out;
    }
}
