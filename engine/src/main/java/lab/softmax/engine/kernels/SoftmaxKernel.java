package lab.softmax.engine.kernels;

/**
 * One fp32 softmax algorithm: y = softmax(x) over a row x[from, to). Logits must be finite or
 * -Infinity (a masked entry, output exactly 0) with at least one finite entry; callers check
 * input (see {@link lab.softmax.engine.io.LogitRules}). x and y may be the same array.
 *
 * <p>The passes are exposed so that {@link ParallelSoftmax} can run the reduction on chunks,
 * combine the partial {@link SoftmaxReduction}s and run the output pass on chunks.
 */
public interface SoftmaxKernel {
    Algorithm algorithm();

    Impl impl();

    /** Maximum of x[from, to) (the first pass of the three-pass algorithms; -Infinity if empty). */
    float max(float[] x, int from, int to);

    /**
     * The reduction over a chunk. For the three-pass algorithms {@code rowMax} is the maximum of the
     * whole row (so that chunk sums add) and reload also stores exp(x − rowMax) into y; the others
     * ignore it (pass NaN).
     */
    SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax);

    /** The output pass(es) over a chunk, given the whole row's normaliser. */
    void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row);

    /**
     * Whole row on the calling thread; returns ln Σ exp(x). Allocates the row's state (a {@link RowScratch},
     * ~600 B with 512-bit vectors) per call: callers with many rows use {@link RowSoftmax}, which allocates
     * nothing per row.
     */
    default double softmax(float[] x, float[] y, int from, int to) {
        if (this instanceof RowKernel row) return row.softmaxRow(x, y, from, to, new RowScratch());
        float rowMax = algorithm().hasMaxPass() ? max(x, from, to) : Float.NaN;
        SoftmaxReduction n = reduce(x, y, from, to, rowMax);
        normalise(x, y, from, to, n);
        return n.logSumExp();
    }

    /** Whole array as one row. */
    default double softmax(float[] x, float[] y) {
        if (y.length < x.length) throw new IllegalArgumentException("output shorter than input");
        return softmax(x, y, 0, x.length);
    }

    /** Row-batched softmax: x holds rows of {@code rowLength} back to back; returns each row's log-sum-exp. */
    default double[] softmaxRows(float[] x, float[] y, int rowLength) {
        if (rowLength <= 0 || x.length % rowLength != 0) {
            throw new IllegalArgumentException("array length " + x.length + " is not a multiple of row length " + rowLength);
        }
        double[] lse = new double[x.length / rowLength];
        for (int r = 0; r < lse.length; r++) {
            lse[r] = softmax(x, y, r * rowLength, (r + 1) * rowLength);
        }
        return lse;
    }
}
