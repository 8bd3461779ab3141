package lab.softmax.engine.kernels;

/** Three-pass softmax with reload on the Vector API: max, store exp(x − max) and sum it, scale in place. */
final class VectorThreePassReload implements SoftmaxKernel, RowKernel {
    @Override public Algorithm algorithm() { return Algorithm.THREE_PASS_RELOAD; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax) {
        return new MaxSum(rowMax, storeExpSum(x, y, from, to, rowMax, new RowScratch()));
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        float rowMax = VectorExpPasses.max(x, from, to);
        double sum = storeExpSum(x, y, from, to, rowMax, scratch);
        VectorExpPasses.scale(y, from, to, (float) (1 / (sum * scratch.shift.factor())));
        return MaxSum.logSumExp(rowMax, sum);
    }

    /** y = exp(x − rowMax)·factor of the scratch's shift; returns Σ exp(x − rowMax). */
    private static double storeExpSum(float[] x, float[] y, int from, int to, float rowMax, RowScratch scratch) {
        ExpShift shift = scratch.shift.set(rowMax);
        return VectorExpPasses.storeExpSum(x, y, from, to, shift, scratch.lanes) / shift.factor();
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        MaxSum sum = (MaxSum) row;
        // y holds exp(x − max)·factor for the row's max (the same shift in every chunk).
        VectorExpPasses.scale(y, from, to, (float) (1 / (sum.sum() * ExpShift.of(sum.max()).factor())));
    }
}
