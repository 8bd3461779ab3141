package lab.softmax.engine.nn;

import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense float matrix products with the Vector API: C[m x n] += A'[m x k] * B[k x n], all row-major,
 * where A' is read through two strides so that A (rowStride = lda, kStride = 1) and A transposed
 * (rowStride = 1, kStride = lda) use the same kernel.
 *
 * <p>Each output element is accumulated over k in index order by one thread, with fused
 * multiply-adds, so the result does not depend on the thread count or the vector width.
 * Rows are split between threads (ForkJoin common pool, joined before return); the reduction
 * dimension is cut into blocks that stay in the L2 cache.
 */
public final class Matmul {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Column counts must be a multiple of this (two vectors per tile). */
    public static final int COLUMN_MULTIPLE = 2 * LANES;
    private static final int TILE_ROWS = 6;
    private static final int K_BLOCK = 256;

    private Matmul() { }

    /** Smallest multiple of {@link #COLUMN_MULTIPLE} that is at least n. */
    public static int paddedColumns(int n) {
        return (n + COLUMN_MULTIPLE - 1) / COLUMN_MULTIPLE * COLUMN_MULTIPLE;
    }

    /**
     * C += A' B.
     *
     * @param a        A's storage; A'(r, kk) = a[aOffset + r * aRowStride + kk * aKStride]
     * @param b        B's storage, row-major with row length ldb, starting at bOffset
     * @param c        C's storage, row-major with row length ldc
     * @param n        columns of B and C, a multiple of {@link #COLUMN_MULTIPLE}
     * @param threads  1 runs on the caller; more splits the rows of C
     */
    public static void multiplyAdd(float[] a, int aOffset, int aRowStride, int aKStride,
                                   float[] b, int bOffset, int ldb,
                                   float[] c, int ldc, int m, int n, int k, int threads) {
        multiply(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, m, n, k, threads, true);
    }

    /** C = A' B (C's previous contents are ignored). */
    public static void multiply(float[] a, int aOffset, int aRowStride, int aKStride,
                                float[] b, int bOffset, int ldb,
                                float[] c, int ldc, int m, int n, int k, int threads) {
        multiply(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, m, n, k, threads, false);
    }

    private static void multiply(float[] a, int aOffset, int aRowStride, int aKStride,
                                 float[] b, int bOffset, int ldb,
                                 float[] c, int ldc, int m, int n, int k, int threads, boolean accumulate) {
        if (n % COLUMN_MULTIPLE != 0) {
            throw new IllegalArgumentException("n = " + n + " is not a multiple of " + COLUMN_MULTIPLE);
        }
        int parts = Math.max(1, Math.min(threads, m / TILE_ROWS));
        if (parts == 1) {
            rows(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, 0, m, n, k, accumulate);
            return;
        }
        int tiles = (m + TILE_ROWS - 1) / TILE_ROWS;
        IntStream.range(0, parts).parallel().forEach(part -> {
            int from = Math.min(m, tiles * part / parts * TILE_ROWS);
            int to = Math.min(m, tiles * (part + 1) / parts * TILE_ROWS);
            rows(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, from, to, n, k, accumulate);
        });
    }

    private static void rows(float[] a, int aOffset, int rs, int ks, float[] b, int bOffset, int ldb,
                             float[] c, int ldc, int from, int to, int n, int k, boolean accumulate) {
        float[] panel = new float[TILE_ROWS * Math.min(K_BLOCK, k)];
        for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
            int kLen = Math.min(K_BLOCK, k - k0);
            int aBlock = aOffset + k0 * ks;
            int bBlock = bOffset + k0 * ldb;
            if (!accumulate && k0 == 0) {
                for (int r = from; r < to; r++) java.util.Arrays.fill(c, r * ldc, r * ldc + n, 0f);
            }
            int r = from;
            for (; r + TILE_ROWS <= to; r += TILE_ROWS) {
                // the six rows of A' for this k block, interleaved, so the kernel reads them sequentially
                for (int kk = 0; kk < kLen; kk++) {
                    int src = aBlock + r * rs + kk * ks;
                    for (int t = 0; t < TILE_ROWS; t++) panel[kk * TILE_ROWS + t] = a[src + t * rs];
                }
                for (int j = 0; j < n; j += COLUMN_MULTIPLE) {
                    tile6(panel, b, bBlock + j, ldb, c, r * ldc + j, ldc, kLen);
                }
            }
            for (; r < to; r++) {
                for (int j = 0; j < n; j += COLUMN_MULTIPLE) {
                    tile1(a, aBlock + r * rs, ks, b, bBlock + j, ldb, c, r * ldc + j, kLen);
                }
            }
        }
    }

    /** Six rows by two vectors: 12 accumulators, 2 loads of B and 6 broadcasts per 12 fused multiply-adds. */
    private static void tile6(float[] panel, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kLen) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, c, co);
        FloatVector c01 = FloatVector.fromArray(SPECIES, c, co + LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, c, co + ldc);
        FloatVector c11 = FloatVector.fromArray(SPECIES, c, co + ldc + LANES);
        FloatVector c20 = FloatVector.fromArray(SPECIES, c, co + 2 * ldc);
        FloatVector c21 = FloatVector.fromArray(SPECIES, c, co + 2 * ldc + LANES);
        FloatVector c30 = FloatVector.fromArray(SPECIES, c, co + 3 * ldc);
        FloatVector c31 = FloatVector.fromArray(SPECIES, c, co + 3 * ldc + LANES);
        FloatVector c40 = FloatVector.fromArray(SPECIES, c, co + 4 * ldc);
        FloatVector c41 = FloatVector.fromArray(SPECIES, c, co + 4 * ldc + LANES);
        FloatVector c50 = FloatVector.fromArray(SPECIES, c, co + 5 * ldc);
        FloatVector c51 = FloatVector.fromArray(SPECIES, c, co + 5 * ldc + LANES);
        for (int kk = 0; kk < kLen; kk++) {
            int bi = bo + kk * ldb;
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
            int ai = kk * TILE_ROWS;
            FloatVector x = FloatVector.broadcast(SPECIES, panel[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(SPECIES, panel[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(SPECIES, panel[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(SPECIES, panel[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(SPECIES, panel[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(SPECIES, panel[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, co);
        c01.intoArray(c, co + LANES);
        c10.intoArray(c, co + ldc);
        c11.intoArray(c, co + ldc + LANES);
        c20.intoArray(c, co + 2 * ldc);
        c21.intoArray(c, co + 2 * ldc + LANES);
        c30.intoArray(c, co + 3 * ldc);
        c31.intoArray(c, co + 3 * ldc + LANES);
        c40.intoArray(c, co + 4 * ldc);
        c41.intoArray(c, co + 4 * ldc + LANES);
        c50.intoArray(c, co + 5 * ldc);
        c51.intoArray(c, co + 5 * ldc + LANES);
    }

    private static void tile1(float[] a, int ao, int ks, float[] b, int bo, int ldb, float[] c, int co, int kLen) {
        FloatVector c0 = FloatVector.fromArray(SPECIES, c, co);
        FloatVector c1 = FloatVector.fromArray(SPECIES, c, co + LANES);
        for (int kk = 0; kk < kLen; kk++) {
            int bi = bo + kk * ldb;
            FloatVector a0 = FloatVector.broadcast(SPECIES, a[ao + kk * ks]);
            c0 = a0.fma(FloatVector.fromArray(SPECIES, b, bi), c0);
            c1 = a0.fma(FloatVector.fromArray(SPECIES, b, bi + LANES), c1);
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + LANES);
    }

    /**
     * C = A B for an A whose rows are mostly exact zeros (ReLU outputs, masked gradients): each
     * row's non-zero entries are listed once, then only those rows of B are read. Skipping a zero
     * a_k drops an fma(0, b, acc) = acc, so the result is bit-identical to {@link #multiply}.
     */
    public static void multiplySparseRows(float[] a, int lda, float[] b, int ldb, float[] c, int ldc,
                                          int m, int n, int k, int threads) {
        if (n % COLUMN_MULTIPLE != 0) {
            throw new IllegalArgumentException("n = " + n + " is not a multiple of " + COLUMN_MULTIPLE);
        }
        int parts = Math.max(1, Math.min(threads, m));
        if (parts == 1) {
            sparseRows(a, lda, b, ldb, c, ldc, 0, m, n, k);
            return;
        }
        IntStream.range(0, parts).parallel().forEach(part ->
                sparseRows(a, lda, b, ldb, c, ldc, (int) ((long) m * part / parts), (int) ((long) m * (part + 1) / parts), n, k));
    }

    private static void sparseRows(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, int from, int to, int n, int k) {
        int[] offsets = new int[k];
        float[] values = new float[k];
        for (int r = from; r < to; r++) {
            int nnz = 0;
            int ar = r * lda;
            for (int t = 0; t < k; t++) {
                float v = a[ar + t];
                offsets[nnz] = t * ldb;
                values[nnz] = v;
                nnz += v != 0f ? 1 : 0;   // branch-free compaction: ReLU zeros are unpredictable
            }
            int cr = r * ldc;
            int j = 0;
            for (; j + 8 * LANES <= n; j += 8 * LANES) sparse8(offsets, values, nnz, b, j, c, cr + j);
            for (; j < n; j += 2 * LANES) sparse2(offsets, values, nnz, b, j, c, cr + j);
        }
    }

    private static void sparse8(int[] offsets, float[] values, int nnz, float[] b, int j, float[] c, int co) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = FloatVector.zero(SPECIES);
        FloatVector c2 = FloatVector.zero(SPECIES);
        FloatVector c3 = FloatVector.zero(SPECIES);
        FloatVector c4 = FloatVector.zero(SPECIES);
        FloatVector c5 = FloatVector.zero(SPECIES);
        FloatVector c6 = FloatVector.zero(SPECIES);
        FloatVector c7 = FloatVector.zero(SPECIES);
        for (int t = 0; t < nnz; t++) {
            FloatVector v = FloatVector.broadcast(SPECIES, values[t]);
            int bo = offsets[t] + j;
            c0 = v.fma(FloatVector.fromArray(SPECIES, b, bo), c0);
            c1 = v.fma(FloatVector.fromArray(SPECIES, b, bo + LANES), c1);
            c2 = v.fma(FloatVector.fromArray(SPECIES, b, bo + 2 * LANES), c2);
            c3 = v.fma(FloatVector.fromArray(SPECIES, b, bo + 3 * LANES), c3);
            c4 = v.fma(FloatVector.fromArray(SPECIES, b, bo + 4 * LANES), c4);
            c5 = v.fma(FloatVector.fromArray(SPECIES, b, bo + 5 * LANES), c5);
            c6 = v.fma(FloatVector.fromArray(SPECIES, b, bo + 6 * LANES), c6);
            c7 = v.fma(FloatVector.fromArray(SPECIES, b, bo + 7 * LANES), c7);
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + LANES);
        c2.intoArray(c, co + 2 * LANES);
        c3.intoArray(c, co + 3 * LANES);
        c4.intoArray(c, co + 4 * LANES);
        c5.intoArray(c, co + 5 * LANES);
        c6.intoArray(c, co + 6 * LANES);
        c7.intoArray(c, co + 7 * LANES);
    }

    private static void sparse2(int[] offsets, float[] values, int nnz, float[] b, int j, float[] c, int co) {
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = FloatVector.zero(SPECIES);
        for (int t = 0; t < nnz; t++) {
            FloatVector v = FloatVector.broadcast(SPECIES, values[t]);
            int bo = offsets[t] + j;
            c0 = v.fma(FloatVector.fromArray(SPECIES, b, bo), c0);
            c1 = v.fma(FloatVector.fromArray(SPECIES, b, bo + LANES), c1);
        }
        c0.intoArray(c, co);
        c1.intoArray(c, co + LANES);
    }
}
