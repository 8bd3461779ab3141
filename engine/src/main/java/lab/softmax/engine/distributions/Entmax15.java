package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.task.Cancellation;

/**
 * 1.5-entmax (Peters, Niculae & Martins 2019): p_i = [x_i/2 - tau]_+^2 with tau such that the
 * p sum to one, found by the exact sort-based algorithm: for the top k of the sorted x/2,
 * tau_k = mean_k - sqrt((1 - k (meanSq_k - mean_k^2)) / k); the support is the largest k with
 * tau_k <= z_(k). Shift-invariant.
 */
final class Entmax15 implements Normalizer {
    @Override
    public double[] apply(double[] x, Arithmetic a, boolean subtractMax, NumericEvents events, Cancellation cancellation) {
        double[] half = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            half[i] = a.mul(x[i], 0.5);
        }
        // Shift by the max (exact in any precision for the top entry) so squares stay in range.
        double m = Normalizer.max(half, cancellation);
        for (int i = 0; i < half.length; i++) {
            cancellation.throwIfCancelledAt(i);
            half[i] = a.sub(half[i], m);
        }
        double[] sorted = SortedLogits.descendingFinite(half, cancellation);
        double sum = 0;
        double sumSq = 0;
        double tau = Double.NaN;
        for (int j = 0; j < sorted.length; j++) {
            cancellation.throwIfCancelledAt(j);
            int k = j + 1;
            sum = a.add(sum, sorted[j]);
            sumSq = a.add(sumSq, a.mul(sorted[j], sorted[j]));
            double mean = a.div(sum, k);
            double meanSq = a.div(sumSq, k);
            double delta = a.div(a.sub(1.0, a.mul(k, a.sub(meanSq, a.mul(mean, mean)))), k);
            double tauK = a.sub(mean, a.sqrt(Math.max(delta, 0.0)));
            if (tauK <= sorted[j]) {
                tau = tauK;
            } else {
                break;
            }
        }
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            double d = Math.max(a.sub(half[i], tau), 0.0);
            p[i] = a.mul(d, d);
        }
        return p;
    }
}
