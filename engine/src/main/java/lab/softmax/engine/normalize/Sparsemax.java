package lab.softmax.engine.normalize;

import lab.softmax.engine.numeric.Arithmetic;

/**
 * Sparsemax (Martins & Astudillo 2016): the Euclidean projection onto the simplex. Sort
 * descending, k* = max{k : 1 + k z_(k) > sum_{j<=k} z_(j)}, tau = (sum_{j<=k*} z_(j) - 1)/k*,
 * p_i = max(z_i - tau, 0). Its zeros are exact by design. Shift-invariant, so no max shift needed.
 */
final class Sparsemax implements Normalizer {
    @Override
    public double[] apply(double[] x, Arithmetic a, boolean subtractMax, NumericEvents events) {
        double[] sorted = SortedLogits.descendingFinite(x);
        double cumulative = 0;
        double support = 0;
        int k = 0;
        for (int j = 0; j < sorted.length; j++) {
            cumulative = a.add(cumulative, sorted[j]);
            int rank = j + 1;
            if (a.add(1.0, a.mul(rank, sorted[j])) > cumulative) {
                k = rank;
                support = cumulative;
            }
        }
        double tau = a.div(a.sub(support, 1.0), k);
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.max(a.sub(x[i], tau), 0.0);
        }
        return p;
    }
}
