package lab.softmax.engine.kernels;

/**
 * An extended-exponent sum (Dukhan & Ablavatski): Σ exp(x_i) = mantissa · 2^exponent, with
 * exponent an integer (held in a double so that logits of ±1e30 keep it finite). Rescaling
 * multiplies by exact powers of two, never by an exp, so it neither overflows nor underflows.
 */
public record ExtendedSum(double exponent, double mantissa) implements SoftmaxReduction {
    public static final ExtendedSum EMPTY = new ExtendedSum(Double.NEGATIVE_INFINITY, 0);

    @Override
    public double logSumExp() { return logSumExp(exponent, mantissa); }

    /** ln Σ exp(x) of mantissa · 2^exponent without making the record. */
    static double logSumExp(double exponent, double mantissa) {
        return mantissa == 0 ? Double.NEGATIVE_INFINITY : Math.log(mantissa) + exponent * Math.log(2);
    }

    @Override
    public ExtendedSum combine(SoftmaxReduction other) {
        ExtendedSum o = (ExtendedSum) other;
        if (o.mantissa == 0) return this;
        if (mantissa == 0) return o;
        double e = Math.max(exponent, o.exponent);
        return new ExtendedSum(e, scale(mantissa, exponent - e) + scale(o.mantissa, o.exponent - e));
    }

    /** value · 2^delta for delta ≤ 0; exact unless the result underflows double. */
    static double scale(double value, double delta) {
        return Math.scalb(value, (int) Math.max(delta, -2000));
    }
}
