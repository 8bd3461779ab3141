package lab.softmax.engine.kernels;

/**
 * What the reduction pass(es) of a softmax leave behind: enough to write every output and to
 * give log Σ exp(x). Partial normalisers of disjoint chunks combine exactly (up to one rounding
 * of the sum), so a row can be reduced in parallel.
 */
public sealed interface SoftmaxReduction permits MaxSum, ExtendedSum {
    /** ln Σ exp(x_i) over the elements reduced so far (-Infinity when there were none). */
    double logSumExp();

    /** The normaliser of the union of two disjoint chunks; both must be of the same kind. */
    SoftmaxReduction combine(SoftmaxReduction other);
}
