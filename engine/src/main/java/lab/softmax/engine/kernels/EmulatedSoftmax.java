package lab.softmax.engine.kernels;

import lab.softmax.engine.numeric.Precision;

/**
 * The four algorithms step by step in an emulated precision (fp64, fp16, bf16, or fp32 for
 * comparison): every arithmetic result and every exp is rounded to the precision, as hardware of
 * that format would compute it. Slow and clear; used by {@code softmax --precision} and the
 * step-through, not for speed.
 */
public final class EmulatedSoftmax {
    /** Probabilities and ln Σ exp(x) as the algorithm computed them (in the precision). */
    public record Result(double[] probabilities, double logSumExp) { }

    private static final double LN2 = Math.log(2);

    private EmulatedSoftmax() { }

    /** @param x logits already rounded to the precision; finite or -Infinity, at least one finite */
    public static Result run(Algorithm algorithm, Precision p, double[] x) {
        return switch (algorithm) {
            case THREE_PASS_RECOMPUTE, THREE_PASS_RELOAD -> threePass(p, x, algorithm == Algorithm.THREE_PASS_RELOAD);
            case ONLINE -> online(p, x);
            case TWO_PASS -> twoPass(p, x);
        };
    }

    private static double exp(Precision p, double v) { return p.round(Math.exp(v)); }

    private static Result threePass(Precision p, double[] x, boolean reload) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) m = Math.max(m, v);
        double[] y = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double e = exp(p, p.round(x[i] - m));
            if (reload) y[i] = e;
            sum = p.round(sum + e);
        }
        double inv = p.round(1 / sum);
        for (int i = 0; i < x.length; i++) {
            y[i] = reload ? p.round(y[i] * inv) : p.round(exp(p, p.round(x[i] - m)) / sum);
        }
        return new Result(y, m + Math.log(sum));
    }

    private static Result online(Precision p, double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        double d = 0;
        for (double v : x) {
            if (v == Double.NEGATIVE_INFINITY) continue;
            if (v > m) {
                d = m == Double.NEGATIVE_INFINITY ? 1 : p.round(p.round(d * exp(p, p.round(m - v))) + 1);
                m = v;
            } else {
                d = p.round(d + exp(p, p.round(v - m)));
            }
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = p.round(exp(p, p.round(x[i] - m)) / d);
        return new Result(y, m + Math.log(d));
    }

    private static Result twoPass(Precision p, double[] x) {
        double accE = Double.NEGATIVE_INFINITY;
        double accV = 0;
        double[] n = new double[x.length];
        double[] mant = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == Double.NEGATIVE_INFINITY) continue;
            n[i] = Math.rint(x[i] / LN2);
            mant[i] = Math.abs(n[i]) >= 0x1p50 ? 1 : exp(p, p.round(x[i] - p.round(n[i] * LN2)));
            if (n[i] > accE) {
                accV = p.round(p.round(ExtendedSum.scale(accV, accE - n[i])) + mant[i]);
                accE = n[i];
            } else {
                accV = p.round(accV + p.round(ExtendedSum.scale(mant[i], n[i] - accE)));
            }
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] == Double.NEGATIVE_INFINITY ? 0 : p.round(ExtendedSum.scale(p.round(mant[i] / accV), n[i] - accE));
        }
        return new Result(y, Math.log(accV) + accE * LN2);
    }
}
