package lab.softmax.engine.kernels;

import static lab.softmax.engine.kernels.ExpConstants.C1;
import static lab.softmax.engine.kernels.ExpConstants.C2;
import static lab.softmax.engine.kernels.ExpConstants.C3;
import static lab.softmax.engine.kernels.ExpConstants.C4;
import static lab.softmax.engine.kernels.ExpConstants.C5;
import static lab.softmax.engine.kernels.ExpConstants.LOWEST_BITS;
import static lab.softmax.engine.kernels.ExpConstants.MIN_POW2_BITS;
import static lab.softmax.engine.kernels.ExpConstants.LOG2E;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The streaming passes of the three-pass and online kernels with the Vector API.
 *
 * <p>Why the code repeats itself: C2 only keeps vectors in registers when each hot loop is one flat
 * method with its exp written inline (reference/kernels.md §7, pitfalls 1–2); a vector-returning
 * helper shared by several loops left the vectors boxed, 5–100× slower. Each loop handles four
 * vectors per iteration, stage by stage (all loads, then all reductions, then each polynomial
 * step), and finishes with {@link ExpShift#exp(float)} (same arithmetic, scalar) for the tail.
 *
 * <p>The exp: magic bias (2^n from the bits), one Cody–Waite constant (its error n·(ln2_f − ln2)
 * is common to the sum and the outputs, so what is left is |n_i − n_max|·2e-9 ≤ 3e-7 relative),
 * a degree-5 polynomial written with c0 so that the result is one multiply p·2^n.
 *
 * <p>Exact zeros without a compare and blend per vector: an unsigned integer min on the bits of
 * d = x − r maps −∞ and every d ≤ −2^48 to −2^48 (positive floats and smaller negative ones keep
 * their bits), so t and p stay finite; an integer max on the bits of the biased exponent sends
 * every 2^(n − k) with n − k ≤ −127 to +0, so those lanes (masks included) give exactly p·0 = 0.
 */
final class VectorExpPasses {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int STEP = 4 * L;
    /** Sums are folded from fp32 lanes into a double every BLOCK elements: at most 8 fp32 additions per lane accumulator (16 with 8-float vectors), so the error does not grow with N. */
    static final int BLOCK = 1024;

    private VectorExpPasses() { }

    static float max(float[] x, int from, int to) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
        int i = from;
        // compare + blend: a plain lanewise MAX must order −0.0 < 0.0 and propagate NaN (Math.max), which
        // costs C2 several instructions per vector on AVX2; the row max needs neither.
        for (int bound = to - STEP; i <= bound; i += STEP) {
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
    static double sumExp(float[] x, int from, int to, ExpShift shift) {
        final FloatVector vR = FloatVector.broadcast(S, shift.r());
        final FloatVector vMagic = FloatVector.broadcast(S, shift.magic());
        final FloatVector vLog2e = FloatVector.broadcast(S, LOG2E);
        final FloatVector vMinusLn2 = FloatVector.broadcast(S, MINUS_LN2);
        final FloatVector vC5 = FloatVector.broadcast(S, C5);
        final FloatVector vC4 = FloatVector.broadcast(S, C4);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vC0 = FloatVector.broadcast(S, 1f);
        double total = 0;
        int i = from;
        while (i <= to - STEP) {
            int blockEnd = Math.min(to, i + BLOCK) - STEP;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            for (; i <= blockEnd; i += STEP) {
                FloatVector d0 = FloatVector.fromArray(S, x, i).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d1 = FloatVector.fromArray(S, x, i + L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d2 = FloatVector.fromArray(S, x, i + 2 * L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d3 = FloatVector.fromArray(S, x, i + 3 * L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector b0 = d0.fma(vLog2e, vMagic);
                FloatVector b1 = d1.fma(vLog2e, vMagic);
                FloatVector b2 = d2.fma(vLog2e, vMagic);
                FloatVector b3 = d3.fma(vLog2e, vMagic);
                FloatVector s0 = b0.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s2 = b2.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s3 = b3.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
                FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
                FloatVector t2 = b2.sub(vMagic).fma(vMinusLn2, d2);
                FloatVector t3 = b3.sub(vMagic).fma(vMinusLn2, d3);
                FloatVector p0 = t0.fma(vC5, vC4);
                FloatVector p1 = t1.fma(vC5, vC4);
                FloatVector p2 = t2.fma(vC5, vC4);
                FloatVector p3 = t3.fma(vC5, vC4);
                p0 = p0.fma(t0, vC3);
                p1 = p1.fma(t1, vC3);
                p2 = p2.fma(t2, vC3);
                p3 = p3.fma(t3, vC3);
                p0 = p0.fma(t0, vC2);
                p1 = p1.fma(t1, vC2);
                p2 = p2.fma(t2, vC2);
                p3 = p3.fma(t3, vC2);
                p0 = p0.fma(t0, vC1);
                p1 = p1.fma(t1, vC1);
                p2 = p2.fma(t2, vC1);
                p3 = p3.fma(t3, vC1);
                p0 = p0.fma(t0, vC0);
                p1 = p1.fma(t1, vC0);
                p2 = p2.fma(t2, vC0);
                p3 = p3.fma(t3, vC0);
                FloatVector f0 = p0.mul(s0);
                FloatVector f1 = p1.mul(s1);
                FloatVector f2 = p2.mul(s2);
                FloatVector f3 = p3.mul(s3);
                acc0 = acc0.add(f0.add(f1));
                acc1 = acc1.add(f2.add(f3));
            }
            total += acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) total += shift.exp(x[i]);
        return total;
    }

    /** y = exp(x − max)·factor and returns its sum (the reload algorithm's pass 2). */
    static double storeExpSum(float[] x, float[] y, int from, int to, ExpShift shift) {
        final FloatVector vR = FloatVector.broadcast(S, shift.r());
        final FloatVector vMagic = FloatVector.broadcast(S, shift.magic());
        final FloatVector vLog2e = FloatVector.broadcast(S, LOG2E);
        final FloatVector vMinusLn2 = FloatVector.broadcast(S, MINUS_LN2);
        final FloatVector vC5 = FloatVector.broadcast(S, C5);
        final FloatVector vC4 = FloatVector.broadcast(S, C4);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vC0 = FloatVector.broadcast(S, 1f);
        double total = 0;
        int i = from;
        while (i <= to - STEP) {
            int blockEnd = Math.min(to, i + BLOCK) - STEP;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            for (; i <= blockEnd; i += STEP) {
                FloatVector d0 = FloatVector.fromArray(S, x, i).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d1 = FloatVector.fromArray(S, x, i + L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d2 = FloatVector.fromArray(S, x, i + 2 * L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d3 = FloatVector.fromArray(S, x, i + 3 * L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector b0 = d0.fma(vLog2e, vMagic);
                FloatVector b1 = d1.fma(vLog2e, vMagic);
                FloatVector b2 = d2.fma(vLog2e, vMagic);
                FloatVector b3 = d3.fma(vLog2e, vMagic);
                FloatVector s0 = b0.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s2 = b2.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s3 = b3.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
                FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
                FloatVector t2 = b2.sub(vMagic).fma(vMinusLn2, d2);
                FloatVector t3 = b3.sub(vMagic).fma(vMinusLn2, d3);
                FloatVector p0 = t0.fma(vC5, vC4);
                FloatVector p1 = t1.fma(vC5, vC4);
                FloatVector p2 = t2.fma(vC5, vC4);
                FloatVector p3 = t3.fma(vC5, vC4);
                p0 = p0.fma(t0, vC3);
                p1 = p1.fma(t1, vC3);
                p2 = p2.fma(t2, vC3);
                p3 = p3.fma(t3, vC3);
                p0 = p0.fma(t0, vC2);
                p1 = p1.fma(t1, vC2);
                p2 = p2.fma(t2, vC2);
                p3 = p3.fma(t3, vC2);
                p0 = p0.fma(t0, vC1);
                p1 = p1.fma(t1, vC1);
                p2 = p2.fma(t2, vC1);
                p3 = p3.fma(t3, vC1);
                p0 = p0.fma(t0, vC0);
                p1 = p1.fma(t1, vC0);
                p2 = p2.fma(t2, vC0);
                p3 = p3.fma(t3, vC0);
                FloatVector f0 = p0.mul(s0);
                FloatVector f1 = p1.mul(s1);
                FloatVector f2 = p2.mul(s2);
                FloatVector f3 = p3.mul(s3);
                f0.intoArray(y, i);
                f1.intoArray(y, i + L);
                f2.intoArray(y, i + 2 * L);
                f3.intoArray(y, i + 3 * L);
                acc0 = acc0.add(f0.add(f1));
                acc1 = acc1.add(f2.add(f3));
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
     * y = exp(x − max)·factor·scale (the output pass of recompute and online). Folding the scale into the
     * polynomial's coefficients (free in C) cost more here: C2 kept the six runtime coefficient vectors as
     * scalars and re-broadcast each of them for every vector; one multiply is cheaper.
     */
    static void writeExp(float[] x, float[] y, int from, int to, ExpShift shift, float scale) {
        final FloatVector vR = FloatVector.broadcast(S, shift.r());
        final FloatVector vMagic = FloatVector.broadcast(S, shift.magic());
        final FloatVector vLog2e = FloatVector.broadcast(S, LOG2E);
        final FloatVector vMinusLn2 = FloatVector.broadcast(S, MINUS_LN2);
        final FloatVector vC5 = FloatVector.broadcast(S, C5);
        final FloatVector vC4 = FloatVector.broadcast(S, C4);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vC0 = FloatVector.broadcast(S, 1f);
        final FloatVector vScale = FloatVector.broadcast(S, scale);
        int i = from;
        for (int bound = to - STEP; i <= bound; i += STEP) {
            FloatVector d0 = FloatVector.fromArray(S, x, i).sub(vR)
                    .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector d1 = FloatVector.fromArray(S, x, i + L).sub(vR)
                    .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector d2 = FloatVector.fromArray(S, x, i + 2 * L).sub(vR)
                    .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector d3 = FloatVector.fromArray(S, x, i + 3 * L).sub(vR)
                    .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector b0 = d0.fma(vLog2e, vMagic);
            FloatVector b1 = d1.fma(vLog2e, vMagic);
            FloatVector b2 = d2.fma(vLog2e, vMagic);
            FloatVector b3 = d3.fma(vLog2e, vMagic);
            FloatVector s0 = b0.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s1 = b1.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s2 = b2.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s3 = b3.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
            FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
            FloatVector t2 = b2.sub(vMagic).fma(vMinusLn2, d2);
            FloatVector t3 = b3.sub(vMagic).fma(vMinusLn2, d3);
            FloatVector p0 = t0.fma(vC5, vC4);
            FloatVector p1 = t1.fma(vC5, vC4);
            FloatVector p2 = t2.fma(vC5, vC4);
            FloatVector p3 = t3.fma(vC5, vC4);
            p0 = p0.fma(t0, vC3);
            p1 = p1.fma(t1, vC3);
            p2 = p2.fma(t2, vC3);
            p3 = p3.fma(t3, vC3);
            p0 = p0.fma(t0, vC2);
            p1 = p1.fma(t1, vC2);
            p2 = p2.fma(t2, vC2);
            p3 = p3.fma(t3, vC2);
            p0 = p0.fma(t0, vC1);
            p1 = p1.fma(t1, vC1);
            p2 = p2.fma(t2, vC1);
            p3 = p3.fma(t3, vC1);
            p0 = p0.fma(t0, vC0);
            p1 = p1.fma(t1, vC0);
            p2 = p2.fma(t2, vC0);
            p3 = p3.fma(t3, vC0);
            FloatVector f0 = p0.mul(s0);
            FloatVector f1 = p1.mul(s1);
            FloatVector f2 = p2.mul(s2);
            FloatVector f3 = p3.mul(s3);
            f0.mul(vScale).intoArray(y, i);
            f1.mul(vScale).intoArray(y, i + L);
            f2.mul(vScale).intoArray(y, i + 2 * L);
            f3.mul(vScale).intoArray(y, i + 3 * L);
        }
        for (; i < to; i++) y[i] = shift.exp(x[i]) * scale;
    }

    /** y *= scale in place (the reload algorithm's pass 3). */
    static void scale(float[] y, int from, int to, float scale) {
        final FloatVector vScale = FloatVector.broadcast(S, scale);
        int i = from;
        for (int bound = to - STEP; i <= bound; i += STEP) {
            FloatVector.fromArray(S, y, i).mul(vScale).intoArray(y, i);
            FloatVector.fromArray(S, y, i + L).mul(vScale).intoArray(y, i + L);
            FloatVector.fromArray(S, y, i + 2 * L).mul(vScale).intoArray(y, i + 2 * L);
            FloatVector.fromArray(S, y, i + 3 * L).mul(vScale).intoArray(y, i + 3 * L);
        }
        for (; i < to; i++) y[i] *= scale;
    }
    /**
     * Online softmax's pass 1 in one method (so that the constants stay in registers): per block of
     * BLOCK elements the block's max (the block is then re-read from L1), one rescale of the running
     * sum in double when the max grew, then the block's exps relative to the running max. Memory is
     * streamed once; about one exp per element.
     */
    static MaxSum onlineReduce(float[] x, int from, int to) {
        final FloatVector vLog2e = FloatVector.broadcast(S, LOG2E);
        final FloatVector vMinusLn2 = FloatVector.broadcast(S, MINUS_LN2);
        final FloatVector vC5 = FloatVector.broadcast(S, C5);
        final FloatVector vC4 = FloatVector.broadcast(S, C4);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vC0 = FloatVector.broadcast(S, 1f);
        float m = Float.NEGATIVE_INFINITY;
        double d = 0;
        ExpShift shift = null;
        int i = from;
        while (i <= to - STEP) {
            int blockEnd = Math.min(to, i + BLOCK) - STEP;
            float blockMax = max(x, i, blockEnd + STEP);
            if (blockMax > m) {
                d = m == Float.NEGATIVE_INFINITY ? 0 : d * Math.exp((double) m - blockMax);
                m = blockMax;
                shift = ExpShift.of(m);
            }
            if (shift == null) { // every logit so far is −∞
                i = blockEnd + STEP;
                continue;
            }
            final FloatVector vR = FloatVector.broadcast(S, shift.r());
            final FloatVector vMagic = FloatVector.broadcast(S, shift.magic());
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            for (; i <= blockEnd; i += STEP) {
                FloatVector d0 = FloatVector.fromArray(S, x, i).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d1 = FloatVector.fromArray(S, x, i + L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d2 = FloatVector.fromArray(S, x, i + 2 * L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector d3 = FloatVector.fromArray(S, x, i + 3 * L).sub(vR)
                        .reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector b0 = d0.fma(vLog2e, vMagic);
                FloatVector b1 = d1.fma(vLog2e, vMagic);
                FloatVector b2 = d2.fma(vLog2e, vMagic);
                FloatVector b3 = d3.fma(vLog2e, vMagic);
                FloatVector s0 = b0.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s2 = b2.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s3 = b3.reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector t0 = b0.sub(vMagic).fma(vMinusLn2, d0);
                FloatVector t1 = b1.sub(vMagic).fma(vMinusLn2, d1);
                FloatVector t2 = b2.sub(vMagic).fma(vMinusLn2, d2);
                FloatVector t3 = b3.sub(vMagic).fma(vMinusLn2, d3);
                FloatVector p0 = t0.fma(vC5, vC4);
                FloatVector p1 = t1.fma(vC5, vC4);
                FloatVector p2 = t2.fma(vC5, vC4);
                FloatVector p3 = t3.fma(vC5, vC4);
                p0 = p0.fma(t0, vC3);
                p1 = p1.fma(t1, vC3);
                p2 = p2.fma(t2, vC3);
                p3 = p3.fma(t3, vC3);
                p0 = p0.fma(t0, vC2);
                p1 = p1.fma(t1, vC2);
                p2 = p2.fma(t2, vC2);
                p3 = p3.fma(t3, vC2);
                p0 = p0.fma(t0, vC1);
                p1 = p1.fma(t1, vC1);
                p2 = p2.fma(t2, vC1);
                p3 = p3.fma(t3, vC1);
                p0 = p0.fma(t0, vC0);
                p1 = p1.fma(t1, vC0);
                p2 = p2.fma(t2, vC0);
                p3 = p3.fma(t3, vC0);
                FloatVector f0 = p0.mul(s0);
                FloatVector f1 = p1.mul(s1);
                FloatVector f2 = p2.mul(s2);
                FloatVector f3 = p3.mul(s3);
                acc0 = acc0.add(f0.add(f1));
                acc1 = acc1.add(f2.add(f3));
            }
            d += acc0.add(acc1).reduceLanes(VectorOperators.ADD) / shift.factor();
        }
        if (i < to) {
            float tailMax = max(x, i, to);
            if (tailMax > m) {
                d = m == Float.NEGATIVE_INFINITY ? 0 : d * Math.exp((double) m - tailMax);
                m = tailMax;
                shift = ExpShift.of(m);
            }
            if (shift != null) {
                double tail = 0;
                for (; i < to; i++) tail += shift.exp(x[i]);
                d += tail / shift.factor();
            }
        }
        return new MaxSum(m, d);
    }
}
