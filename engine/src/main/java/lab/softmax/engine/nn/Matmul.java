package lab.softmax.engine.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense float matrix products with the Vector API: C[m x n] += A'[m x k] * B[k x n], all row-major,
 * where A' is read through two strides so that A (rowStride = lda, kStride = 1) and A transposed
 * (rowStride = 1, kStride = lda) use the same kernel.
 *
 * <p>Each output element is accumulated over k in index order by one thread, with fused
 * multiply-adds, so the result does not depend on the thread count, the blocking or the vector
 * width. Work is split between the threads of a {@link Workers} team (joined before return) by rows of C,
 * or by column panels when the reduction is long and C short (weight gradients), so that each
 * thread packs only its own part of B. The reduction is cut into blocks of {@link #K_BLOCK}; per
 * block, B is packed into contiguous 16-column panels (L2) and each 5-row strip of A' into a
 * small panel (L1) for the {@link MatmulTile} register tile.
 */
public final class Matmul {
    static final VectorSpecies<Float> SPECIES = MatmulTile.SPECIES;
    static final int LANES = SPECIES.length();
    /** Column counts must be a multiple of this (two vectors per tile). */
    public static final int COLUMN_MULTIPLE = MatmulTile.COLUMNS;
    private static final int TILE_ROWS = MatmulTile.ROWS;
    /** A 5 x 256 A panel and a 256 x 16 B panel together take 21 KiB of the 32 KiB L1. */
    private static final int K_BLOCK = 256;
    /** A packed 256 x 256 block of B takes 256 KiB of the 512 KiB L2. */
    private static final int N_BLOCK = 256;

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
     * @param workers  the team the work is split between (one thread runs it all on the caller)
     */
    public static void multiplyAdd(float[] a, int aOffset, int aRowStride, int aKStride,
                                   float[] b, int bOffset, int ldb,
                                   float[] c, int ldc, int m, int n, int k, Workers workers) {
        multiply(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, m, n, k, workers, true, MatmulTile.Epilogue.NONE);
    }

    /** C = A' B (C's previous contents are ignored). */
    public static void multiply(float[] a, int aOffset, int aRowStride, int aKStride,
                                float[] b, int bOffset, int ldb,
                                float[] c, int ldc, int m, int n, int k, Workers workers) {
        multiply(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, m, n, k, workers, false, MatmulTile.Epilogue.NONE);
    }

    /**
     * C = A B with A row-major (row length lda), then C = 0 wherever mask <= 0 (mask laid out like
     * C): the backward pass through a ReLU, torch's relu'(0) = 0, fused into the store.
     */
    public static void multiplyMasked(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, float[] mask,
                                      int m, int n, int k, Workers workers) {
        multiply(a, 0, lda, 1, b, 0, ldb, c, ldc, m, n, k, workers, false, new MatmulTile.Epilogue(null, false, mask));
    }

    /**
     * C = max(A B + bias, 0) (bias may be null; relu false skips the max) with A row-major: a
     * linear layer and its ReLU in one pass, in the order "sum, add bias, ReLU".
     */
    public static void multiplyBiasRelu(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, float[] bias,
                                        boolean relu, int m, int n, int k, Workers workers) {
        multiply(a, 0, lda, 1, b, 0, ldb, c, ldc, m, n, k, workers, false, new MatmulTile.Epilogue(bias, relu, null));
    }

    private static void multiply(float[] a, int aOffset, int aRowStride, int aKStride,
                                 float[] b, int bOffset, int ldb,
                                 float[] c, int ldc, int m, int n, int k, Workers workers, boolean accumulate,
                                 MatmulTile.Epilogue ep) {
        if (n % COLUMN_MULTIPLE != 0) {
            throw new IllegalArgumentException("n = " + n + " is not a multiple of " + COLUMN_MULTIPLE);
        }
        if (m == 0 || n == 0) return;
        int panels = n / COLUMN_MULTIPLE;
        int tiles = (m + TILE_ROWS - 1) / TILE_ROWS;
        // A long reduction into a short C (weight gradients): split columns, so each thread packs only
        // its share of B, unless that splits less evenly than the rows (13 panels on 2 threads: 7 + 6).
        int threads = workers.threads();
        boolean byColumns = k > m && panels >= threads && imbalance(panels, threads) <= imbalance(tiles, threads);
        if (byColumns) {
            workers.forRange(panels, (p0, p1) -> blocks(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc,
                    0, m, p0 * COLUMN_MULTIPLE, p1 * COLUMN_MULTIPLE, k, accumulate, ep));
        } else {
            workers.forRange(tiles, (t0, t1) -> blocks(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc,
                    t0 * TILE_ROWS, Math.min(m, t1 * TILE_ROWS), 0, n, k, accumulate, ep));
        }
    }

    /** Largest share over the mean share when units are split between threads. */
    private static double imbalance(int units, int threads) {
        int parts = Math.max(1, Math.min(threads, units));
        return (double) ((units + parts - 1) / parts) * parts / units;
    }

    /** Rows [r0, r1) and columns [j0, j1) of C, on one thread. */
    private static void blocks(float[] a, int aOffset, int rs, int ks, float[] b, int bOffset, int ldb,
                               float[] c, int ldc, int r0, int r1, int j0, int j1, int k, boolean accumulate,
                               MatmulTile.Epilogue ep) {
        int kMax = Math.max(1, Math.min(K_BLOCK, k));
        float[] aPanel = new float[TILE_ROWS * kMax + LANES];   // slack for packA's whole-vector copies
        float[] bPanel = new float[kMax * Math.min(N_BLOCK, j1 - j0)];
        for (int jb = j0; jb < j1; jb += N_BLOCK) {
            int nLen = Math.min(N_BLOCK, j1 - jb);
            for (int k0 = 0; k0 < Math.max(k, 1); k0 += K_BLOCK) {
                int kLen = Math.min(K_BLOCK, k - k0);
                boolean load = accumulate || k0 > 0;
                MatmulTile.Epilogue last = k0 + K_BLOCK >= k ? ep : MatmulTile.Epilogue.NONE;
                packB(b, bOffset + k0 * ldb + jb, ldb, kLen, nLen, bPanel);
                for (int r = r0; r < r1; r += TILE_ROWS) {
                    int rows = Math.min(TILE_ROWS, r1 - r);
                    packA(a, aOffset + r * rs + k0 * ks, rs, ks, rows, kLen, aPanel);
                    for (int j = 0; j < nLen; j += COLUMN_MULTIPLE) {
                        int co = r * ldc + jb + j;
                        int bo = j * kLen;
                        // a short last strip computes on zero rows of A' and stores only its own rows
                        MatmulTile.tile(aPanel, bPanel, bo, kLen, c, co, ldc, rows, load);
                    }
                    if (!last.none()) MatmulTile.finish(last, c, r * ldc + jb, ldc, rows, nLen, jb);
                }
            }
        }
    }

    /** B rows [0, kLen) x columns [0, nLen) from bo into 16-column panels: panel p at p*16*kLen, row kk at +kk*16. */
    private static void packB(float[] b, int bo, int ldb, int kLen, int nLen, float[] panel) {
        for (int j = 0; j < nLen; j += COLUMN_MULTIPLE) {
            for (int kk = 0; kk < kLen; kk++) {
                int src = bo + kk * ldb + j;
                int dst = j * kLen + kk * COLUMN_MULTIPLE;
                FloatVector.fromArray(SPECIES, b, src).intoArray(panel, dst);
                FloatVector.fromArray(SPECIES, b, src + LANES).intoArray(panel, dst + LANES);
            }
        }
    }

    /** Rows [0, rows) of A' from ao, interleaved (panel[kk*ROWS + t]); rows beyond are zero. */
    private static void packA(float[] a, int ao, int rs, int ks, int rows, int kLen, float[] panel) {
        if (rows < TILE_ROWS) java.util.Arrays.fill(panel, 0f);
        if (rs == 1 && LANES >= TILE_ROWS && rows == TILE_ROWS && kLen > 0 && ao + (long) (kLen - 1) * ks + LANES <= a.length) {
            // A transposed: the strip's 5 values for one k are adjacent. Copy a whole vector per k; its
            // extra lanes land where the next k's copy (or the panel's slack) overwrites them.
            for (int kk = 0; kk < kLen; kk++) {
                FloatVector.fromArray(SPECIES, a, ao + kk * ks).intoArray(panel, kk * TILE_ROWS);
            }
        } else if (rs == 1) {
            for (int kk = 0; kk < kLen; kk++) {
                int src = ao + kk * ks;
                for (int t = 0; t < rows; t++) panel[kk * TILE_ROWS + t] = a[src + t];
            }
        } else if (ks == 1) {
            // A row-major: a constant unit stride lets C2 drop the range checks of this copy
            for (int t = 0; t < rows; t++) {
                int src = ao + t * rs;
                for (int kk = 0; kk < kLen; kk++) panel[kk * TILE_ROWS + t] = a[src + kk];
            }
        } else {
            for (int t = 0; t < rows; t++) {
                int src = ao + t * rs;
                for (int kk = 0; kk < kLen; kk++) panel[kk * TILE_ROWS + t] = a[src + kk * ks];
            }
        }
    }
}
