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
 * width. Work is split between the threads of a {@link Workers} team (joined before return) by rows
 * of C: on a team (and B at most {@link #N_BLOCK} columns wide), the threads first pack B once
 * together, then take strips of C in chunks as they come free. The reduction is cut into blocks of
 * {@link #K_BLOCK}; per block, B is packed into contiguous panels two vectors wide (L2) and each
 * 5-row strip of A' into a small panel (L1) for the {@link MatmulTile} register tile. The last panel may be one vector wide: columns need only be a
 * multiple of one vector, so 200 hidden units and 113 classes are padded to 200 and 120, not 208 and
 * 128.
 */
public final class Matmul {
    static final VectorSpecies<Float> SPECIES = MatmulTile.SPECIES;
    static final int LANES = SPECIES.length();
    /** Column counts must be a multiple of this (one vector; the last panel may be half a tile wide). */
    public static final int COLUMN_MULTIPLE = MatmulTile.LANES;
    /** Columns of one packed B panel: two vectors, the width of a tile. */
    private static final int PANEL = MatmulTile.COLUMNS;
    private static final int TILE_ROWS = MatmulTile.ROWS;
    /** A 5 x 256 A panel and a 256 x 16 B panel together take 21 KiB of the 32 KiB L1. */
    private static final int K_BLOCK = 256;
    /** A packed 256 x 256 block of B takes 256 KiB of the 512 KiB L2. */
    private static final int N_BLOCK = 256;
    /**
     * Chunks of C's strips per thread on a team: enough that a thread slowed for a while (another vCPU on
     * its core) hands most of its share to the others, few enough that a chunk is ~0.3 ms of work at the
     * paper's size.
     */
    private static final int CHUNKS_PER_THREAD = 8;

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
        multiply(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, m, n, k, workers, true, MatmulTile.Epilogue.NONE, null);
    }

    /** C = A' B (C's previous contents are ignored). */
    public static void multiply(float[] a, int aOffset, int aRowStride, int aKStride,
                                float[] b, int bOffset, int ldb,
                                float[] c, int ldc, int m, int n, int k, Workers workers) {
        multiply(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, m, n, k, workers, false, MatmulTile.Epilogue.NONE, null);
    }

    /**
     * {@link #multiply} with the B that a team packs once and shares going into scratch when scratch holds
     * {@link #sharedPackSize} floats (else into an array of its own); one thread never uses it.
     */
    public static void multiply(float[] a, int aOffset, int aRowStride, int aKStride,
                                float[] b, int bOffset, int ldb,
                                float[] c, int ldc, int m, int n, int k, Workers workers, float[] scratch) {
        multiply(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, c, ldc, m, n, k, workers, false, MatmulTile.Epilogue.NONE, scratch);
    }

    /** Floats of scratch a product with a k x n B packs it into on a team; 0 where B is too wide to share. */
    public static int sharedPackSize(int k, int n) {
        return n <= N_BLOCK ? k * n : 0;
    }

    /**
     * B packed once into the panels the register tile reads, for a caller that multiplies many blocks of
     * rows by the same B (attention: every block of queries by the same Kᵀ, then by the same V).
     * {@link #pack} fills it; {@link #multiplyPacked} reads it. Reused by the next pack of the same or a
     * smaller size.
     */
    public static final class PackedB {
        private float[] data = new float[0];
        private int k;
        private int columns;

        public PackedB() { }

        /** Rows of B (the reduction length). */
        public int k() { return k; }

        /** Columns of B and of C, padded to {@link #COLUMN_MULTIPLE}. */
        public int columns() { return columns; }
    }

    /**
     * Packs B (k x n, B(kk, j) = b[offset + kk * rowStride + j * colStride]; B = Kᵀ of a row-major K is
     * rowStride 1, colStride = K's row length) into {@code into}, laid out as {@link #packB} lays out each
     * k block of all columns; columns n .. {@link #paddedColumns}(n) are zero. The panels are split between
     * the team.
     */
    public static PackedB pack(float[] b, int offset, int rowStride, int colStride, int k, int n, PackedB into, Workers workers) {
        if (k < 1 || n < 1) throw new IllegalArgumentException("k = " + k + ", n = " + n + ": must be positive");
        int nPad = paddedColumns(n);
        if (into.data.length < k * nPad) into.data = new float[k * nPad];
        into.k = k;
        into.columns = nPad;
        float[] data = into.data;
        workers.forRange((nPad + PANEL - 1) / PANEL, (p0, p1) -> {
            for (int j = p0 * PANEL; j < Math.min(nPad, p1 * PANEL); j += PANEL) {
                int width = Math.min(PANEL, nPad - j);
                int inside = Math.max(0, Math.min(width, n - j));
                for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
                    int kLen = Math.min(K_BLOCK, k - k0);
                    int dst = k0 * nPad + j * kLen;
                    for (int kk = 0; kk < kLen; kk++) {
                        int src = offset + (k0 + kk) * rowStride + j * colStride;
                        int row = dst + kk * width;
                        for (int t = 0; t < inside; t++) data[row + t] = b[src + t * colStride];
                        for (int t = inside; t < width; t++) data[row + t] = 0f;
                    }
                }
            }
        });
        return into;
    }

    /**
     * Rows [r0, r1) of C = A' B on the calling thread, with B packed by {@link #pack}: A'(r, kk) =
     * a[r * lda + kk], C(r, j) = c[r * ldc + j] for j < b.columns(). Each element is accumulated over k in
     * index order, as in {@link #multiply}, so the result equals that of multiply bit for bit.
     */
    public static void multiplyPacked(float[] a, int lda, PackedB b, float[] c, int ldc, int r0, int r1) {
        if (r0 >= r1) return;
        blocks(a, 0, lda, 1, null, 0, 0, b.data, c, ldc, r0, r1, b.columns, b.k, false, MatmulTile.Epilogue.NONE, null);
    }

    /**
     * C = A B with A row-major (row length lda), then C = 0 wherever mask <= 0 (mask laid out like
     * C): the backward pass through a ReLU, torch's relu'(0) = 0, fused into the store.
     */
    public static void multiplyMasked(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, float[] mask,
                                      int m, int n, int k, Workers workers) {
        multiplyMasked(a, lda, b, ldb, c, ldc, mask, m, n, k, workers, null);
    }

    /** {@link #multiplyMasked} with a team's shared B packed into scratch (see {@link #multiply} with scratch). */
    public static void multiplyMasked(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, float[] mask,
                                      int m, int n, int k, Workers workers, float[] scratch) {
        multiply(a, 0, lda, 1, b, 0, ldb, c, ldc, m, n, k, workers, false, new MatmulTile.Epilogue(null, false, mask), scratch);
    }

    /**
     * C = max(A B + bias, 0) (bias may be null; relu false skips the max) with A row-major: a
     * linear layer and its ReLU in one pass, in the order "sum, add bias, ReLU".
     */
    public static void multiplyBiasRelu(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, float[] bias,
                                        boolean relu, int m, int n, int k, Workers workers) {
        multiplyBiasRelu(a, lda, b, ldb, c, ldc, bias, relu, m, n, k, workers, null);
    }

    /** {@link #multiplyBiasRelu} with a team's shared B packed into scratch (see {@link #multiply} with scratch). */
    public static void multiplyBiasRelu(float[] a, int lda, float[] b, int ldb, float[] c, int ldc, float[] bias,
                                        boolean relu, int m, int n, int k, Workers workers, float[] scratch) {
        multiply(a, 0, lda, 1, b, 0, ldb, c, ldc, m, n, k, workers, false, new MatmulTile.Epilogue(bias, relu, null), scratch);
    }

    private static void multiply(float[] a, int aOffset, int aRowStride, int aKStride,
                                 float[] b, int bOffset, int ldb,
                                 float[] c, int ldc, int m, int n, int k, Workers workers, boolean accumulate,
                                 MatmulTile.Epilogue ep, float[] scratch) {
        if (n % COLUMN_MULTIPLE != 0) {
            throw new IllegalArgumentException("n = " + n + " is not a multiple of " + COLUMN_MULTIPLE);
        }
        if (m == 0 || n == 0) return;
        int tiles = (m + TILE_ROWS - 1) / TILE_ROWS;
        if (workers.threads() == 1 || n > N_BLOCK) {
            workers.forRange(tiles, (t0, t1) -> blocks(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, null, c, ldc,
                    t0 * TILE_ROWS, Math.min(m, t1 * TILE_ROWS), n, k, accumulate, ep, workers));
            return;
        }
        // On a team, B (at most N_BLOCK columns) is packed once, together, and shared; the strips of C are
        // then taken in chunks as threads come free, so a thread slowed by the machine holds no one up.
        float[] packed = scratch != null && scratch.length >= sharedPackSize(k, n) ? scratch : new float[sharedPackSize(k, n)];
        workers.forRange((k + K_BLOCK - 1) / K_BLOCK, (kb0, kb1) -> {
            for (int k0 = kb0 * K_BLOCK; k0 < Math.min(k, kb1 * K_BLOCK); k0 += K_BLOCK) {
                packB(b, bOffset + k0 * ldb, ldb, Math.min(K_BLOCK, k - k0), n, packed, k0 * n);
            }
        });
        int grain = Math.max(1, tiles / (workers.threads() * CHUNKS_PER_THREAD));
        workers.forChunks(tiles, grain, (part, t0, t1) -> blocks(a, aOffset, aRowStride, aKStride, b, bOffset, ldb, packed,
                c, ldc, t0 * TILE_ROWS, Math.min(m, t1 * TILE_ROWS), n, k, accumulate, ep, workers));
    }

    /**
     * Rows [r0, r1) of C, on one thread. B is packed here block by block, unless packedB already holds
     * all of it (k block k0 at packedB[k0 * n], laid out as {@link #packB} does). Checks the team's
     * cancellation once per strip of rows and block (a fixed half of a 2000-wide product is ~0.3 s of work); with
     * no team ({@link #multiplyPacked}) the caller checks its own cancellation between its blocks of rows.
     */
    private static void blocks(float[] a, int aOffset, int rs, int ks, float[] b, int bOffset, int ldb, float[] packedB,
                               float[] c, int ldc, int r0, int r1, int n, int k, boolean accumulate,
                               MatmulTile.Epilogue ep, Workers workers) {
        int kMax = Math.max(1, Math.min(K_BLOCK, k));
        float[] aPanel = new float[TILE_ROWS * kMax + LANES];   // slack for packA's whole-vector copies
        float[] bPanel = packedB != null ? packedB : new float[kMax * Math.min(N_BLOCK, n)];
        for (int jb = 0; jb < n; jb += N_BLOCK) {
            int nLen = Math.min(N_BLOCK, n - jb);
            for (int k0 = 0; k0 < Math.max(k, 1); k0 += K_BLOCK) {
                int kLen = Math.min(K_BLOCK, k - k0);
                boolean load = accumulate || k0 > 0;
                MatmulTile.Epilogue last = k0 + K_BLOCK >= k ? ep : MatmulTile.Epilogue.NONE;
                int bBase = packedB != null ? k0 * n + jb * kLen : 0;
                if (packedB == null) packB(b, bOffset + k0 * ldb + jb, ldb, kLen, nLen, bPanel, 0);
                for (int r = r0; r < r1; r += TILE_ROWS) {
                    if (workers != null) workers.checkCancelled();
                    int rows = Math.min(TILE_ROWS, r1 - r);
                    packA(a, aOffset + r * rs + k0 * ks, rs, ks, rows, kLen, aPanel);
                    for (int j = 0; j < nLen; j += PANEL) {
                        int co = r * ldc + jb + j;
                        int bo = bBase + j * kLen;
                        // a short last strip computes on zero rows of A' and stores only its own rows
                        if (j + PANEL <= nLen) MatmulTile.tile(aPanel, bPanel, bo, kLen, c, co, ldc, rows, load);
                        else MatmulTile.tileHalf(aPanel, bPanel, bo, kLen, c, co, ldc, rows, load);
                    }
                    if (!last.none()) MatmulTile.finish(last, c, r * ldc + jb, ldc, rows, nLen, jb);
                }
            }
        }
    }

    /**
     * B rows [0, kLen) x columns [0, nLen) from bo into panels of two vectors (the last one may be one
     * vector wide): the panel of column j at po + j*kLen, row kk at +kk*(its width).
     */
    private static void packB(float[] b, int bo, int ldb, int kLen, int nLen, float[] panel, int po) {
        int j = 0;
        for (; j + PANEL <= nLen; j += PANEL) {
            for (int kk = 0; kk < kLen; kk++) {
                int src = bo + kk * ldb + j;
                int dst = po + j * kLen + kk * PANEL;
                FloatVector.fromArray(SPECIES, b, src).intoArray(panel, dst);
                FloatVector.fromArray(SPECIES, b, src + LANES).intoArray(panel, dst + LANES);
            }
        }
        if (j < nLen) {
            for (int kk = 0; kk < kLen; kk++) {
                FloatVector.fromArray(SPECIES, b, bo + kk * ldb + j).intoArray(panel, po + j * kLen + kk * LANES);
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
