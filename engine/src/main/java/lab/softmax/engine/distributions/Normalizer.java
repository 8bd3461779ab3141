package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.task.Cancellation;

/**
 * Maps temperature-scaled logits x (already rounded to the precision; -Infinity = masked) to
 * probabilities, doing every operation in the given arithmetic and counting what went wrong.
 * Every pass over the vector checks the cancellation every {@link Cancellation#ELEMENTS_PER_CHECK} elements
 * (5·10⁷ values take seconds).
 */
public interface Normalizer {
    double[] apply(double[] x, Arithmetic arithmetic, boolean subtractMax, NumericEvents events, Cancellation cancellation);

    /** Without cancellation (a row of an attention map). */
    default double[] apply(double[] x, Arithmetic arithmetic, boolean subtractMax, NumericEvents events) {
        return apply(x, arithmetic, subtractMax, events, Cancellation.none());
    }

    /** Sums in the given arithmetic, left to right, counting terms the sum absorbed entirely. */
    static double sum(double[] terms, Arithmetic a, NumericEvents events, Cancellation cancellation) {
        double s = 0;
        for (int i = 0; i < terms.length; i++) {
            cancellation.throwIfCancelledAt(i);
            double t = terms[i];
            double next = a.add(s, t);
            if (t > 0 && next == s && Double.isFinite(s)) {
                events.absorbed++;
            }
            s = next;
        }
        events.denominator = s;
        return s;
    }

    static double[] divideAll(double[] terms, double sum, Arithmetic a, Cancellation cancellation) {
        double[] p = new double[terms.length];
        for (int i = 0; i < p.length; i++) {
            cancellation.throwIfCancelledAt(i);
            p[i] = a.div(terms[i], sum);
        }
        return p;
    }

    static double max(double[] x) {
        return max(x, Cancellation.none());
    }

    static double max(double[] x, Cancellation cancellation) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            if (x[i] > m) m = x[i];
        }
        return m;
    }
}
