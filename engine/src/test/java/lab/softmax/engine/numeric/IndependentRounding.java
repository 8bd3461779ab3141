package lab.softmax.engine.numeric;

/**
 * Rounding references that share nothing with {@link Precision}: the JDK's own float16
 * conversion, and a bit-level bf16 round-to-nearest-even on the float32 bits.
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
