package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.task.Cancellation;

/** p_i = exp(x_i - m) / sum_j exp(x_j - m); with the max shift off, m = 0 and exp may overflow. */
final class Softmax implements Normalizer {
    @Override
    public double[] apply(double[] x, Arithmetic a, boolean subtractMax, NumericEvents events, Cancellation cancellation) {
        double m = subtractMax ? Normalizer.max(x, cancellation) : 0.0;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            e[i] = a.exp(a.sub(x[i], m));
            if (e[i] == Double.POSITIVE_INFINITY) events.overflowed++;
        }
        return Normalizer.divideAll(e, Normalizer.sum(e, a, events, cancellation), a, cancellation);
    }
}
