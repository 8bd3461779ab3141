package lab.softmax.engine.kernels;

/**
 * The float64 reference the kernels are checked against: max-shifted softmax evaluated in double
 * with a compensated (Neumaier) sum. Works on the fp32 input as given (the logits are exact in
 * double), streaming, so a 64M-element check needs no double array.
 */
public final class Fp64Reference {
    /** Below this a float output is at or near the subnormal range, where relative error is meaningless. */
    public static final double RELATIVE_FLOOR = 0x1p-125;

    private Fp64Reference() { }

    public static double logSumExp(float[] x, int from, int to) {
        double[] ms = maxAndSum(x, from, to);
        return ms[0] == Double.NEGATIVE_INFINITY ? ms[0] : ms[0] + Math.log(ms[1]);
    }

    /** {max, Σ exp(x − max)} with a compensated sum; kept apart so that huge logits (m + log Σ = m) stay exact. */
    private static double[] maxAndSum(float[] x, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) m = Math.max(m, x[i]);
        if (m == Double.NEGATIVE_INFINITY) return new double[] {m, 0};
        double sum = 0;
        double compensation = 0;
        for (int i = from; i < to; i++) {
            double term = Math.exp(x[i] - m);
            double t = sum + term;
            compensation += Math.abs(sum) >= term ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        return new double[] {m, sum + compensation};
    }

    /** softmax in double of a double vector (for the emulated-precision and fp64 paths). */
    public static double[] softmax(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) m = Math.max(m, v);
        double[] y = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i] - m);
            sum += y[i];
        }
        for (int i = 0; i < x.length; i++) y[i] /= sum;
        return y;
    }

    /**
     * Largest |y − ref| / ref over entries whose reference is ≥ {@link #RELATIVE_FLOOR}; entries below
     * it count as errors of 1 only if they are off by more than 2^-124 in absolute terms (a flushed
     * subnormal is not an error, a 1e-30 where 0 belongs is). NaN in y gives NaN.
     */
    public static double maxRelativeError(float[] x, float[] y, int from, int to) {
        double[] ms = maxAndSum(x, from, to);
        double worst = 0;
        for (int i = from; i < to; i++) {
            double ref = Math.exp(x[i] - ms[0]) / ms[1];
            double err = Math.abs(y[i] - ref);
            if (Double.isNaN(err)) return Double.NaN;
            if (ref >= RELATIVE_FLOOR) {
                worst = Math.max(worst, err / ref);
            } else if (err > 0x1p-124) {
                worst = Math.max(worst, 1);
            }
        }
        return worst;
    }
}
