package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.task.Cancellation;

/**
 * Sparsemax (Martins & Astudillo 2016): the Euclidean projection onto the simplex. Sort
 * descending, k* = max{k : 1 + k z_(k) > sum_{j<=k} z_(j)}, tau = (sum_{j<=k*} z_(j) - 1)/k*,
 * p_i = max(z_i - tau, 0). Its zeros are exact by design. Shift-invariant, so no max shift needed.
 */
final class Sparsemax implements Normalizer {
    @Override
    public double[] apply(double[] x, Arithmetic a, boolean subtractMax, NumericEvents events, Cancellation cancellation) {
        double[] sorted = SortedLogits.descendingFinite(x, cancellation);
        if (sorted.length == 0 || Normalizer.max(x) == Double.POSITIVE_INFINITY) {
            // A scaled logit overflowed to +Infinity, or every one to +-Infinity, in this precision: the
            // projection is undefined (as softmax's Infinity - Infinity): NaN, shown as data. Sorting only
            // the finite entries would instead give the finite ones all the mass and +Infinity the rest.
            double[] undefined = new double[x.length];
            java.util.Arrays.fill(undefined, Double.NaN);
            return undefined;
        }
        // Shift-invariant, so work on y = x - max: the top entry is exactly 0, which keeps the
        // test 1 + k*y_(k) > sum exact for k = 1 (k* >= 1 always) and the sums small. Unshifted,
        // large logits lose the 1 to rounding (1 + 1e4 == 1e4 in fp16): k* = 0 and tau = -Infinity.
        double m = sorted[0];
        double cumulative = 0;
        double support = 0;
        int k = 0;
        for (int j = 0; j < sorted.length; j++) {
            cancellation.throwIfCancelledAt(j);
            double y = a.sub(sorted[j], m);
            cumulative = a.add(cumulative, y);
            int rank = j + 1;
            if (a.add(1.0, a.mul(rank, y)) > cumulative) {
                k = rank;
                support = cumulative;
            }
        }
        double tau = a.div(a.sub(support, 1.0), k);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            p[i] = Math.max(a.sub(a.sub(x[i], m), tau), 0.0);
        }
        return p;
    }
}
