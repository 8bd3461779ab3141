package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.task.Cancellation;

/**
 * StableMax (Prieto et al. 2025): s(x) = x + 1 for x >= 0, 1/(1 - x) for x < 0, normalised.
 * Not shift-invariant, so the max shift is never applied.
 */
final class StableMax implements Normalizer {
    static double s(double x, Arithmetic a) {
        return x >= 0 ? a.add(x, 1.0) : a.div(1.0, a.sub(1.0, x));
    }

    @Override
    public double[] apply(double[] x, Arithmetic a, boolean subtractMax, NumericEvents events, Cancellation cancellation) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            s[i] = s(x[i], a);
            if (s[i] == Double.POSITIVE_INFINITY) events.overflowed++;
        }
        return Normalizer.divideAll(s, Normalizer.sum(s, a, events, cancellation), a, cancellation);
    }
}
