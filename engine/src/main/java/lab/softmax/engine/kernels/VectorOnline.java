package lab.softmax.engine.kernels;

/**
 * Online softmax on the Vector API. Pass 1 ({@link VectorExpPasses#onlineReduce}) works in L1-sized
 * blocks: the block's max, then (if it grew) one rescale of the running sum, then the block's exps.
 * Memory is streamed once; the block is re-read from L1. Pass 2 is the recompute pass of three-pass.
 */
final class VectorOnline implements SoftmaxKernel, RowKernel {
    @Override public Algorithm algorithm() { return Algorithm.ONLINE; }

    @Override public Impl impl() { return Impl.VECTOR; }

    @Override public float max(float[] x, int from, int to) { return VectorExpPasses.max(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float ignored) {
        RowScratch scratch = new RowScratch();
        VectorExpPasses.onlineReduce(x, from, to, scratch);
        return scratch.maxSum();
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        VectorExpPasses.onlineReduce(x, from, to, scratch);
        float max = scratch.max;
        double sum = scratch.sum;
        VectorThreePassRecompute.writeNormalised(x, y, from, to, max, sum, scratch);
        return MaxSum.logSumExp(max, sum);
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        MaxSum sum = (MaxSum) row;
        VectorThreePassRecompute.writeNormalised(x, y, from, to, sum.max(), sum.sum(), new RowScratch());
    }
}
