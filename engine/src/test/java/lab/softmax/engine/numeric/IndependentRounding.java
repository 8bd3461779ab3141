package lab.softmax.engine.numeric;

/**
 * Rounding references that share nothing with {@link Precision}: the JDK's own float16
 * conversion, a bit-level bf16 round-to-nearest-even on the float32 bits, and a bit-level fp32
 * rounding of a double that does not use the cast it checks.
 */
public final class IndependentRounding {
    private IndependentRounding() { }

    /** fp16 of a value exactly representable as a float (one rounding, by the JDK). */
    public static double fp16(float f) {
        return Float.float16ToFloat(Float.floatToFloat16(f));
    }

    /**
     * bf16 of a float: keep the top 16 bits after adding 0x7FFF plus the lowest kept bit, so that
     * exact halves go to the even neighbour; a carry out of the fraction bumps the exponent,
     * and past the largest finite value lands exactly on the Infinity pattern 0x7F80.
     */
    public static double bf16(float f) {
        if (Float.isNaN(f)) return Double.NaN;
        int bits = Float.floatToRawIntBits(f);
        int lowestKept = (bits >>> 16) & 1;
        int rounded = (bits + 0x7FFF + lowestKept) & 0xFFFF0000;
        return Float.intBitsToFloat(rounded);
    }

    /**
     * fp32 of a double by integer arithmetic on its bits (no cast): keep the 24 significant bits the
     * float has at that exponent (fewer below 2^-126, down to the 2^-149 of the smallest subnormal),
     * round the dropped bits to nearest with ties to the even kept value, and overflow past the
     * largest float (including the tie above it) to Infinity.
     */
    public static double fp32(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) return d;
        long bits = Double.doubleToRawLongBits(d);
        boolean negative = bits < 0;
        int biased = (int) ((bits >>> 52) & 0x7FF);
        long fraction = bits & ((1L << 52) - 1);
        long significand = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = biased == 0 ? -1074 : biased - 1075;     // d = significand * 2^exponent
        int top = exponent + 63 - Long.numberOfLeadingZeros(significand);   // floor(log2 |d|)
        int ulp = Math.max(top, -126) - 23;                     // the float ulp at that binade
        int drop = ulp - exponent;
        long kept;
        if (drop <= 0) {
            kept = significand << -drop;                          // exact (never more than 24 bits)
        } else if (drop > 62) {
            kept = 0;                                             // far below half the smallest subnormal
        } else {
            kept = significand >>> drop;
            long rest = significand & ((1L << drop) - 1);
            long half = 1L << (drop - 1);
            if (rest > half || (rest == half && (kept & 1) == 1)) kept++;
        }
        double magnitude = Math.scalb((double) kept, ulp);        // exact: kept <= 2^24
        if (magnitude > 0x1.fffffep127) magnitude = Double.POSITIVE_INFINITY;
        return negative ? -magnitude : magnitude;
    }

    /** Whether d is a value of the format (rounding it changes nothing). */
    public static boolean representable(double d, Precision p) {
        if (Double.isNaN(d)) return true;
        return switch (p) {
            case FP64 -> true;
            case FP32 -> (double) (float) d == d;
            case FP16 -> (double) (float) d == d && fp16((float) d) == d;
            case BF16 -> (double) (float) d == d && bf16((float) d) == d;
        };
    }
}
