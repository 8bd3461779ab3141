package lab.softmax.engine.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** fp16/bf16/fp32 round-to-nearest-even against known bit patterns and independent references. */
class PrecisionTest {
    private static double fp16(double x) { return Precision.FP16.round(x); }

    private static double bf16(double x) { return Precision.BF16.round(x); }

    /** The value of an fp16 bit pattern, decoded by hand: sign, 5 exponent bits, 10 fraction bits. */
    private static double half(int bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        double magnitude = exponent == 0 ? fraction * 0x1p-24
                : exponent == 31 ? (fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : (1024 + fraction) * Math.scalb(1.0, exponent - 25);
        return sign == 1 ? -magnitude : magnitude;
    }

    @Test
    void fp16BoundaryBitPatterns() {
        assertEquals(half(0x7BFF), 65504.0);
        assertEquals(65504.0, fp16(65504.0));
        assertEquals(half(0x7BFF), fp16(65519.99), "below the midpoint 65520: rounds down to max");
        assertEquals(Double.POSITIVE_INFINITY, fp16(65520.0), "the midpoint ties to even, i.e. to 2^16 = overflow");
        assertEquals(Double.NEGATIVE_INFINITY, fp16(-65520.0));
        assertEquals(Double.POSITIVE_INFINITY, fp16(1e6));
        assertEquals(half(0x0400), 0x1p-14);
        assertEquals(0x1p-14, fp16(6.1035156e-5), "min normal 6.1035156e-5 = 2^-14");
        assertEquals(half(0x03FF), fp16(0x1p-14 - 0x1p-24), "largest subnormal");
        assertEquals(half(0x0001), fp16(5.96e-8), "min subnormal 2^-24 = 5.96e-8");
        assertEquals(0.0, fp16(0x1p-25), "half the min subnormal ties to even: 0");
        assertEquals(-0.0, fp16(-0x1p-25));
        assertEquals(0x1p-24, fp16(0x1p-25 + 0x1p-40), "just above half: rounds up");
        assertEquals(0x1p-23, fp16(3 * 0x1p-25), "1.5 subnormal ulps tie to the even 2 ulps");
        assertEquals(half(0x3C00), fp16(1 + 0x1p-11), "1 + 2^-11 ties to even: 1");
        assertEquals(1 + 0x1p-9, fp16(1 + 3 * 0x1p-11), "1 + 3*2^-11 ties to even: 1 + 2^-9");
        assertEquals(1 + 0x1p-10, fp16(1 + 0x1p-11 + 0x1p-30), "just above the tie: up");
        assertEquals(half(0xC000), fp16(-2.0));
        assertEquals(2048.0, fp16(2049.0), "2049 ties to the even 2048");
        assertEquals(2052.0, fp16(2051.0), "2051 ties to the even 2052");
        assertEquals(Double.NaN, fp16(Double.NaN));
    }

    @Test
    void bf16KnownCases() {
        assertEquals(1.0, bf16(1 + 0x1p-8), "1 + 2^-8 ties to even: 1");
        assertEquals(1 + 0x1p-6, bf16(1 + 3 * 0x1p-8), "1 + 3*2^-8 ties to even: 1 + 2^-6");
        assertEquals(0x1.FEp127, bf16(0x1.FEp127), "largest finite bf16");
        assertEquals(0x1.FEp127, bf16(0x1.FEFFFp127));
        assertEquals(Double.POSITIVE_INFINITY, bf16(0x1.FFp127), "midpoint above max ties to even: overflow");
        assertEquals(Double.POSITIVE_INFINITY, bf16(Float.MAX_VALUE));
        assertEquals(0x1p-133, bf16(0x1p-133), "min subnormal 2^-133");
        assertEquals(0.0, bf16(0x1p-134), "half of it ties to 0");
        assertEquals(0x1p-126, bf16(0x1p-126), "min normal");
        assertEquals(3.140625, bf16(Math.PI));
        assertEquals(Precision.BF16.minSubnormal(), 0x1p-133);
        assertEquals(Precision.FP16.minSubnormal(), 0x1p-24);
        assertEquals(Precision.FP16.minNormal(), 0x1p-14);
        assertEquals(Precision.FP16.maxFinite(), 65504.0);
        assertEquals(Precision.FP16.unitRoundoff(), 0x1p-11);
        assertEquals(Precision.BF16.unitRoundoff(), 0x1p-8);
        assertEquals(Precision.FP32.unitRoundoff(), 0x1p-24);
        assertEquals(Precision.FP64.unitRoundoff(), 0x1p-53);
    }

    /** Random float bit patterns (every exponent, subnormals, overflowing values): one rounding each. */
    @Test
    void fp16AndBf16MatchIndependentReferencesOnRandomFloats() {
        Random random = new Random(20261127);
        for (int i = 0; i < 400_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f)) continue;
            assertEquals(IndependentRounding.fp16(f), fp16(f), () -> "fp16 of " + f + " bits " + Integer.toHexString(Float.floatToRawIntBits(f)));
            assertEquals(IndependentRounding.bf16(f), bf16(f), () -> "bf16 of " + f + " bits " + Integer.toHexString(Float.floatToRawIntBits(f)));
        }
        // Dense around fp16's range, where the bit patterns above are sparse.
        for (int i = 0; i < 400_000; i++) {
            float f = (float) ((random.nextBoolean() ? 1 : -1) * Math.scalb(1 + random.nextDouble(), random.nextInt(46) - 30));
            assertEquals(IndependentRounding.fp16(f), fp16(f), () -> "fp16 of " + f);
        }
        // Every exact tie at fp16 precision: the float halfway between two adjacent fp16 values.
        for (int bits = 0; bits < 0x7BFF; bits++) {
            float mid = (float) ((half(bits) + half(bits + 1)) / 2);
            assertEquals(IndependentRounding.fp16(mid), fp16(mid), "tie above fp16 pattern " + Integer.toHexString(bits));
        }
    }

    /** Rounding a double straight to the format, not via float (double rounding would tie wrongly). */
    @Test
    void roundsOnceFromDouble() {
        assertEquals(1 + 0x1p-7, bf16(1 + 0x1p-8 + 0x1p-40), "just above a bf16 tie: up (via float it would tie to 1)");
        assertEquals(1 + 0x1p-10, fp16(1 + 0x1p-11 + 0x1p-40), "just above an fp16 tie: up");
        assertEquals(0x1p-24, fp16(0x1p-25 + 0x1p-60));
    }

    /** Against the bit-level reference (not a cast): random doubles of every exponent, then doubles near float ties. */
    @Test
    void fp32IsSingleRoundingFromDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d)) continue;
            assertEquals(IndependentRounding.fp32(d), Precision.FP32.round(d), "fp32 of " + d);
        }
        for (int i = 0; i < 100_000; i++) {
            // a float, then half a float ulp above it (a tie), or just above or below the tie
            double f = Float.intBitsToFloat(random.nextInt(0x7F7FFFFF));
            double d = f + Math.ulp((float) f) / 2 * (1 + (random.nextInt(3) - 1) * 0x1p-20);
            assertEquals(IndependentRounding.fp32(d), Precision.FP32.round(d), "fp32 near a tie " + d);
        }
        assertEquals(1.0, IndependentRounding.fp32(1 + 0x1p-24), "the reference ties to even too");
        assertEquals(1 + 0x1p-22, IndependentRounding.fp32(1 + 3 * 0x1p-24));
        assertEquals(0x1p-149, IndependentRounding.fp32(0x1p-150 + 0x1p-200), "just above half the smallest subnormal");
        assertEquals(0.0, IndependentRounding.fp32(0x1p-150), "half the smallest subnormal ties to 0");
        assertEquals(Double.POSITIVE_INFINITY, Precision.FP32.round(0x1.ffffffp127), "midpoint above max ties to overflow");
        assertEquals(1.0, Precision.FP32.round(1 + 0x1p-24));
        assertEquals(Math.PI, Precision.FP64.round(Math.PI));
    }

    @Test
    void arithmeticRoundsEveryResult() {
        Arithmetic h = new Arithmetic(Precision.FP16);
        assertEquals(1.0, h.add(1.0, 0x1p-11));
        assertEquals(1 + 0x1p-9, h.add(1.0, 3 * 0x1p-11));
        assertEquals(Double.POSITIVE_INFINITY, h.mul(256.0, 256.0));
        assertEquals(Double.POSITIVE_INFINITY, h.exp(11.1));
        assertEquals(IndependentRounding.fp16((float) Math.exp(11.0)), h.exp(11.0), 0.0);
        assertEquals(0.0, h.exp(-17.4), "e^-17.4 < 2^-25: flushes to 0");
        assertEquals(0x1p-24, h.exp(-16.6));
        Arithmetic b = new Arithmetic(Precision.BF16);
        assertEquals(1.0, b.add(1.0, 0x1p-8));
        assertEquals(IndependentRounding.bf16((float) (1.0 / 3)), b.div(1.0, 3.0), 0.0);
    }

    @Test
    void parsesNamesAndRejectsOthers() {
        assertEquals(Precision.BF16, Precision.parse(" BF16 "));
        assertEquals("fp16", Precision.FP16.id());
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp8"));
    }
}
