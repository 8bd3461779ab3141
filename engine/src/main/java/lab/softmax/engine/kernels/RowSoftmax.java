package lab.softmax.engine.kernels;

/**
 * Softmax of one row at a time that allocates nothing per row: the kernel's per-row state lives in this
 * object. For callers that run many short rows (attention: one call per query row). Not thread-safe:
 * give each worker thread its own.
 *
 * <p>Scalar reference and Vector API kernel behind one interface: {@code of(algorithm, Impl.SCALAR)} or
 * {@code Impl.VECTOR} (which comes back scalar when the Vector API is unavailable, see {@link #impl()}).
 * Results are those of {@link SoftmaxKernel#softmax(float[], float[], int, int)} for the same kernel.
 */
public final class RowSoftmax {
    private final SoftmaxKernel kernel;
    private final RowKernel row;
    private final RowScratch scratch = new RowScratch();

    private RowSoftmax(SoftmaxKernel kernel) {
        this.kernel = kernel;
        this.row = (RowKernel) kernel;
    }

    public static RowSoftmax of(Algorithm algorithm, Impl impl) { return new RowSoftmax(Kernels.create(algorithm, impl)); }

    public Algorithm algorithm() { return kernel.algorithm(); }

    /** The implementation actually running (scalar where the Vector API is unavailable). */
    public Impl impl() { return kernel.impl(); }

    /**
     * y[from, to) = softmax(x[from, to)); x and y may be the same array. Logits as for {@link SoftmaxKernel}
     * (finite or −∞, at least one finite). Returns ln Σ exp(x).
     */
    public double softmax(float[] x, float[] y, int from, int to) {
        return row.softmaxRow(x, y, from, to, scratch);
    }
}
