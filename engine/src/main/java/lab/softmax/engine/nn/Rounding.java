package lab.softmax.engine.nn;

import lab.softmax.engine.numeric.Precision;

/**
 * Fast rounding of a double to a precision, specialised per format. fp16 goes through float:
 * float has 24 >= 2 * 11 + 2 significand bits, so for +, -, *, / and sqrt of fp16 values the
 * double result rounded to float and then to fp16 equals the correctly rounded fp16 result, and
 * {@link Float#floatToFloat16} rounds to nearest even (a hardware instruction on F16C machines).
 */
public final class Rounding {
    private Rounding() { }

    public static double round(Precision p, double x) {
        return switch (p) {
            case FP64 -> x;
            case FP32 -> (float) x;
            case FP16 -> Float.float16ToFloat(Float.floatToFloat16((float) x));
            case BF16 -> p.round(x);
        };
    }

    /**
     * The precision torch computes a half/bfloat16 softmax in internally: float32 for the 16-bit
     * formats, the format itself otherwise.
     */
    public static Precision internal(Precision p) {
        return p == Precision.FP16 || p == Precision.BF16 ? Precision.FP32 : p;
    }
}
