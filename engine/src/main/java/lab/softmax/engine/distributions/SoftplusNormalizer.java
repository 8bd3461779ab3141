package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.task.Cancellation;

/**
 * p_i = softplus(x_i) / sum_j softplus(x_j), softplus(x) = log(1 + e^x) computed stably.
 * When every softplus value underflows to 0 (all x below about -745 in fp64, -17 in fp16) the
 * plain ratio would be 0/0 although p is well defined; then the weights are rescaled by e^-M
 * (M = max x): e^-M softplus(x) = e^(x - M) * g(e^x) with g(u) = log1p(u)/u in [log 2, 1], g(0) = 1.
 */
final class SoftplusNormalizer implements Normalizer {
    static double softplus(double x, Arithmetic a) {
        if (x > 0) {
            return a.add(x, a.log1p(a.exp(-x)));
        }
        return a.log1p(a.exp(x));
    }

    @Override
    public double[] apply(double[] x, Arithmetic a, boolean subtractMax, NumericEvents events, Cancellation cancellation) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            s[i] = softplus(x[i], a);
            if (s[i] == Double.POSITIVE_INFINITY) events.overflowed++;
        }
        double sum = Normalizer.sum(s, a, events, cancellation);
        if (sum == 0) {
            s = rescaledBelowUnderflow(x, a, cancellation);
            sum = Normalizer.sum(s, a, events, cancellation);
        }
        return Normalizer.divideAll(s, sum, a, cancellation);
    }

    private static double[] rescaledBelowUnderflow(double[] x, Arithmetic a, Cancellation cancellation) {
        double m = Normalizer.max(x, cancellation);
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            double u = a.exp(x[i]);
            double g = u == 0 ? 1.0 : a.div(a.log1p(u), u);
            w[i] = a.mul(a.exp(a.sub(x[i], m)), g);
        }
        return w;
    }
}
