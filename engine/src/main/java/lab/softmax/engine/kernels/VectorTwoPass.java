package lab.softmax.engine.kernels;

import static lab.softmax.engine.kernels.ExpConstants.C1;
import static lab.softmax.engine.kernels.ExpConstants.C2;
import static lab.softmax.engine.kernels.ExpConstants.C3;
import static lab.softmax.engine.kernels.ExpConstants.C4;
import static lab.softmax.engine.kernels.ExpConstants.C5;
import static lab.softmax.engine.kernels.ExpConstants.EXP_MAGIC;
import static lab.softmax.engine.kernels.ExpConstants.LOG2E;
import static lab.softmax.engine.kernels.ExpConstants.LOWEST_BITS;
import static lab.softmax.engine.kernels.ExpConstants.MIN_POW2_BITS;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2;
import static lab.softmax.engine.kernels.ExpConstants.ROUND_MAGIC;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Two-Pass softmax with the Vector API. Every exp is an extended float (p, n): p from the
 * polynomial (with c0 = 1), n = round(x·log2 e) kept as a float (never an int vector that C2 must
 * box: integer-exponent bookkeeping through reinterpretAsInts/IntVector left the vectors boxed,
 * 1–50 ns per element instead of ≈ 0.2). Four vectors per iteration, stage by stage; constants
 * as loaded lanes ({@link ExpLanes}).
 *
 * <p>The exponent lives in a biased form b = x·log2 e + M (one FMA): M = 1.5·2^23 + 127 − E holds the
 * reference exponent E, so b rounds to n + M, b − M = n, and the bits of b give 2^(n − E) directly (an
 * integer max sends n − E ≤ −127, −∞ included, to exactly 0); for every logit above −8.7e6 b is a
 * positive float, whose bit pattern orders like its value. Pass 1 weighs each block's exps against one
 * reference exponent E_ref, pass 2 against the row's exponent. E_ref is set from the first block's max and then kept: each block also takes the
 * integer max of its b (one instruction per vector); when that exceeded B_ref, E_ref moves up for the
 * next blocks, and a block more than 2^64 above it (its lane sums could overflow) is redone from its
 * own max. So there is neither a max pass nor a per-iteration rescale (measured, benchmarks/README.md
 * "In-cache gap"); the lane sums are folded into a double pair every BLOCK elements.
 *
 * <p>One Cody–Waite constant: t = x − n·ln2_f. Its error n·(ln2_f − ln2) is linear in n, the same in
 * both passes and in the scalar tail (which repeats the loop's fp32 operations, {@link #mantissa}), so
 * in the outputs only |n_i − n_j|·2e-9 survives (≤ 3e-7 for every output ≥ 2^-126 of the largest),
 * and log-sum-exp carries n_max·2e-9 absolute, ≤ 3e-9 relative.
 *
 * <p>A masked logit (−∞) would make t NaN: an unsigned integer min on the bits of x maps −∞ and
 * every x ≤ −2^48 to −2^48 (one instruction), whose t is meaningless but finite, so p is finite and
 * its weight 2^(n − E) is exactly 0. Logits beyond fp32's exact reduction (|x| ≳ 3e6) get a
 * meaningless p too; rows whose exponent reaches 2^21 (or that hold only logits ≤ −8.7e6, or
 * whose sum is not finite) are redone exactly by the scalar path.
 *
 * <p>Why the passes repeat the exp lane by lane: as in {@link VectorExpPasses}, C2 keeps vectors in
 * registers only when each hot loop is one flat method with its exp inline; a shared helper boxes them.
 */
final class VectorTwoPass implements SoftmaxKernel, RowKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    private static final int L = S.length();
    private static final int STEP = 4 * L;
    /** How far (2^this) a block's exps may exceed the reference exponent before the block is redone from its max. */
    private static final float GROWTH_LIMIT = 64;

    @Override public Algorithm algorithm() { return Algorithm.TWO_PASS; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float ignored) {
        RowScratch scratch = new RowScratch();
        reduce(x, from, to, scratch);
        return scratch.extendedSum();
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        reduce(x, from, to, scratch);
        double exponent = scratch.exponent;
        double mantissa = scratch.mantissa;
        normalise(x, y, from, to, exponent, mantissa, scratch.lanes);
        return ExtendedSum.logSumExp(exponent, mantissa);
    }

    /** Pass 1: the row's extended sum into the scratch (rows the vector loop cannot take go to the scalar kernel). */
    private static void reduce(float[] x, int from, int to, RowScratch scratch) {
        final FloatVector vLog2e = ExpLanes.log2e();
        final FloatVector vLn2 = ExpLanes.minusLn2();
        final IntVector vLowest = ExpLanes.lowestBits();
        final IntVector vMinPow2 = ExpLanes.minPow2Bits();
        final FloatVector vC5 = ExpLanes.c5();
        final FloatVector vC4 = ExpLanes.c4();
        final FloatVector vC3 = ExpLanes.c3();
        final FloatVector vC2 = ExpLanes.c2();
        final FloatVector vC1 = ExpLanes.c1();
        final FloatVector vOne = ExpLanes.one();
        // the block's rounding constant M = EXP_MAGIC − E_ref, loaded from the scratch (a runtime broadcast would be
        // redone for every vector)
        final float[] blockBias = scratch.lanes;
        final int biasAt = ExpLanes.BIAS_SLOT * L;
        double totalE = Double.NEGATIVE_INFINITY;
        double totalV = 0;
        int i = from;
        final int vectorEnd = from + (to - from) / STEP * STEP;
        float refB = 0;   // the reference biased exponent B_ref; 0 until a block has set it
        while (i < vectorEnd) {
            final int blockStart = i;
            final int blockEnd = Math.min(vectorEnd, i + VectorExpPasses.BLOCK);
            if (refB == 0) {
                // The reference from the block's max: every b in the block is ≤ B_ref (fma is monotone).
                refB = Math.fma(VectorExpPasses.max(x, i, blockEnd), LOG2E, ROUND_MAGIC);
                if (!(refB > 0)) {   // only masks and logits below −8.7e6: no weight next to any other block
                    refB = 0;
                    i = blockEnd;
                    continue;
                }
                if (ScalarTwoPass.needsExactPath((double) refB - ROUND_MAGIC)) {
                    ScalarTwoPass.reduce(x, from, to, scratch);
                    return;
                }
                Arrays.fill(blockBias, biasAt, biasAt + L, blockMagic(refB));
            }
            final float magic = blockMagic(refB);
            final FloatVector vM = FloatVector.fromArray(S, blockBias, biasAt);
            FloatVector v0 = FloatVector.zero(S);
            FloatVector v1 = v0;
            // Speculative after the first block: exps relative to the running reference, plus the largest b (an integer
            // max: finite b are positive floats, masked lanes negative); a block that exceeds it by more than 2^64 is redone.
            IntVector top = IntVector.zero(IS);
            for (; i < blockEnd; i += STEP) {
                FloatVector x0 = FloatVector.fromArray(S, x, i).reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector x1 = FloatVector.fromArray(S, x, i + L).reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector x2 = FloatVector.fromArray(S, x, i + 2 * L).reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector x3 = FloatVector.fromArray(S, x, i + 3 * L).reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
                FloatVector b0 = x0.fma(vLog2e, vM);
                FloatVector b1 = x1.fma(vLog2e, vM);
                FloatVector b2 = x2.fma(vLog2e, vM);
                FloatVector b3 = x3.fma(vLog2e, vM);
                top = top.max(b0.reinterpretAsInts().max(b1.reinterpretAsInts())).max(b2.reinterpretAsInts().max(b3.reinterpretAsInts()));
                FloatVector t0 = b0.sub(vM).fma(vLn2, x0);
                FloatVector t1 = b1.sub(vM).fma(vLn2, x1);
                FloatVector t2 = b2.sub(vM).fma(vLn2, x2);
                FloatVector t3 = b3.sub(vM).fma(vLn2, x3);
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
                p0 = p0.fma(t0, vOne);
                p1 = p1.fma(t1, vOne);
                p2 = p2.fma(t2, vOne);
                p3 = p3.fma(t3, vOne);
                // 2^(n − E_ref) from the bits of b = n + M; n − E_ref ≤ −127 (masks too) gives exactly 0
                FloatVector s0 = b0.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s2 = b2.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s3 = b3.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                v0 = p1.fma(s1, p0.fma(s0, v0));
                v1 = p3.fma(s3, p2.fma(s2, v1));
            }
            // the largest n + M back to the biased form n + 1.5·2^23 (integers below 2^24: exact); no finite lane gives
            // 0 − M + 1.5·2^23, below B_ref
            float topB = Float.intBitsToFloat(top.reduceLanes(VectorOperators.MAX)) - magic + ROUND_MAGIC;
            if (!(topB - refB <= GROWTH_LIMIT)) {   // 2^(n − E_ref) could overflow the lane sums: redo from the block's max
                refB = 0;
                i = blockStart;
                continue;
            }
            double blockV = v0.add(v1).reduceLanes(VectorOperators.ADD);
            if (!(blockV < Double.POSITIVE_INFINITY)) {
                ScalarTwoPass.reduce(x, from, to, scratch);
                return;
            }
            if (blockV > 0) {
                double blockE = (double) refB - ROUND_MAGIC;
                double e = Math.max(totalE, blockE);
                totalV = ExtendedSum.scale(totalV, totalE - e) + ExtendedSum.scale(blockV, blockE - e);
                totalE = e;
            }
            if (topB > refB) {   // the exponent grew: the next blocks use the new one
                refB = topB;
                if (ScalarTwoPass.needsExactPath((double) refB - ROUND_MAGIC)) {
                    ScalarTwoPass.reduce(x, from, to, scratch);
                    return;
                }
                Arrays.fill(blockBias, biasAt, biasAt + L, blockMagic(refB));
            }
        }
        for (; i < to; i++) {
            // the scalar twin of the loop (same fp32 operations), so that tail and body share the reduction error
            float b = Math.fma(x[i], LOG2E, ROUND_MAGIC);
            if (!(b > 0)) continue;   // a mask or a logit below −8.7e6 (the row is redone below if nothing else counts)
            double n = (double) b - ROUND_MAGIC;
            if (ScalarTwoPass.needsExactPath(n)) {
                ScalarTwoPass.reduce(x, from, to, scratch);
                return;
            }
            double e = Math.max(totalE, n);
            totalV = ExtendedSum.scale(totalV, totalE - e) + ExtendedSum.scale(mantissa(x[i], b), n - e);
            totalE = e;
        }
        // A chunk made only of masks and logits below −8.7e6 (or below about −2.4e38, where x·log2 e overflows)
        // is redone exactly by the scalar path.
        if (totalV == 0) {
            ScalarTwoPass.reduce(x, from, to, scratch);
            return;
        }
        scratch.exponent = totalE;
        scratch.mantissa = totalV;
    }

    /**
     * M = EXP_MAGIC − E_ref for the biased reference B_ref = E_ref + 1.5·2^23: x·log2 e + M rounds to n + M (an
     * integer in [2^23, 2^24) for |E_ref| &lt; 2^21, so exact), whose bits give 2^(n − E_ref) and from which
     * b − M = n. Exact: EXP_MAGIC − B_ref is an integer below 2^22 in magnitude.
     */
    private static float blockMagic(float refB) { return (EXP_MAGIC - refB) + ROUND_MAGIC; }

    /**
     * p of the vector loops for a logit x with biased exponent b = fma(x, log2 e, 1.5·2^23) &gt; 0, with the same
     * fp32 operations: t = x − n·ln2_f with one Cody–Waite constant, then the degree-5 polynomial.
     */
    static float mantissa(float x, float b) {
        float t = Math.fma(b - ROUND_MAGIC, MINUS_LN2, x);
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(C5, t, C4), t, C3), t, C2), t, C1), t, 1f);
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        ExtendedSum sum = (ExtendedSum) row;
        normalise(x, y, from, to, sum.exponent(), sum.mantissa(), new RowScratch().lanes);
    }

    /** Pass 2 given the row's sum mantissa · 2^exponent; {@code lanes} is the caller's scratch. */
    private static void normalise(float[] x, float[] y, int from, int to, double exponent, double mantissa, float[] lanes) {
        if (ScalarTwoPass.needsExactPath(exponent)) {
            ScalarTwoPass.normalise(x, y, from, to, exponent, mantissa);
            return;
        }
        final float rowE = (float) exponent;
        final float inv = (float) (1 / mantissa);
        final FloatVector vLog2e = ExpLanes.log2e();
        final FloatVector vLn2 = ExpLanes.minusLn2();
        final IntVector vLowest = ExpLanes.lowestBits();
        final IntVector vMinPow2 = ExpLanes.minPow2Bits();
        // 1/sum folded into the coefficients (one multiply less per vector), as loaded lanes (see ExpLanes)
        final float[] poly = ExpLanes.scaledPolynomial(inv, lanes);
        final FloatVector vC5 = FloatVector.fromArray(S, poly, 0);
        final FloatVector vC4 = FloatVector.fromArray(S, poly, L);
        final FloatVector vC3 = FloatVector.fromArray(S, poly, 2 * L);
        final FloatVector vC2 = FloatVector.fromArray(S, poly, 3 * L);
        final FloatVector vC1 = FloatVector.fromArray(S, poly, 4 * L);
        final FloatVector vInv = FloatVector.fromArray(S, poly, 5 * L);
        // The row's exponent goes into the rounding constant: b = x·log2 e + (EXP_MAGIC − E) rounds to n + EXP_MAGIC − E
        // (an integer below 2^22 off 1.5·2^23, so exact), whose bits give 2^(n − E) ≤ 1 directly (flushed to 0 below
        // 2^-126) and b − (EXP_MAGIC − E) = n: one add per vector less than a separate bias
        final FloatVector vMagic = ExpLanes.of(EXP_MAGIC - rowE, lanes, ExpLanes.BIAS_SLOT);
        // Two vectors per iteration, not four: with the 1/sum-scaled polynomial, the bias and the masks' clamp,
        // four left C2 too few of the 32 vector registers and the pass ran at half the speed (measured,
        // benchmarks/README.md "Two-pass output pass")
        int i = from;
        for (int bound = to - 2 * L; i <= bound; i += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(S, x, i).reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
            FloatVector x1 = FloatVector.fromArray(S, x, i + L).reinterpretAsInts().lanewise(VectorOperators.UMIN, vLowest).reinterpretAsFloats();
            FloatVector b0 = x0.fma(vLog2e, vMagic);
            FloatVector b1 = x1.fma(vLog2e, vMagic);
            FloatVector s0 = b0.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s1 = b1.reinterpretAsInts().max(vMinPow2).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector t0 = b0.sub(vMagic).fma(vLn2, x0);
            FloatVector t1 = b1.sub(vMagic).fma(vLn2, x1);
            FloatVector p0 = t0.fma(vC5, vC4);
            FloatVector p1 = t1.fma(vC5, vC4);
            p0 = p0.fma(t0, vC3);
            p1 = p1.fma(t1, vC3);
            p0 = p0.fma(t0, vC2);
            p1 = p1.fma(t1, vC2);
            p0 = p0.fma(t0, vC1);
            p1 = p1.fma(t1, vC1);
            p0 = p0.fma(t0, vInv);
            p1 = p1.fma(t1, vInv);
            p0.mul(s0).intoArray(y, i);
            p1.mul(s1).intoArray(y, i + L);
        }
        for (; i < to; i++) {
            float b = Math.fma(x[i], LOG2E, ROUND_MAGIC);
            y[i] = b > 0 ? (float) ExtendedSum.scale(mantissa(x[i], b) * (double) inv, Math.max(b - ROUND_MAGIC - rowE, -2000)) : 0f;
        }
    }
}
