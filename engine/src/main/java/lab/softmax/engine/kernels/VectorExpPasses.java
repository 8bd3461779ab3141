package lab.softmax.engine.kernels;

import static lab.softmax.engine.kernels.ExpConstants.C1;
import static lab.softmax.engine.kernels.ExpConstants.C2;
import static lab.softmax.engine.kernels.ExpConstants.C3;
import static lab.softmax.engine.kernels.ExpConstants.C4;
import static lab.softmax.engine.kernels.ExpConstants.C5;
import static lab.softmax.engine.kernels.ExpConstants.LOG2E;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2_HI;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2_LO;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The streaming passes of the three-pass and online kernels with the Vector API.
 *
 * <p>Why the code repeats itself: C2 only keeps vectors in registers when each hot loop is one flat
 * method with its exp written inline (reference/kernels.md §7, pitfalls 1–2); a vector-returning
 * helper shared by several loops left the vectors boxed, 5–100× slower. Each loop handles two
 * vectors per iteration, stage by stage, and finishes with {@link ExpShift#exp(float)} (same
 * arithmetic, scalar) for the tail.
 */
final class VectorExpPasses {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Sums are folded from fp32 lanes into a double every BLOCK elements: at most 32 fp32 additions per lane accumulator, so the error does not grow with N. */
    static final int BLOCK = 1024;

    private VectorExpPasses() { }

    static float max(float[] x, int from, int to) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
        int i = from;
        for (int bound = to - 4 * L; i <= bound; i += 4 * L) {
            { FloatVector v = FloatVector.fromArray(S, x, i); m0 = m0.blend(v, v.compare(VectorOperators.GT, m0)); }
            { FloatVector v = FloatVector.fromArray(S, x, i + L); m1 = m1.blend(v, v.compare(VectorOperators.GT, m1)); }
            { FloatVector v = FloatVector.fromArray(S, x, i + 2 * L); m2 = m2.blend(v, v.compare(VectorOperators.GT, m2)); }
            { FloatVector v = FloatVector.fromArray(S, x, i + 3 * L); m3 = m3.blend(v, v.compare(VectorOperators.GT, m3)); }
        }
        for (int bound = to - L; i <= bound; i += L) {
            { FloatVector v = FloatVector.fromArray(S, x, i); m0 = m0.blend(v, v.compare(VectorOperators.GT, m0)); }
        }
        float m = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < to; i++) m = Math.max(m, x[i]);
        return m;
    }

    /** Σ exp(x − max)·factor over [from, to) (the recompute algorithm's pass 2, online's block sums). */
    static double sumExp(float[] x, int from, int to, ExpShift shift) {
        final float r = shift.r();
        final float cutoff = shift.cutoff();
        final float magic = shift.magic();
        final FloatVector vLn2Hi = FloatVector.broadcast(S, MINUS_LN2_HI);
        final FloatVector vLn2Lo = FloatVector.broadcast(S, MINUS_LN2_LO);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        double total = 0;
        int i = from;
        while (i <= to - 2 * L) {
            int blockEnd = Math.min(to, i + BLOCK) - 2 * L;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = FloatVector.zero(S);
            for (; i <= blockEnd; i += 2 * L) {
                FloatVector d0 = FloatVector.fromArray(S, x, i).sub(r);
                FloatVector d1 = FloatVector.fromArray(S, x, i + L).sub(r);
                FloatVector b0 = d0.fma(LOG2E, magic);
                FloatVector b1 = d1.fma(LOG2E, magic);
                FloatVector s0 = b0.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector n0 = b0.sub(magic);
                FloatVector n1 = b1.sub(magic);
                FloatVector t0 = n0.fma(vLn2Hi, d0);
                FloatVector t1 = n1.fma(vLn2Hi, d1);
                t0 = n0.fma(vLn2Lo, t0);
                t1 = n1.fma(vLn2Lo, t1);
                FloatVector p0 = t0.fma(C5, C4);
                FloatVector p1 = t1.fma(C5, C4);
                p0 = p0.fma(t0, vC3);
                p1 = p1.fma(t1, vC3);
                p0 = p0.fma(t0, vC2);
                p1 = p1.fma(t1, vC2);
                p0 = p0.fma(t0, vC1);
                p1 = p1.fma(t1, vC1);
                t0 = t0.mul(s0);
                t1 = t1.mul(s1);
                FloatVector f0 = t0.fma(p0, s0).blend(0f, d0.compare(VectorOperators.LT, cutoff));
                FloatVector f1 = t1.fma(p1, s1).blend(0f, d1.compare(VectorOperators.LT, cutoff));
                acc0 = acc0.add(f0);
                acc1 = acc1.add(f1);
            }
            total += acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; i < to; i++) total += shift.exp(x[i]);
        return total;
    }

    /** y = exp(x − max)·factor and returns its sum (the reload algorithm's pass 2). */
    static double storeExpSum(float[] x, float[] y, int from, int to, ExpShift shift) {
        final float r = shift.r();
        final float cutoff = shift.cutoff();
        final float magic = shift.magic();
        final FloatVector vLn2Hi = FloatVector.broadcast(S, MINUS_LN2_HI);
        final FloatVector vLn2Lo = FloatVector.broadcast(S, MINUS_LN2_LO);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        double total = 0;
        int i = from;
        while (i <= to - 2 * L) {
            int blockEnd = Math.min(to, i + BLOCK) - 2 * L;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = FloatVector.zero(S);
            for (; i <= blockEnd; i += 2 * L) {
                FloatVector d0 = FloatVector.fromArray(S, x, i).sub(r);
                FloatVector d1 = FloatVector.fromArray(S, x, i + L).sub(r);
                FloatVector b0 = d0.fma(LOG2E, magic);
                FloatVector b1 = d1.fma(LOG2E, magic);
                FloatVector s0 = b0.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector s1 = b1.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
                FloatVector n0 = b0.sub(magic);
                FloatVector n1 = b1.sub(magic);
                FloatVector t0 = n0.fma(vLn2Hi, d0);
                FloatVector t1 = n1.fma(vLn2Hi, d1);
                t0 = n0.fma(vLn2Lo, t0);
                t1 = n1.fma(vLn2Lo, t1);
                FloatVector p0 = t0.fma(C5, C4);
                FloatVector p1 = t1.fma(C5, C4);
                p0 = p0.fma(t0, vC3);
                p1 = p1.fma(t1, vC3);
                p0 = p0.fma(t0, vC2);
                p1 = p1.fma(t1, vC2);
                p0 = p0.fma(t0, vC1);
                p1 = p1.fma(t1, vC1);
                t0 = t0.mul(s0);
                t1 = t1.mul(s1);
                FloatVector f0 = t0.fma(p0, s0).blend(0f, d0.compare(VectorOperators.LT, cutoff));
                FloatVector f1 = t1.fma(p1, s1).blend(0f, d1.compare(VectorOperators.LT, cutoff));
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

    /** y = exp(x − max)·factor·scale (the output pass of recompute and online). */
    static void writeExp(float[] x, float[] y, int from, int to, ExpShift shift, float scale) {
        final float r = shift.r();
        final float cutoff = shift.cutoff();
        final float magic = shift.magic();
        final FloatVector vLn2Hi = FloatVector.broadcast(S, MINUS_LN2_HI);
        final FloatVector vLn2Lo = FloatVector.broadcast(S, MINUS_LN2_LO);
        final FloatVector vC3 = FloatVector.broadcast(S, C3);
        final FloatVector vC2 = FloatVector.broadcast(S, C2);
        final FloatVector vC1 = FloatVector.broadcast(S, C1);
        int i = from;
        for (int bound = to - 2 * L; i <= bound; i += 2 * L) {
            FloatVector d0 = FloatVector.fromArray(S, x, i).sub(r);
            FloatVector d1 = FloatVector.fromArray(S, x, i + L).sub(r);
            FloatVector b0 = d0.fma(LOG2E, magic);
            FloatVector b1 = d1.fma(LOG2E, magic);
            FloatVector s0 = b0.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s1 = b1.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector n0 = b0.sub(magic);
            FloatVector n1 = b1.sub(magic);
            FloatVector t0 = n0.fma(vLn2Hi, d0);
            FloatVector t1 = n1.fma(vLn2Hi, d1);
            t0 = n0.fma(vLn2Lo, t0);
            t1 = n1.fma(vLn2Lo, t1);
            FloatVector p0 = t0.fma(C5, C4);
            FloatVector p1 = t1.fma(C5, C4);
            p0 = p0.fma(t0, vC3);
            p1 = p1.fma(t1, vC3);
            p0 = p0.fma(t0, vC2);
            p1 = p1.fma(t1, vC2);
            p0 = p0.fma(t0, vC1);
            p1 = p1.fma(t1, vC1);
            // Scaling s first folds 1/sum in at the cost of one multiply: y = (t·s')·p + s'.
            s0 = s0.mul(scale);
            s1 = s1.mul(scale);
            t0 = t0.mul(s0);
            t1 = t1.mul(s1);
            t0.fma(p0, s0).blend(0f, d0.compare(VectorOperators.LT, cutoff)).intoArray(y, i);
            t1.fma(p1, s1).blend(0f, d1.compare(VectorOperators.LT, cutoff)).intoArray(y, i + L);
        }
        for (; i < to; i++) y[i] = shift.exp(x[i]) * scale;
    }

    /** y *= scale in place (the reload algorithm's pass 3). */
    static void scale(float[] y, int from, int to, float scale) {
        int i = from;
        for (int bound = to - 2 * L; i <= bound; i += 2 * L) {
            FloatVector.fromArray(S, y, i).mul(scale).intoArray(y, i);
            FloatVector.fromArray(S, y, i + L).mul(scale).intoArray(y, i + L);
        }
        for (; i < to; i++) y[i] *= scale;
    }
}
