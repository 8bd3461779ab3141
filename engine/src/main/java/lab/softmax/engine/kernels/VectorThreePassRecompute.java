package lab.softmax.engine.kernels;

/** Three-pass softmax with recompute on the Vector API: max, Σ exp(x − max), y = exp(x − max)/Σ. */
final class VectorThreePassRecompute implements SoftmaxKernel {
    @Override public Algorithm algorithm() { return Algorithm.THREE_PASS_RECOMPUTE; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax) {
        ExpShift shift = ExpShift.of(rowMax);
        return new MaxSum(rowMax, VectorExpPasses.sumExp(x, from, to, shift) / shift.factor());
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        writeNormalised(x, y, from, to, (MaxSum) row);
    }

    /** The output pass shared with online softmax: y = exp(x − max) / sum. */
    static void writeNormalised(float[] x, float[] y, int from, int to, MaxSum row) {
        ExpShift shift = ExpShift.of(row.max());
        VectorExpPasses.writeExp(x, y, from, to, shift, (float) (1 / (row.sum() * shift.factor())));
    }
}
