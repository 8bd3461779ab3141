package lab.softmax.engine.normalize;

import lab.softmax.engine.numeric.Arithmetic;

/** p_i = softplus(x_i) / sum_j softplus(x_j), softplus(x) = log(1 + e^x) computed stably. */
final class SoftplusNormalizer implements Normalizer {
    static double softplus(double x, Arithmetic a) {
        if (x > 0) {
            return a.add(x, a.log1p(a.exp(-x)));
        }
        return a.log1p(a.exp(x));
    }

    @Override
    public double[] apply(double[] x, Arithmetic a, boolean subtractMax, NumericEvents events) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = softplus(x[i], a);
            if (s[i] == Double.POSITIVE_INFINITY) events.overflowed++;
        }
        return Normalizer.divideAll(s, Normalizer.sum(s, a, events), a);
    }
}
