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
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2_HI;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2_LO;
import static lab.softmax.engine.kernels.ExpConstants.ROUND_MAGIC;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Two-Pass softmax with the Vector API. Every exp is an extended float (p, n): p from the
 * polynomial (with c0 = 1), n = round(x·log2 e) kept as a float (never an int vector that C2 must
 * box: reference/kernels.md §7 pitfall 1). Four vectors per iteration, stage by stage.
 *
 * <p>The exponent lives in its biased form b = x·log2 e + 1.5·2^23 (one FMA; n = b − 1.5·2^23):
 * for every logit above −8.7e6 b is a positive float, whose bit pattern orders like its value, so
 * the per-lane running maximum is one integer max per vector, and 2^(n − E) comes from the bits of
 * b + (EXP_MAGIC − B_max) (one add; an integer max sends n − E ≤ −127, −∞ included, to exactly 0).
 * Pass 1 keeps per lane (accV, accB) and rescales accV by the exact power 2^(E_old − E_new) each
 * iteration (branch-free: a data-dependent branch here made C2 box the vectors); every BLOCK
 * elements the lanes are folded exactly into a double pair.
 *
 * <p>A masked logit (−∞) would make t NaN: an unsigned integer min on the bits of x maps −∞ and
 * every x ≤ −2^48 to −2^48 (one instruction), whose t is meaningless but finite, so p is finite and
 * its weight 2^(n − E) is exactly 0. Logits beyond fp32's exact reduction (|x| ≳ 3e6) get a
 * meaningless p too; blocks whose exponent reaches 2^21 (or that hold only logits ≤ −8.7e6, or
 * whose sum is not finite) are redone exactly by the scalar path.
 */
final class VectorTwoPass implements SoftmaxKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    private static final int L = S.length();
    private static final int STEP = 4 * L;

    @Override public Algorithm algorithm() { return Algorithm.TWO_PASS; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public Normaliser reduce(float[] x, float[] y, int from, int to, float ignored) {
        final FloatVector vLog2e = FloatVector.broadcast(S, LOG2E);
        final FloatVector vRound = FloatVector.broadcast(S, ROUND_MAGIC);
        final FloatVector vLn2Hi = FloatVector.broadcast(S, MINUS_LN2_HI);
        final FloatVector vLn2Lo = FloatVector.broadcast(S, MINUS_LN2_LO);
        final FloatVector vC5 = FloatVector.broadcast(S, C5);
        final FloatVector vC4 = FloatVector.broadcast(S, C4);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vOne = FloatVector.broadcast(S, 1f);
        final FloatVector vExpMagic = FloatVector.broadcast(S, EXP_MAGIC);
        double totalE = Double.NEGATIVE_INFINITY;
        double totalV = 0;
        int i = from;
        while (i <= to - STEP) {
            int blockEnd = Math.min(to, i + VectorExpPasses.BLOCK) - STEP;
            FloatVector v0 = FloatVector.zero(S);
            FloatVector v1 = v0;
            // Bits of the biased running max per lane; 0 (the float +0, n = −1.5·2^23) until a logit above
            // −8.7e6 arrives. Masked lanes (b = −∞, a negative int) never win.
            IntVector accB = IntVector.zero(IS);
            for (; i <= blockEnd; i += STEP) {
                FloatVector x0 = FloatVector.fromArray(S, x, i).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector x1 = FloatVector.fromArray(S, x, i + L).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector x2 = FloatVector.fromArray(S, x, i + 2 * L).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector x3 = FloatVector.fromArray(S, x, i + 3 * L).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
                FloatVector b0 = x0.fma(vLog2e, vRound);
                FloatVector b1 = x1.fma(vLog2e, vRound);
                FloatVector b2 = x2.fma(vLog2e, vRound);
                FloatVector b3 = x3.fma(vLog2e, vRound);
                FloatVector n0 = b0.sub(vRound);
                FloatVector n1 = b1.sub(vRound);
                FloatVector n2 = b2.sub(vRound);
                FloatVector n3 = b3.sub(vRound);
                FloatVector t0 = n0.fma(vLn2Hi, x0);
                FloatVector t1 = n1.fma(vLn2Hi, x1);
                FloatVector t2 = n2.fma(vLn2Hi, x2);
                FloatVector t3 = n3.fma(vLn2Hi, x3);
                t0 = n0.fma(vLn2Lo, t0);
                t1 = n1.fma(vLn2Lo, t1);
                t2 = n2.fma(vLn2Lo, t2);
                t3 = n3.fma(vLn2Lo, t3);
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
                // the biased exponents order like their bit patterns (see accB): one integer max each
                IntVector newB = accB.max(b0.reinterpretAsInts().max(b1.reinterpretAsInts()))
                        .max(b2.reinterpretAsInts().max(b3.reinterpretAsInts()));
                FloatVector c = vExpMagic.sub(newB.reinterpretAsFloats());
                FloatVector sa = accB.reinterpretAsFloats().add(c).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                accB = newB;
                FloatVector s0 = b0.add(c).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.add(c).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s2 = b2.add(c).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s3 = b3.add(c).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                v0 = p1.fma(s1, p0.fma(s0, v0.mul(sa)));
                v1 = p3.fma(s3, p2.fma(s2, v1.mul(sa)));
            }
            // Fold the lanes into the double state: exact power-of-two rescaling, no allocation.
            int blockBits = accB.reduceLanes(VectorOperators.MAX);
            float blockB = Float.intBitsToFloat(blockBits);
            double blockE = (double) blockB - ROUND_MAGIC;
            FloatVector w = accB.reinterpretAsFloats().add(EXP_MAGIC - blockB).reinterpretAsInts()
                    .max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            double blockV = v0.add(v1).mul(w).reduceLanes(VectorOperators.ADD);
            if (!(blockV >= 0) || (blockV > 0 || blockB > 0) && ScalarTwoPass.needsExactPath(blockE)) {
                return new ScalarTwoPass().reduce(x, y, from, to, Float.NaN);
            }
            if (blockV > 0) {
                double e = Math.max(totalE, blockE);
                totalV = ExtendedSum.scale(totalV, totalE - e) + ExtendedSum.scale(blockV, blockE - e);
                totalE = e;
            }
        }
        ExtendedSum total = totalV > 0 ? new ExtendedSum(totalE, totalV) : ExtendedSum.EMPTY;
        for (; i < to; i++) {
            double n = ScalarTwoPass.exponentOf(x[i]);
            total = total.combine(new ExtendedSum(n, ScalarTwoPass.mantissaOf(x[i], n)));
        }
        // Logits below about −2.4e38 overflow x·log2 e to −∞ and count as masked here; a chunk made only of such
        // values and masks, or whose exponent reaches 2^21, is redone exactly (rare: keeps exact semantics).
        if (total.mantissa() == 0 || ScalarTwoPass.needsExactPath(total.exponent())) {
            return total.mantissa() == 0 ? new ScalarTwoPass().reduce(x, y, from, to, Float.NaN)
                    : HugeLogitSoftmax.reduce(x, from, to);
        }
        return total;
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, Normaliser row) {
        ExtendedSum sum = (ExtendedSum) row;
        if (ScalarTwoPass.needsExactPath(sum.exponent())) {
            new ScalarTwoPass().normalise(x, y, from, to, row);
            return;
        }
        final float rowE = (float) sum.exponent();
        final float inv = (float) (1 / sum.mantissa());
        final FloatVector vLog2e = FloatVector.broadcast(S, LOG2E);
        final FloatVector vRound = FloatVector.broadcast(S, ROUND_MAGIC);
        final FloatVector vLn2Hi = FloatVector.broadcast(S, MINUS_LN2_HI);
        final FloatVector vLn2Lo = FloatVector.broadcast(S, MINUS_LN2_LO);
        final FloatVector vC5 = FloatVector.broadcast(S, C5);
        final FloatVector vC4 = FloatVector.broadcast(S, C4);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vOne = FloatVector.broadcast(S, 1f);
        final FloatVector vInv = FloatVector.broadcast(S, inv);
        // b + (127 − E) = (n − E) + EXP_MAGIC, exact for every n − E ≥ −2^23: 2^(n − E) ≤ 1, flushed to 0 below 2^-126
        final FloatVector vC = FloatVector.broadcast(S, 127f - rowE);
        int i = from;
        for (int bound = to - STEP; i <= bound; i += STEP) {
            FloatVector x0 = FloatVector.fromArray(S, x, i).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector x1 = FloatVector.fromArray(S, x, i + L).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector x2 = FloatVector.fromArray(S, x, i + 2 * L).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector x3 = FloatVector.fromArray(S, x, i + 3 * L).reinterpretAsInts().lanewise(VectorOperators.UMIN, LOWEST_BITS).reinterpretAsFloats();
            FloatVector b0 = x0.fma(vLog2e, vRound);
            FloatVector b1 = x1.fma(vLog2e, vRound);
            FloatVector b2 = x2.fma(vLog2e, vRound);
            FloatVector b3 = x3.fma(vLog2e, vRound);
            FloatVector n0 = b0.sub(vRound);
            FloatVector n1 = b1.sub(vRound);
            FloatVector n2 = b2.sub(vRound);
            FloatVector n3 = b3.sub(vRound);
            FloatVector t0 = n0.fma(vLn2Hi, x0);
            FloatVector t1 = n1.fma(vLn2Hi, x1);
            FloatVector t2 = n2.fma(vLn2Hi, x2);
            FloatVector t3 = n3.fma(vLn2Hi, x3);
            t0 = n0.fma(vLn2Lo, t0);
            t1 = n1.fma(vLn2Lo, t1);
            t2 = n2.fma(vLn2Lo, t2);
            t3 = n3.fma(vLn2Lo, t3);
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
            FloatVector s0 = b0.add(vC).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s1 = b1.add(vC).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s2 = b2.add(vC).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s3 = b3.add(vC).reinterpretAsInts().max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            p0.mul(vInv).mul(s0).intoArray(y, i);
            p1.mul(vInv).mul(s1).intoArray(y, i + L);
            p2.mul(vInv).mul(s2).intoArray(y, i + 2 * L);
            p3.mul(vInv).mul(s3).intoArray(y, i + 3 * L);
        }
        for (; i < to; i++) {
            double n = ScalarTwoPass.exponentOf(x[i]);
            y[i] = (float) ExtendedSum.scale(ScalarTwoPass.mantissaOf(x[i], n) * inv, Math.max(n - rowE, -127));
        }
    }
}
