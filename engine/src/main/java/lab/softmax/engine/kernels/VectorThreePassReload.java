package lab.softmax.engine.kernels;

/** Three-pass softmax with reload on the Vector API: max, store exp(x − max) and sum it, scale in place. */
final class VectorThreePassReload implements SoftmaxKernel {
    @Override public Algorithm algorithm() { return Algorithm.THREE_PASS_RELOAD; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax) {
        ExpShift shift = ExpShift.of(rowMax);
        return new MaxSum(rowMax, VectorExpPasses.storeExpSum(x, y, from, to, shift) / shift.factor());
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        MaxSum sum = (MaxSum) row;
        // y holds exp(x − max)·factor for the row's max (the same shift in every chunk).
        VectorExpPasses.scale(y, from, to, (float) (1 / (sum.sum() * ExpShift.of(sum.max()).factor())));
    }
}
