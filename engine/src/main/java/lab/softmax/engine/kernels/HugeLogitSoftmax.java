package lab.softmax.engine.kernels;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The two-pass sum for chunks whose logits reach |x·log2 e| ≥ 2^21, where fp32 cannot hold round(x·log2 e)
 * exactly. exp(x_i) = exp((x_i − m) + r) · 2^n with m the chunk max and m = n·ln 2 + r reduced exactly
 * (BigDecimal, once per chunk); x_i − m is exact in double wherever its weight is not 0. Slow, but such
 * rows are rare, and the answer keeps the extended-sum contract: an exact integer exponent.
 */
final class HugeLogitSoftmax {
    private static final BigDecimal LN2 = new BigDecimal(
            "0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863327");
    private static final MathContext MC = new MathContext(80, RoundingMode.HALF_EVEN);
    /**
     * From here on a float's spacing is ≥ 2^27, so only logits equal to the max carry weight: n need only be a
     * deterministic, monotone integer (the double nearest m·log2 e) and r = 0, a factor common to all of them.
     */
    private static final double EXACT_LIMIT = 0x1p50;

    private HugeLogitSoftmax() { }

    /** m = n·ln 2 + r with n an integer held exactly in a double. */
    record Reduced(double n, double r) { }

    static Reduced reduce(float m) {
        if (Math.abs(m) >= EXACT_LIMIT) return new Reduced(Math.rint(m * (1 / Math.log(2))), 0);
        BigDecimal bm = new BigDecimal(m);
        BigDecimal n = bm.divide(LN2, MC).setScale(0, RoundingMode.HALF_EVEN);
        return new Reduced(n.doubleValue(), bm.subtract(n.multiply(LN2)).doubleValue());
    }

    static ExtendedSum reduce(float[] x, int from, int to) {
        float m = ScalarThreePassRecompute.scalarMax(x, from, to);
        if (m == Float.NEGATIVE_INFINITY) return ExtendedSum.EMPTY;
        Reduced red = reduce(m);
        double sum = 0;
        for (int i = from; i < to; i++) sum += Math.exp(((double) x[i] - m) + red.r());
        return new ExtendedSum(red.n(), sum);
    }

    static void normalise(float[] x, float[] y, int from, int to, ExtendedSum row) {
        float m = ScalarThreePassRecompute.scalarMax(x, from, to);
        if (m == Float.NEGATIVE_INFINITY) {
            for (int i = from; i < to; i++) y[i] = 0;
            return;
        }
        Reduced red = reduce(m);
        double inv = 1 / row.mantissa();
        double delta = red.n() - row.exponent();
        for (int i = from; i < to; i++) {
            y[i] = (float) ExtendedSum.scale(Math.exp(((double) x[i] - m) + red.r()) * inv, delta);
        }
    }
}
