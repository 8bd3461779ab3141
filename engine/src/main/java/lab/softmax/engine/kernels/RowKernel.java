package lab.softmax.engine.kernels;

/**
 * The whole-row form of a kernel that takes its state from a caller-owned {@link RowScratch}, so that a row
 * allocates nothing (attention calls a kernel once per row: thousands of short rows per map). Every kernel
 * of {@link Kernels} implements it; the only allocations left are on the rare exact paths (two-pass rows with
 * logits beyond ±3e6, see {@link HugeLogitSoftmax}).
 */
interface RowKernel {
    /** y[from, to) = softmax(x[from, to)) (x and y may be the same array); returns ln Σ exp(x). */
    double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch);
}
