package lab.softmax.engine.moe;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp and log in float64 built from additions, multiplications, fused multiply-adds and bit operations only, as
 * vectors and as scalars with the same polynomials.
 *
 * <p>Why not {@code VectorOperators.EXP} or {@code Math.exp}: the Vector API's EXP gives different last bits in its
 * intrinsic and in its Java fallback, so results would depend on the JIT state and so on the thread count. Every
 * operation used here is exactly rounded (IEEE 754) in every tier, so a fit gives the same bits on any thread.
 * Accuracy: a few ulp (Taylor/atanh series truncated below 2^−55 relative); checked against Math.exp/log in the tests.
 */
final class LaneMath {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** 1.5·2^52: adding it rounds a double of magnitude < 2^51 to an integer held in the low mantissa bits. */
    private static final double MAGIC = 6755399441055744.0;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471805599453;
    private static final double LN2_LO = 2.3190468138462996e-17;
    /** exp's argument is clamped here: e^−708 ≈ 3e−308 is still a normal number (no subnormal scaling needed). */
    private static final double EXP_MIN = -708;
    /** Bits of √2/2: log splits v = f·2^m with f in [√2/2, √2). */
    private static final long SQRT_HALF_BITS = 0x3FE6A09E667F3BCDL;
    private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    // exp(r) = Σ_{j ≤ 13} r^j/j! on |r| ≤ ln2/2 (the next term is below 2^−55 relative).
    private static final double E13 = 1.0 / 6227020800.0;
    private static final double E12 = 1.0 / 479001600;
    private static final double E11 = 1.0 / 39916800;
    private static final double E10 = 1.0 / 3628800;
    private static final double E9 = 1.0 / 362880;
    private static final double E8 = 1.0 / 40320;
    private static final double E7 = 1.0 / 5040;
    private static final double E6 = 1.0 / 720;
    private static final double E5 = 1.0 / 120;
    private static final double E4 = 1.0 / 24;
    private static final double E3 = 1.0 / 6;
    private static final double E2 = 0.5;
    // ln f = 2s·Σ_{j ≤ 9} s^{2j}/(2j + 1), s = (f − 1)/(f + 1), |s| ≤ 0.172 (the next term is below 2^−55 relative).
    private static final double L19 = 1.0 / 19;
    private static final double L17 = 1.0 / 17;
    private static final double L15 = 1.0 / 15;
    private static final double L13 = 1.0 / 13;
    private static final double L11 = 1.0 / 11;
    private static final double L9 = 1.0 / 9;
    private static final double L7 = 1.0 / 7;
    private static final double L5 = 1.0 / 5;
    private static final double L3 = 1.0 / 3;

    private LaneMath() { }

    /**
     * a[i] = e^{a[i]} for from ≤ i &lt; to, every a[i] ≤ 0 (below −708 gives e^−708; NaN stays NaN); to − from is a
     * multiple of {@link #S}'s length. Arrays in and out, so that no vector crosses a call (a vector returned from a
     * method the JIT does not inline is boxed on the heap).
     */
    static void expNonPositive(double[] a, int from, int to) {
        int l = S.length();
        for (int i = from; i < to; i += l) {
            DoubleVector x = DoubleVector.fromArray(S, a, i).max(EXP_MIN);
            DoubleVector t = x.lanewise(VectorOperators.FMA, LOG2E, MAGIC);
            DoubleVector n = t.sub(MAGIC);
            DoubleVector r = n.lanewise(VectorOperators.FMA, -LN2_HI, x);
            r = n.lanewise(VectorOperators.FMA, -LN2_LO, r);
            DoubleVector p = r.lanewise(VectorOperators.FMA, E13, E12);
            p = p.lanewise(VectorOperators.FMA, r, E11);
            p = p.lanewise(VectorOperators.FMA, r, E10);
            p = p.lanewise(VectorOperators.FMA, r, E9);
            p = p.lanewise(VectorOperators.FMA, r, E8);
            p = p.lanewise(VectorOperators.FMA, r, E7);
            p = p.lanewise(VectorOperators.FMA, r, E6);
            p = p.lanewise(VectorOperators.FMA, r, E5);
            p = p.lanewise(VectorOperators.FMA, r, E4);
            p = p.lanewise(VectorOperators.FMA, r, E3);
            p = p.lanewise(VectorOperators.FMA, r, E2);
            p = p.lanewise(VectorOperators.FMA, r, 1.0);
            p = p.lanewise(VectorOperators.FMA, r, 1.0);
            LongVector scale = ((LongVector) t.viewAsIntegralLanes()).sub(MAGIC_BITS - 1023).lanewise(VectorOperators.LSHL, 52);
            p.mul((DoubleVector) scale.viewAsFloatingLanes()).intoArray(a, i);
        }
    }

    /** a[i] = ln a[i] for from ≤ i &lt; to, every a[i] positive and normal; to − from is a multiple of the lane count. */
    static void log(double[] a, int from, int to) {
        int l = S.length();
        for (int i = from; i < to; i += l) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            LongVector ix = ((LongVector) v.viewAsIntegralLanes()).sub(SQRT_HALF_BITS);
            LongVector m = ix.lanewise(VectorOperators.ASHR, 52);
            DoubleVector f = (DoubleVector) ix.and(MANTISSA).add(SQRT_HALF_BITS).viewAsFloatingLanes();
            DoubleVector md = ((DoubleVector) m.add(MAGIC_BITS).viewAsFloatingLanes()).sub(MAGIC);
            DoubleVector s = f.sub(1.0).div(f.add(1.0));
            DoubleVector z = s.mul(s);
            DoubleVector p = z.lanewise(VectorOperators.FMA, L19, L17);
            p = p.lanewise(VectorOperators.FMA, z, L15);
            p = p.lanewise(VectorOperators.FMA, z, L13);
            p = p.lanewise(VectorOperators.FMA, z, L11);
            p = p.lanewise(VectorOperators.FMA, z, L9);
            p = p.lanewise(VectorOperators.FMA, z, L7);
            p = p.lanewise(VectorOperators.FMA, z, L5);
            p = p.lanewise(VectorOperators.FMA, z, L3);
            p = p.lanewise(VectorOperators.FMA, z, 1.0);
            DoubleVector lo = s.add(s).lanewise(VectorOperators.FMA, p, md.mul(LN2_LO));
            md.lanewise(VectorOperators.FMA, LN2_HI, lo).intoArray(a, i);
        }
    }

    /** The scalar twin of {@link #expNonPositive(double[], int, int)}: the same operations, the same bits. */
    static double expNonPositive(double x) {
        x = Math.max(x, EXP_MIN);
        double t = Math.fma(x, LOG2E, MAGIC);
        double n = t - MAGIC;
        double r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        double p = Math.fma(r, E13, E12);
        p = Math.fma(p, r, E11);
        p = Math.fma(p, r, E10);
        p = Math.fma(p, r, E9);
        p = Math.fma(p, r, E8);
        p = Math.fma(p, r, E7);
        p = Math.fma(p, r, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, 1.0);
        p = Math.fma(p, r, 1.0);
        long scale = (Double.doubleToRawLongBits(t) - (MAGIC_BITS - 1023)) << 52;
        return p * Double.longBitsToDouble(scale);
    }

    /** The scalar twin of {@link #log(double[], int, int)}. */
    static double log(double v) {
        long ix = Double.doubleToRawLongBits(v) - SQRT_HALF_BITS;
        long m = ix >> 52;
        double f = Double.longBitsToDouble((ix & MANTISSA) + SQRT_HALF_BITS);
        double md = Double.longBitsToDouble(m + MAGIC_BITS) - MAGIC;
        double s = (f - 1.0) / (f + 1.0);
        double z = s * s;
        double p = Math.fma(z, L19, L17);
        p = Math.fma(p, z, L15);
        p = Math.fma(p, z, L13);
        p = Math.fma(p, z, L11);
        p = Math.fma(p, z, L9);
        p = Math.fma(p, z, L7);
        p = Math.fma(p, z, L5);
        p = Math.fma(p, z, L3);
        p = Math.fma(p, z, 1.0);
        double twoS = s + s;
        double lo = Math.fma(twoS, p, md * LN2_LO);
        return Math.fma(md, LN2_HI, lo);
    }
}
