package lab.softmax.engine.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The streaming passes of the three-pass and online kernels with the Vector API.
 *
 * <p>Why the code repeats itself: C2 only keeps vectors in registers when each hot loop is one flat
 * method with its exp written inline; a vector-returning
 * helper shared by several loops left the vectors boxed, 5–100× slower. Each exp loop handles two
 * vectors per iteration (C2 schedules them its own way whatever the source order; with four, AVX2's
 * 16 registers ran out), takes its constants from {@link ExpLanes} (loads, not broadcasts: see there
 * why), and finishes with {@link ExpShift#exp(float)} (same arithmetic, scalar) for the tail.
 *
 * <p>The exp: magic bias (2^n from the bits), one Cody–Waite constant (its error n·(ln2_f − ln2)
 * is common to the sum and the outputs, so what is left is |n_i − n_max|·2e-9 ≤ 3e-7 relative),
 * a degree-5 polynomial p = 1 + t·q(t) with q in Horner form, and the result p·2^n computed as
 * fma(2^n·t, q, 2^n) (exact scaling by a power of two, so the same single rounding as p·2^n while
 * 2^n·t is normal, i.e. 2^n ≥ 2^-125; near 2^-126 a result may differ by 1 ulp).
 *
 * <p>Exact zeros without a compare and blend per vector: an unsigned integer min on the bits of
 * d = x − r maps −∞ and every d ≤ −2^48 to −2^48 (positive floats and smaller negative ones keep
 * their bits), so t and p stay finite; an integer max on the bits of the biased exponent sends
 * every 2^(n − k) with n − k ≤ −127 to +0, so those lanes (masks included) give exactly p·0 = 0.
 */
final class VectorExpPasses {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Exp loops: two vectors per iteration (C2 unrolls them once more); four left too few registers (see ExpLanes). */
    private static final int STEP = 2 * L;
    /** max and scale: four vectors per iteration, so that each of the four accumulators' latency is hidden. */
    private static final int WIDE_STEP = 4 * L;
    /**
     * Sums are folded from fp32 lanes into a double every BLOCK elements: two lane accumulators, two vectors per
     * iteration, so at most 32 fp32 additions per lane with 8-float vectors (as many as with 1024 and four
     * vectors before), and the error does not grow with N.
     */
    static final int BLOCK = 512;
    /** Online: how far (2^this) a block's exps may exceed the running max before the block is redone from its max. */
    private static final float GROWTH_LIMIT = 64;

    private VectorExpPasses() { }

    static float max(float[] x, int from, int to) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
        int i = from;
        // compare + blend: a plain lanewise MAX must order −0.0 < 0.0 and propagate NaN (Math.max), which
        // costs C2 several instructions per vector on AVX2; the row max needs neither.
        for (int bound = to - WIDE_STEP; i <= bound; i += WIDE_STEP) {
            FloatVector v0 = FloatVector.fromArray(S, x, i);
            FloatVector v1 = FloatVector.fromArray(S, x, i + L);
            FloatVector v2 = FloatVector.fromArray(S, x, i + 2 * L);
            FloatVector v3 = FloatVector.fromArray(S, x, i + 3 * L);
            m0 = m0.blend(v0, v0.compare(VectorOperators.GT, m0));
            m1 = m1.blend(v1, v1.compare(VectorOperators.GT, m1));
            m2 = m2.blend(v2, v2.compare(VectorOperators.GT, m2));
            m3 = m3.blend(v3, v3.compare(VectorOperators.GT, m3));
        }
        for (int bound = to - L; i <= bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            m0 = m0.blend(v, v.compare(VectorOperators.GT, m0));
        }
        float m = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < to; i++) m = Math.max(m, x[i]);
        return m;
    }

    /** Σ exp(x − max)·factor over [from, to) (the recompute algorithm's pass 2, online's block sums). */
    static double sumExp(float[] x, int from, int to, ExpShift shift, float[] lanes) {
        final FloatVector vR = ExpLanes.of(shift.r(), lanes, ExpLanes.R_SLOT);
        // x − r only when r ≠ 0 (|max| ≥ 174): the test is loop-invariant, so C2 compiles the loop twice (unswitching)
        // and the usual copy has one vector op per vector fewer
        final boolean shifted = shift.r() != 0f;
        final FloatVector vMagic = ExpLanes.of(shift.magic(), lanes, ExpLanes.BIAS_SLOT);
        final FloatVector vLog2e = ExpLanes.log2e();
        final FloatVector vMinusLn2 = ExpLanes.minusLn2();
        final FloatVector vC5 = ExpLanes.c5();
        final FloatVector vC4 = ExpLanes.c4();
        final FloatVector vC3 = ExpLanes.c3();
        final FloatVector vC2 = ExpLanes.c2();
        final FloatVector vC1 = ExpLanes.c1();
        final IntVector vLowest = ExpLanes.lowestBits();
        final IntVector vMinPow2 = ExpLanes.minPow2Bits();
        double total = 0;
        int i = from;
        while (i <= to - STEP) {
            int blockEnd = Math.min(to, i + BLOCK) - STEP;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            for (; i <= blockEnd; i += STEP) {
                FloatVector x0 = FloatVector.fromArray(S, x, i);
                FloatVector d0 = (shifted ? x0.sub(vR) : x0)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector x1 = FloatVector.fromArray(S, x, i + L);
                FloatVector d1 = (shifted ? x1.sub(vR) : x1)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector b0 = d0.fma(vLog2e, vMagic);
                FloatVector b1 = d1.fma(vLog2e, vMagic);
                FloatVector s0 = b0.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
                FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
                FloatVector q0 = t0.fma(vC5, vC4);
                FloatVector q1 = t1.fma(vC5, vC4);
                q0 = q0.fma(t0, vC3);
                q1 = q1.fma(t1, vC3);
                q0 = q0.fma(t0, vC2);
                q1 = q1.fma(t1, vC2);
                q0 = q0.fma(t0, vC1);
                q1 = q1.fma(t1, vC1);
                // s·(1 + t·q) as fma(s·t, q, s): s is a power of two (or 0), so this is p·s rounded once, and the
                // loop needs no constant 1 (one register and one copy fewer)
                FloatVector f0 = s0.mul(t0).fma(q0, s0);
                FloatVector f1 = s1.mul(t1).fma(q1, s1);
                acc0 = acc0.add(f0);
                acc1 = acc1.add(f1);
            }
            total += acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) total += shift.exp(x[i]);
        return total;
    }

    /** y = exp(x − max)·factor and returns its sum (the reload algorithm's pass 2). */
    static double storeExpSum(float[] x, float[] y, int from, int to, ExpShift shift, float[] lanes) {
        final FloatVector vR = ExpLanes.of(shift.r(), lanes, ExpLanes.R_SLOT);
        // x − r only when r ≠ 0 (|max| ≥ 174): the test is loop-invariant, so C2 compiles the loop twice (unswitching)
        // and the usual copy has one vector op per vector fewer
        final boolean shifted = shift.r() != 0f;
        final FloatVector vMagic = ExpLanes.of(shift.magic(), lanes, ExpLanes.BIAS_SLOT);
        final FloatVector vLog2e = ExpLanes.log2e();
        final FloatVector vMinusLn2 = ExpLanes.minusLn2();
        final FloatVector vC5 = ExpLanes.c5();
        final FloatVector vC4 = ExpLanes.c4();
        final FloatVector vC3 = ExpLanes.c3();
        final FloatVector vC2 = ExpLanes.c2();
        final FloatVector vC1 = ExpLanes.c1();
        final IntVector vLowest = ExpLanes.lowestBits();
        final IntVector vMinPow2 = ExpLanes.minPow2Bits();
        double total = 0;
        int i = from;
        while (i <= to - STEP) {
            int blockEnd = Math.min(to, i + BLOCK) - STEP;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            for (; i <= blockEnd; i += STEP) {
                FloatVector x0 = FloatVector.fromArray(S, x, i);
                FloatVector d0 = (shifted ? x0.sub(vR) : x0)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector x1 = FloatVector.fromArray(S, x, i + L);
                FloatVector d1 = (shifted ? x1.sub(vR) : x1)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector b0 = d0.fma(vLog2e, vMagic);
                FloatVector b1 = d1.fma(vLog2e, vMagic);
                FloatVector s0 = b0.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
                FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
                FloatVector q0 = t0.fma(vC5, vC4);
                FloatVector q1 = t1.fma(vC5, vC4);
                q0 = q0.fma(t0, vC3);
                q1 = q1.fma(t1, vC3);
                q0 = q0.fma(t0, vC2);
                q1 = q1.fma(t1, vC2);
                q0 = q0.fma(t0, vC1);
                q1 = q1.fma(t1, vC1);
                // s·(1 + t·q) as fma(s·t, q, s): s is a power of two (or 0), so this is p·s rounded once, and the
                // loop needs no constant 1 (one register and one copy fewer)
                FloatVector f0 = s0.mul(t0).fma(q0, s0);
                FloatVector f1 = s1.mul(t1).fma(q1, s1);
                f0.intoArray(y, i);
                f1.intoArray(y, i + L);
                acc0 = acc0.add(f0);
                acc1 = acc1.add(f1);
            }
            total += acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) {
            float f = shift.exp(x[i]);
            y[i] = f;
            total += f;
        }
        return total;
    }

    /**
     * y = exp(x − max)·factor·scale (the output pass of recompute and online). The scale is folded into the
     * polynomial's six coefficients (one multiply per vector fewer); they are per-call lanes loaded from a small
     * array ({@link ExpLanes#scaledPolynomial}): as broadcasts C2 re-broadcast each of them for every vector.
     */
    static void writeExp(float[] x, float[] y, int from, int to, ExpShift shift, float scale, float[] lanes) {
        final float[] poly = ExpLanes.scaledPolynomial(scale, lanes);
        final FloatVector vR = ExpLanes.of(shift.r(), lanes, ExpLanes.R_SLOT);
        // x − r only when r ≠ 0 (|max| ≥ 174): the test is loop-invariant, so C2 compiles the loop twice (unswitching)
        // and the usual copy has one vector op per vector fewer
        final boolean shifted = shift.r() != 0f;
        final FloatVector vMagic = ExpLanes.of(shift.magic(), lanes, ExpLanes.BIAS_SLOT);
        final FloatVector vLog2e = ExpLanes.log2e();
        final FloatVector vMinusLn2 = ExpLanes.minusLn2();
        final FloatVector vC5 = FloatVector.fromArray(S, poly, 0);
        final FloatVector vC4 = FloatVector.fromArray(S, poly, L);
        final FloatVector vC3 = FloatVector.fromArray(S, poly, 2 * L);
        final FloatVector vC2 = FloatVector.fromArray(S, poly, 3 * L);
        final FloatVector vC1 = FloatVector.fromArray(S, poly, 4 * L);
        final FloatVector vC0 = FloatVector.fromArray(S, poly, 5 * L);
        final IntVector vLowest = ExpLanes.lowestBits();
        final IntVector vMinPow2 = ExpLanes.minPow2Bits();
        int i = from;
        for (int bound = to - STEP; i <= bound; i += STEP) {
            FloatVector x0 = FloatVector.fromArray(S, x, i);
            FloatVector d0 = (shifted ? x0.sub(vR) : x0)
                    .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
            FloatVector x1 = FloatVector.fromArray(S, x, i + L);
            FloatVector d1 = (shifted ? x1.sub(vR) : x1)
                    .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
            FloatVector b0 = d0.fma(vLog2e, vMagic);
            FloatVector b1 = d1.fma(vLog2e, vMagic);
            FloatVector s0 = b0.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s1 = b1.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
            FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
            FloatVector p0 = t0.fma(vC5, vC4);
            FloatVector p1 = t1.fma(vC5, vC4);
            p0 = p0.fma(t0, vC3);
            p1 = p1.fma(t1, vC3);
            p0 = p0.fma(t0, vC2);
            p1 = p1.fma(t1, vC2);
            p0 = p0.fma(t0, vC1);
            p1 = p1.fma(t1, vC1);
            p0 = p0.fma(t0, vC0);
            p1 = p1.fma(t1, vC0);
            p0.mul(s0).intoArray(y, i);
            p1.mul(s1).intoArray(y, i + L);
        }
        for (; i < to; i++) y[i] = shift.exp(x[i]) * scale;
    }

    /** y *= scale in place (the reload algorithm's pass 3). */
    static void scale(float[] y, int from, int to, float scale) {
        final FloatVector vScale = FloatVector.broadcast(S, scale);
        int i = from;
        for (int bound = to - WIDE_STEP; i <= bound; i += WIDE_STEP) {
            FloatVector.fromArray(S, y, i).mul(vScale).intoArray(y, i);
            FloatVector.fromArray(S, y, i + L).mul(vScale).intoArray(y, i + L);
            FloatVector.fromArray(S, y, i + 2 * L).mul(vScale).intoArray(y, i + 2 * L);
            FloatVector.fromArray(S, y, i + 3 * L).mul(vScale).intoArray(y, i + 3 * L);
        }
        for (; i < to; i++) y[i] *= scale;
    }
    /**
     * Online softmax's pass 1 in one method (so that the constants stay in registers). The first block's
     * max starts the running max m; every block then takes its exps relative to m *speculatively*, with an
     * integer max of the biased exponents on the side (one instruction per vector instead of a max pass
     * per block, measured in benchmarks/README.md "In-cache gap"). If the block went above m, its exact
     * max is taken (re-read from L1) and the double sum rescaled once, after the block; if it went more
     * than 2^64 above m (the fp32 lane sums could overflow), the block is redone from its max. For
     * typical rows the max stops growing after a few blocks. Memory is streamed once; about one exp per
     * element.
     */
    static void onlineReduce(float[] x, int from, int to, RowScratch scratch) {
        final FloatVector vLog2e = ExpLanes.log2e();
        final FloatVector vMinusLn2 = ExpLanes.minusLn2();
        final FloatVector vC5 = ExpLanes.c5();
        final FloatVector vC4 = ExpLanes.c4();
        final FloatVector vC3 = ExpLanes.c3();
        final FloatVector vC2 = ExpLanes.c2();
        final FloatVector vC1 = ExpLanes.c1();
        final IntVector vLowest = ExpLanes.lowestBits();
        final IntVector vMinPow2 = ExpLanes.minPow2Bits();
        float m = Float.NEGATIVE_INFINITY;
        double d = 0;
        final ExpShift shift = scratch.shift;
        boolean started = false;
        // r and the bias of the current shift in L lanes each (the scratch's slots), refilled when the max grows and
        // loaded per block (a vector variable assigned in that branch would be a phi of objects, which C2 cannot keep
        // in a register)
        final float[] shiftLanes = scratch.lanes;
        final int rAt = ExpLanes.R_SLOT * L;
        final int biasAt = ExpLanes.BIAS_SLOT * L;
        int i = from;
        while (i <= to - STEP) {
            final int blockStart = i;
            final int blockEnd = Math.min(to, i + BLOCK) - STEP;
            if (!started) { // the first block, or every logit so far is −∞: its max first
                float blockMax = max(x, i, blockEnd + STEP);
                if (blockMax == Float.NEGATIVE_INFINITY) {
                    i = blockEnd + STEP;
                    continue;
                }
                m = blockMax;
                started = true;
                fillShift(shift, m, shiftLanes);
            }
            final FloatVector vR = FloatVector.fromArray(S, shiftLanes, rAt);
            final FloatVector vMagic = FloatVector.fromArray(S, shiftLanes, biasAt);
            final boolean shifted = shift.r() != 0f; // x − r only when r ≠ 0: see sumExp
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            // Speculative: the block's exps relative to the running max m, and the largest biased exponent b (an
            // integer max: finite b are positive floats, masked lanes negative), instead of a max pass per block.
            IntVector top = IntVector.zero(ExpLanes.IS);
            for (; i <= blockEnd; i += STEP) {
                FloatVector x0 = FloatVector.fromArray(S, x, i);
                FloatVector d0 = (shifted ? x0.sub(vR) : x0)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector x1 = FloatVector.fromArray(S, x, i + L);
                FloatVector d1 = (shifted ? x1.sub(vR) : x1)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector b0 = d0.fma(vLog2e, vMagic);
                FloatVector b1 = d1.fma(vLog2e, vMagic);
                top = top.max(b0.reinterpretAsInts().max(b1.reinterpretAsInts()));
                FloatVector s0 = b0.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
                FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
                FloatVector q0 = t0.fma(vC5, vC4);
                FloatVector q1 = t1.fma(vC5, vC4);
                q0 = q0.fma(t0, vC3);
                q1 = q1.fma(t1, vC3);
                q0 = q0.fma(t0, vC2);
                q1 = q1.fma(t1, vC2);
                q0 = q0.fma(t0, vC1);
                q1 = q1.fma(t1, vC1);
                // s·(1 + t·q) as fma(s·t, q, s): s is a power of two (or 0), so this is p·s rounded once, and the
                // loop needs no constant 1 (one register and one copy fewer)
                FloatVector f0 = s0.mul(t0).fma(q0, s0);
                FloatVector f1 = s1.mul(t1).fma(q1, s1);
                acc0 = acc0.add(f0);
                acc1 = acc1.add(f1);
            }
            // n − k of the block's largest exp: > 0 when some x exceeds m (by more than ~0.35)
            float topExponent = Float.intBitsToFloat(top.reduceLanes(VectorOperators.MAX)) - ExpConstants.EXP_MAGIC;
            if (topExponent > GROWTH_LIMIT) {
                // exps up to 2^GROWTH_LIMIT are safe in the fp32 lane sums; beyond (or NaN), redo the block from its max
                float blockMax = max(x, blockStart, blockEnd + STEP);
                d *= Math.exp((double) m - blockMax);
                m = blockMax;
                fillShift(shift, m, shiftLanes);
                i = blockStart;
                continue;
            }
            d += acc0.add(acc1).reduceLanes(VectorOperators.ADD) / shift.factor();
            if (topExponent > 0) { // the max grew: the exact block max (rare after the first blocks), rescale once
                float blockMax = max(x, blockStart, blockEnd + STEP);
                if (blockMax > m) {
                    d *= Math.exp((double) m - blockMax);
                    m = blockMax;
                    fillShift(shift, m, shiftLanes);
                }
            }
        }
        if (i < to) {
            float tailMax = max(x, i, to);
            if (tailMax > m) {
                d = m == Float.NEGATIVE_INFINITY ? 0 : d * Math.exp((double) m - tailMax);
                m = tailMax;
                shift.set(m);
                started = true;
            }
            if (started) {
                double tail = 0;
                for (; i < to; i++) tail += shift.exp(x[i]);
                d += tail / shift.factor();
            }
        }
        scratch.max = m;
        scratch.sum = d;
    }

    /** Sets the shift for max m and its r and bias lanes in the scratch slots. */
    private static void fillShift(ExpShift shift, float m, float[] lanes) {
        shift.set(m);
        Arrays.fill(lanes, ExpLanes.R_SLOT * L, (ExpLanes.R_SLOT + 1) * L, shift.r());
        Arrays.fill(lanes, ExpLanes.BIAS_SLOT * L, (ExpLanes.BIAS_SLOT + 1) * L, shift.magic());
    }
}
