package lab.softmax.engine.kernels;

/** Three-pass softmax with reload, scalar reference: store exp(x − m), sum it, then scale in place. */
final class ScalarThreePassReload implements SoftmaxKernel, RowKernel {
    @Override public Algorithm algorithm() { return Algorithm.THREE_PASS_RELOAD; }

    @Override public Impl impl() { return Impl.SCALAR; }

    @Override public float max(float[] x, int from, int to) { return ScalarThreePassRecompute.scalarMax(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax) {
        return new MaxSum(rowMax, storeExpSum(x, y, from, to, rowMax));
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        float rowMax = ScalarThreePassRecompute.scalarMax(x, from, to);
        double sum = storeExpSum(x, y, from, to, rowMax);
        scale(y, from, to, sum);
        return MaxSum.logSumExp(rowMax, sum);
    }

    private static double storeExpSum(float[] x, float[] y, int from, int to, float rowMax) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            float e = (float) Math.exp((double) x[i] - rowMax);
            y[i] = e;
            sum += e;
        }
        return sum;
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        scale(y, from, to, ((MaxSum) row).sum());
    }

    private static void scale(float[] y, int from, int to, double sum) {
        float inv = (float) (1 / sum);
        for (int i = from; i < to; i++) y[i] *= inv;
    }
}
