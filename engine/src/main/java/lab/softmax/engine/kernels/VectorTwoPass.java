package lab.softmax.engine.kernels;

import static lab.softmax.engine.kernels.ExpConstants.C1;
import static lab.softmax.engine.kernels.ExpConstants.C2;
import static lab.softmax.engine.kernels.ExpConstants.C3;
import static lab.softmax.engine.kernels.ExpConstants.C4;
import static lab.softmax.engine.kernels.ExpConstants.C5;
import static lab.softmax.engine.kernels.ExpConstants.EXP_MAGIC;
import static lab.softmax.engine.kernels.ExpConstants.LOG2E;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2_HI;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2_LO;
import static lab.softmax.engine.kernels.ExpConstants.ROUND_LIMIT;
import static lab.softmax.engine.kernels.ExpConstants.ROUND_MAGIC;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Two-Pass softmax with the Vector API. Every exp is an extended float (p, n): p from the
 * polynomial (with c0 = 1), n = round(x·log2 e) kept as a float vector (never an int vector, which
 * C2 failed to keep in registers: reference/kernels.md §7 pitfall 1). Per lane, pass 1 keeps
 * (accV, accE); when a lane's exponent grows it rescales accV by 2^(accE − newE), a power of two
 * built from bits; every BLOCK elements the lanes are folded exactly into a double pair.
 * A masked logit needs no special case (each compare + blend costs ~15 % here): x·log2 e = −∞
 * gives n = −∞, p = 1 and the weight 2^(−∞ − E) = 0, exactly.
 */
final class VectorTwoPass implements SoftmaxKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * 2^d for an integer-valued d ≤ 0: the bits of d + EXP_MAGIC hold d + 127 in their low bits; an int max
     * with the bits of 1.5·2^23 (d = −127) sends every d ≤ −127, −∞ included, to exactly 0. One integer
     * max instead of a compare and a blend: positive floats order like their bit patterns.
     */
    private static final int MIN_POW2_BITS = Float.floatToRawIntBits(EXP_MAGIC - 127f);

    @Override public Algorithm algorithm() { return Algorithm.TWO_PASS; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public Normaliser reduce(float[] x, float[] y, int from, int to, float ignored) {
        final FloatVector vLn2Hi = FloatVector.broadcast(S, MINUS_LN2_HI);
        final FloatVector vLn2Lo = FloatVector.broadcast(S, MINUS_LN2_LO);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vOne = FloatVector.broadcast(S, 1f);
        double totalE = Double.NEGATIVE_INFINITY;
        double totalV = 0;
        int i = from;
        while (i <= to - 2 * L) {
            int blockEnd = Math.min(to, i + VectorExpPasses.BLOCK) - 2 * L;
            FloatVector v0 = FloatVector.zero(S);
            FloatVector v1 = v0;
            // Finite start: a masked lane (n = −∞) then scales by 2^(−∞ − accE) = 0 and never meets −∞ − (−∞).
            FloatVector accE = FloatVector.broadcast(S, -Float.MAX_VALUE);
            for (; i <= blockEnd; i += 2 * L) {
                FloatVector x0 = FloatVector.fromArray(S, x, i);
                FloatVector x1 = FloatVector.fromArray(S, x, i + L);
                FloatVector a0 = x0.mul(LOG2E);
                FloatVector a1 = x1.mul(LOG2E);
                VectorMask<Float> big0 = a0.abs().compare(VectorOperators.GE, ROUND_LIMIT);
                VectorMask<Float> big1 = a1.abs().compare(VectorOperators.GE, ROUND_LIMIT);
                FloatVector n0 = a0.add(ROUND_MAGIC).sub(ROUND_MAGIC).blend(a0, big0);
                FloatVector n1 = a1.add(ROUND_MAGIC).sub(ROUND_MAGIC).blend(a1, big1);
                FloatVector t0 = n0.fma(vLn2Hi, x0);
                FloatVector t1 = n1.fma(vLn2Hi, x1);
                t0 = n0.fma(vLn2Lo, t0).blend(0f, big0);
                t1 = n1.fma(vLn2Lo, t1).blend(0f, big1);
                FloatVector p0 = t0.fma(C5, C4);
                FloatVector p1 = t1.fma(C5, C4);
                p0 = p0.fma(t0, vC3);
                p1 = p1.fma(t1, vC3);
                p0 = p0.fma(t0, vC2);
                p1 = p1.fma(t1, vC2);
                p0 = p0.fma(t0, vC1);
                p1 = p1.fma(t1, vC1);
                p0 = p0.fma(t0, vOne);
                p1 = p1.fma(t1, vOne);
                // One shared exponent per lane for both vectors: rescale the sums by 2^(accE − newE),
                // an exact power of two built from bits (≤ −127 gives 0). No branch: a data-dependent
                // branch here made C2 box the vectors (12 bytes allocated per element).
                FloatVector top = n0.blend(n1, n1.compare(VectorOperators.GT, n0));
                FloatVector newE = accE.blend(top, top.compare(VectorOperators.GT, accE));
                FloatVector sa = accE.sub(newE).add(EXP_MAGIC).reinterpretAsInts()
                        .max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                v0 = v0.mul(sa);
                v1 = v1.mul(sa);
                accE = newE;
                FloatVector sn0 = n0.sub(accE).add(EXP_MAGIC).reinterpretAsInts()
                        .max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector sn1 = n1.sub(accE).add(EXP_MAGIC).reinterpretAsInts()
                        .max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                v0 = p0.fma(sn0, v0);
                v1 = p1.fma(sn1, v1);
            }
            // Fold the lanes into the double state: exact power-of-two rescaling, no allocation.
            float blockE = accE.reduceLanes(VectorOperators.MAX);
            FloatVector w = accE.sub(blockE).add(EXP_MAGIC).reinterpretAsInts()
                    .max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            double blockV = v0.add(v1).mul(w).reduceLanes(VectorOperators.ADD);
            // A block whose exponent reaches 2^21 (or overflowed) holds logits fp32 cannot reduce exactly.
            if (blockV != 0 && (!(blockV > 0) || ScalarTwoPass.needsExactPath(blockE))) {
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
        final FloatVector vLn2Hi = FloatVector.broadcast(S, MINUS_LN2_HI);
        final FloatVector vLn2Lo = FloatVector.broadcast(S, MINUS_LN2_LO);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        final FloatVector vOne = FloatVector.broadcast(S, 1f);
        int i = from;
        for (int bound = to - 2 * L; i <= bound; i += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(S, x, i);
            FloatVector x1 = FloatVector.fromArray(S, x, i + L);
            FloatVector a0 = x0.mul(LOG2E);
            FloatVector a1 = x1.mul(LOG2E);
            VectorMask<Float> big0 = a0.abs().compare(VectorOperators.GE, ROUND_LIMIT);
            VectorMask<Float> big1 = a1.abs().compare(VectorOperators.GE, ROUND_LIMIT);
            FloatVector n0 = a0.add(ROUND_MAGIC).sub(ROUND_MAGIC).blend(a0, big0);
            FloatVector n1 = a1.add(ROUND_MAGIC).sub(ROUND_MAGIC).blend(a1, big1);
            FloatVector t0 = n0.fma(vLn2Hi, x0);
            FloatVector t1 = n1.fma(vLn2Hi, x1);
            t0 = n0.fma(vLn2Lo, t0).blend(0f, big0);
            t1 = n1.fma(vLn2Lo, t1).blend(0f, big1);
            FloatVector p0 = t0.fma(C5, C4);
            FloatVector p1 = t1.fma(C5, C4);
            p0 = p0.fma(t0, vC3);
            p1 = p1.fma(t1, vC3);
            p0 = p0.fma(t0, vC2);
            p1 = p1.fma(t1, vC2);
            p0 = p0.fma(t0, vC1);
            p1 = p1.fma(t1, vC1);
            p0 = p0.fma(t0, vOne).mul(inv);
            p1 = p1.fma(t1, vOne).mul(inv);
            // 2^(n − E) ≤ 1; below 2^-126 the output is flushed to 0 (reference/kernels.md §2.5).
            FloatVector s0 = n0.sub(rowE).add(EXP_MAGIC).reinterpretAsInts()
                    .max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s1 = n1.sub(rowE).add(EXP_MAGIC).reinterpretAsInts()
                    .max(MIN_POW2_BITS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            p0.mul(s0).intoArray(y, i);
            p1.mul(s1).intoArray(y, i + L);
        }
        for (; i < to; i++) {
            double n = ScalarTwoPass.exponentOf(x[i]);
            y[i] = (float) ExtendedSum.scale(ScalarTwoPass.mantissaOf(x[i], n) * inv, Math.max(n - rowE, -127));
        }
    }
}
