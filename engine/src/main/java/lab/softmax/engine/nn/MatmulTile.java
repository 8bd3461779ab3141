package lab.softmax.engine.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile of {@link Matmul}: 5 rows by 2 vectors of C, i.e. 10 accumulators, fed by a
 * packed A panel (5 values per k step) and a packed B panel (2 vectors per k step), both read
 * sequentially so the loads stream from L1/L2 without strides.
 *
 * <p>Why 5 rows: AVX2 has 16 vector registers. A 6 x 2 tile needs 12 accumulators + 2 B vectors
 * + broadcasts, and C2's scheduler then spilled an accumulator to the stack (a store/reload on
 * the dependency chain every step): 30-35 GFLOP/s. With 10 accumulators nothing spills and the
 * kernel runs near the FMA peak of a core.
 *
 * <p>Why the code repeats itself (ten named accumulators, one line per row): C2 keeps vectors in
 * registers only in one flat loop; arrays of vectors or a helper per row leave them boxed.
 *
 * <p>Each accumulator is updated with one fused multiply-add per k in index order; the optional
 * epilogue (bias, ReLU, mask; {@link #finish}) is applied to the finished sums, so the order of
 * operations is that of a plain loop "sum over k, then add bias, then ReLU".
 */
final class MatmulTile {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int ROWS = 5;
    static final int COLUMNS = 2 * LANES;

    private MatmulTile() { }

    /** What happens to a finished tile before it is stored (only on the last k block). */
    record Epilogue(float[] bias, boolean relu, float[] mask) {
        static final Epilogue NONE = new Epilogue(null, false, null);

        boolean none() { return bias == null && !relu && mask == null; }
    }

    /**
     * Rows [0, rows) of C[ROWS x COLUMNS at co, row stride ldc] = (load ? C : 0) + sum over kk of ap[kk*ROWS + t] * bp[bo + kk*COLUMNS + j],
     */
    static void tile(float[] ap, float[] bp, int bo, int kLen, float[] c, int co, int ldc, int rows, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41;
        FloatVector z = FloatVector.zero(SPECIES);
        if (load) {
            c00 = FloatVector.fromArray(SPECIES, c, co);
            c01 = FloatVector.fromArray(SPECIES, c, co + LANES);
            c10 = rows > 1 ? FloatVector.fromArray(SPECIES, c, co + ldc) : z;
            c11 = rows > 1 ? FloatVector.fromArray(SPECIES, c, co + ldc + LANES) : z;
            c20 = rows > 2 ? FloatVector.fromArray(SPECIES, c, co + 2 * ldc) : z;
            c21 = rows > 2 ? FloatVector.fromArray(SPECIES, c, co + 2 * ldc + LANES) : z;
            c30 = rows > 3 ? FloatVector.fromArray(SPECIES, c, co + 3 * ldc) : z;
            c31 = rows > 3 ? FloatVector.fromArray(SPECIES, c, co + 3 * ldc + LANES) : z;
            c40 = rows > 4 ? FloatVector.fromArray(SPECIES, c, co + 4 * ldc) : z;
            c41 = rows > 4 ? FloatVector.fromArray(SPECIES, c, co + 4 * ldc + LANES) : z;
        } else {
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z;
            c30 = z; c31 = z; c40 = z; c41 = z;
        }
        // indices computed from kk (not bumped pointers) let C2 eliminate the range checks and unroll
        for (int kk = 0; kk < kLen; kk++) {
            int ai = kk * ROWS;
            int bi = bo + kk * COLUMNS;
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bp, bi + LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(SPECIES, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(SPECIES, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(SPECIES, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(SPECIES, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + LANES);
        if (rows > 1) {
            c10.intoArray(c, co + ldc);
            c11.intoArray(c, co + ldc + LANES);
        }
        if (rows > 2) {
            c20.intoArray(c, co + 2 * ldc);
            c21.intoArray(c, co + 2 * ldc + LANES);
        }
        if (rows > 3) {
            c30.intoArray(c, co + 3 * ldc);
            c31.intoArray(c, co + 3 * ldc + LANES);
        }
        if (rows > 4) {
            c40.intoArray(c, co + 4 * ldc);
            c41.intoArray(c, co + 4 * ldc + LANES);
        }
    }

    /**
     * {@link #tile} for a B panel one vector wide (the last panel when the columns are an odd number
     * of vectors): bp[bo + kk*LANES], 5 accumulators. Kept flat, as C2 needs it (see {@link #tile}).
     */
    static void tileHalf(float[] ap, float[] bp, int bo, int kLen, float[] c, int co, int ldc, int rows, boolean load) {
        FloatVector z = FloatVector.zero(SPECIES);
        FloatVector c0 = load ? FloatVector.fromArray(SPECIES, c, co) : z;
        FloatVector c1 = load && rows > 1 ? FloatVector.fromArray(SPECIES, c, co + ldc) : z;
        FloatVector c2 = load && rows > 2 ? FloatVector.fromArray(SPECIES, c, co + 2 * ldc) : z;
        FloatVector c3 = load && rows > 3 ? FloatVector.fromArray(SPECIES, c, co + 3 * ldc) : z;
        FloatVector c4 = load && rows > 4 ? FloatVector.fromArray(SPECIES, c, co + 4 * ldc) : z;
        for (int kk = 0; kk < kLen; kk++) {
            int ai = kk * ROWS;
            FloatVector b0 = FloatVector.fromArray(SPECIES, bp, bo + kk * LANES);
            c0 = FloatVector.broadcast(SPECIES, ap[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(SPECIES, ap[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(SPECIES, ap[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(SPECIES, ap[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(SPECIES, ap[ai + 4]).fma(b0, c4);
        }
        c0.intoArray(c, co);
        if (rows > 1) c1.intoArray(c, co + ldc);
        if (rows > 2) c2.intoArray(c, co + 2 * ldc);
        if (rows > 3) c3.intoArray(c, co + 3 * ldc);
        if (rows > 4) c4.intoArray(c, co + 4 * ldc);
    }

    /**
     * Bias, then ReLU, then mask (0 where mask <= 0, as torch's relu'(0) = 0) on rows [0, rows) x
     * columns [0, len) of C from co, once the sums are finished; bias is indexed from column bj.
     * A separate pass over the (L1-resident) strip keeps the kernel's register use low.
     */
    static void finish(Epilogue ep, float[] c, int co, int ldc, int rows, int len, int bj) {
        float[] bias = ep.bias();
        float[] mask = ep.mask();
        boolean relu = ep.relu();
        for (int t = 0; t < rows; t++) {
            int row = co + t * ldc;
            for (int h = 0; h < len; h += LANES) {
                FloatVector v = FloatVector.fromArray(SPECIES, c, row + h);
                if (bias != null) v = v.add(FloatVector.fromArray(SPECIES, bias, bj + h));
                if (relu) v = v.lanewise(VectorOperators.MAX, 0f);
                if (mask != null) v = v.blend(0f, FloatVector.fromArray(SPECIES, mask, row + h).compare(VectorOperators.LE, 0f));
                v.intoArray(c, row + h);
            }
        }
    }
}
