package lab.softmax.engine.kernels;

/** Three-pass softmax with recompute on the Vector API: max, Σ exp(x − max), y = exp(x − max)/Σ. */
final class VectorThreePassRecompute implements SoftmaxKernel, RowKernel {
    @Override public Algorithm algorithm() { return Algorithm.THREE_PASS_RECOMPUTE; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax) {
        return new MaxSum(rowMax, sumExp(x, from, to, rowMax, new RowScratch()));
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        float rowMax = VectorExpPasses.max(x, from, to);
        double sum = sumExp(x, from, to, rowMax, scratch);
        writeNormalised(x, y, from, to, rowMax, sum, scratch);
        return MaxSum.logSumExp(rowMax, sum);
    }

    /** Σ exp(x − rowMax) over the chunk. */
    private static double sumExp(float[] x, int from, int to, float rowMax, RowScratch scratch) {
        ExpShift shift = scratch.shift.set(rowMax);
        return VectorExpPasses.sumExp(x, from, to, shift, scratch.lanes) / shift.factor();
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        MaxSum sum = (MaxSum) row;
        writeNormalised(x, y, from, to, sum.max(), sum.sum(), new RowScratch());
    }

    /** The output pass shared with online softmax: y = exp(x − max) / sum. */
    static void writeNormalised(float[] x, float[] y, int from, int to, float max, double sum, RowScratch scratch) {
        ExpShift shift = scratch.shift.set(max);
        VectorExpPasses.writeExp(x, y, from, to, shift, (float) (1 / (sum * shift.factor())), scratch.lanes);
    }
}
