package lab.softmax.engine.kernels;

import static lab.softmax.engine.kernels.ExpConstants.C1;
import static lab.softmax.engine.kernels.ExpConstants.C2;
import static lab.softmax.engine.kernels.ExpConstants.C3;
import static lab.softmax.engine.kernels.ExpConstants.C4;
import static lab.softmax.engine.kernels.ExpConstants.C5;
import static lab.softmax.engine.kernels.ExpConstants.LOG2E;
import static lab.softmax.engine.kernels.ExpConstants.LOWEST_BITS;
import static lab.softmax.engine.kernels.ExpConstants.MIN_POW2_BITS;
import static lab.softmax.engine.kernels.ExpConstants.MINUS_LN2;
import static lab.softmax.engine.kernels.ExpConstants.ROUND_MAGIC;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exp constants of the three-pass and online loops as vectors loaded from arrays instead of {@code broadcast}.
 *
 * <p>Why (measured, benchmarks/README.md "In-cache gap"): the exp loops need 11–13 constant vectors and AVX2 has
 * 16 registers. C2 treats a broadcast as cheap to recompute, so under register pressure it re-broadcasts the
 * constant at every use (and a runtime scalar such as the shift's r from a scalar register: one more vector-ALU
 * instruction per use, on the same four pipes the exp needs). A loop-invariant load from an array whose elements
 * C2 cannot constant-fold is instead kept in a register or spilled and reloaded with a plain load, which uses a
 * load port. In the Σexp loop alone that took Java from ~0.70× to ~0.76–0.86× the throughput of the C yardstick
 * (paired measurement). The two-pass kernel keeps its broadcasts: there the same change measured no better.
 *
 * <p>The tables are private, filled once in the static initialiser and never written afterwards.
 */
final class ExpLanes {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    static final int L = S.length();

    private static final float[] FLOATS = lanes(LOG2E, MINUS_LN2, C5, C4, C3, C2, C1, ROUND_MAGIC, 1f);
    private static final int[] INTS = intLanes(LOWEST_BITS, MIN_POW2_BITS);

    private ExpLanes() { }

    static FloatVector log2e() { return FloatVector.fromArray(S, FLOATS, 0); }
    static FloatVector minusLn2() { return FloatVector.fromArray(S, FLOATS, L); }
    static FloatVector c5() { return FloatVector.fromArray(S, FLOATS, 2 * L); }
    static FloatVector c4() { return FloatVector.fromArray(S, FLOATS, 3 * L); }
    static FloatVector c3() { return FloatVector.fromArray(S, FLOATS, 4 * L); }
    static FloatVector c2() { return FloatVector.fromArray(S, FLOATS, 5 * L); }
    static FloatVector c1() { return FloatVector.fromArray(S, FLOATS, 6 * L); }
    /** 1.5·2^23: x·log2 e + this rounds to an integer (the two-pass kernel's biased exponent). */
    static FloatVector roundMagic() { return FloatVector.fromArray(S, FLOATS, 7 * L); }
    static FloatVector one() { return FloatVector.fromArray(S, FLOATS, 8 * L); }
    /** Bits of −2^48 (see {@link ExpConstants#LOWEST_BITS}). */
    static IntVector lowestBits() { return IntVector.fromArray(IS, INTS, 0); }
    /** Bits of EXP_MAGIC − 127 (see {@link ExpConstants#MIN_POW2_BITS}). */
    static IntVector minPow2Bits() { return IntVector.fromArray(IS, INTS, L); }

    /** Slots of L lanes in a {@link RowScratch}: the scaled polynomial's six, then {@link #R_SLOT} and {@link #BIAS_SLOT}. */
    static final int SLOTS = 8;
    static final int R_SLOT = 6;
    static final int BIAS_SLOT = 7;

    /**
     * A per-call value (the shift's r or bias, a scale) in every lane of slot {@code slot} of {@code lanes} (the
     * caller's scratch), loaded like the constants.
     */
    static FloatVector of(float value, float[] lanes, int slot) {
        Arrays.fill(lanes, slot * L, (slot + 1) * L, value);
        return FloatVector.fromArray(S, lanes, slot * L);
    }

    /**
     * The polynomial's coefficients c5, c4, c3, c2, c1, c0 = 1 times {@code scale}, each in L lanes, written into
     * slots 0–5 of {@code lanes} (the output passes fold 1/sum into them, as the C does; rounding them to fp32
     * costs at most ~1e-7 relative). Returns {@code lanes}.
     */
    static float[] scaledPolynomial(float scale, float[] lanes) {
        Arrays.fill(lanes, 0, L, C5 * scale);
        Arrays.fill(lanes, L, 2 * L, C4 * scale);
        Arrays.fill(lanes, 2 * L, 3 * L, C3 * scale);
        Arrays.fill(lanes, 3 * L, 4 * L, C2 * scale);
        Arrays.fill(lanes, 4 * L, 5 * L, C1 * scale);
        Arrays.fill(lanes, 5 * L, 6 * L, scale);
        return lanes;
    }

    private static float[] lanes(float... values) {
        float[] a = new float[values.length * L];
        for (int k = 0; k < values.length; k++) Arrays.fill(a, k * L, (k + 1) * L, values[k]);
        return a;
    }

    private static int[] intLanes(int... values) {
        int[] a = new int[values.length * L];
        for (int k = 0; k < values.length; k++) Arrays.fill(a, k * L, (k + 1) * L, values[k]);
        return a;
    }
}
