package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Arithmetic;

/**
 * Maps temperature-scaled logits x (already rounded to the precision; -Infinity = masked) to
 * probabilities, doing every operation in the given arithmetic and counting what went wrong.
 */
public interface Normalizer {
    double[] apply(double[] x, Arithmetic arithmetic, boolean subtractMax, NumericEvents events);

    /** Sums in the given arithmetic, left to right, counting terms the sum absorbed entirely. */
    static double sum(double[] terms, Arithmetic a, NumericEvents events) {
        double s = 0;
        for (double t : terms) {
            double next = a.add(s, t);
            if (t > 0 && next == s && Double.isFinite(s)) {
                events.absorbed++;
            }
            s = next;
        }
        events.denominator = s;
        return s;
    }

    static double[] divideAll(double[] terms, double sum, Arithmetic a) {
        double[] p = new double[terms.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = a.div(terms[i], sum);
        }
        return p;
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (v > m) m = v;
        }
        return m;
    }
}
