package lab.softmax.engine.kernels;

/**
 * A (max, sum) pair: Σ exp(x_i − max) = sum. Three-pass and online softmax reduce to this.
 * {@code max} is -Infinity (and sum 0) for a chunk of masked entries only.
 */
public record MaxSum(float max, double sum) implements SoftmaxReduction {
    public static final MaxSum EMPTY = new MaxSum(Float.NEGATIVE_INFINITY, 0);

    @Override
    public double logSumExp() { return logSumExp(max, sum); }

    /** ln Σ exp(x) of the pair (max, sum) without making one. */
    static double logSumExp(float max, double sum) {
        return max == Float.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : max + Math.log(sum);
    }

    @Override
    public MaxSum combine(SoftmaxReduction other) {
        MaxSum o = (MaxSum) other;
        if (o.max == Float.NEGATIVE_INFINITY) return this;
        if (max == Float.NEGATIVE_INFINITY) return o;
        float m = Math.max(max, o.max);
        // The differences are exact in double; only the smaller chunk's sum is rescaled.
        return new MaxSum(m, sum * Math.exp((double) max - m) + o.sum * Math.exp((double) o.max - m));
    }
}
