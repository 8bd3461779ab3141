package lab.softmax.engine.numeric;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

/**
 * A floating-point format whose arithmetic is emulated by rounding every result computed in
 * double to the format, round-to-nearest, ties-to-even (as hardware of that format would).
 */
public enum Precision {
    FP64("fp64", 53, -1022, Double.MAX_VALUE),
    FP32("fp32", 24, -126, Float.MAX_VALUE),
    FP16("fp16", 11, -14, 65504.0),
    BF16("bf16", 8, -126, 0x1.FEp127);

    private final String id;
    private final int significandBits;
    private final int minExponent;
    private final double maxFinite;

    Precision(String id, int significandBits, int minExponent, double maxFinite) {
        this.id = id;
        this.significandBits = significandBits;
        this.minExponent = minExponent;
        this.maxFinite = maxFinite;
    }

    @JsonValue
    public String id() { return id; }

    /** Bits of the significand including the implicit one (53, 24, 11, 8). */
    public int significandBits() { return significandBits; }

    public double maxFinite() { return maxFinite; }

    /** Unit roundoff u = 2^-p: 1 + x == 1 exactly when |x| < u (ties aside). */
    public double unitRoundoff() { return Math.scalb(1.0, -significandBits); }

    public double minNormal() { return Math.scalb(1.0, minExponent); }

    public double minSubnormal() { return Math.scalb(1.0, minExponent - significandBits + 1); }

    /** Rounds x to this format, ties to even; overflow goes to ±Infinity, NaN stays NaN. */
    public double round(double x) {
        switch (this) {
            case FP64: return x;
            case FP32: return (float) x;
            default: return roundGeneric(x);
        }
    }

    private double roundGeneric(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        int exponent = Math.max(Math.getExponent(x), minExponent);
        int ulpExponent = exponent - (significandBits - 1);
        // x / ulp is exact (power-of-two scaling, far from double's limits); rint rounds ties to even.
        double rounded = Math.scalb(Math.rint(Math.scalb(x, -ulpExponent)), ulpExponent);
        if (Math.abs(rounded) > maxFinite) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        return rounded;
    }

    @JsonCreator
    public static Precision parse(String name) { return EnumIds.parse(values(), Precision::id, name, "precision"); }

    @Override
    public String toString() { return id; }
}
