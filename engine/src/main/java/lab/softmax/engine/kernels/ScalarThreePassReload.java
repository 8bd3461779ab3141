package lab.softmax.engine.kernels;

/** Three-pass softmax with reload, scalar reference: store exp(x − m), sum it, then scale in place. */
final class ScalarThreePassReload implements SoftmaxKernel {
    @Override public Algorithm algorithm() { return Algorithm.THREE_PASS_RELOAD; }

    @Override public Impl impl() { return Impl.SCALAR; }

    @Override public float max(float[] x, int from, int to) { return ScalarThreePassRecompute.scalarMax(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            float e = (float) Math.exp((double) x[i] - rowMax);
            y[i] = e;
            sum += e;
        }
        return new MaxSum(rowMax, sum);
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        float inv = (float) (1 / ((MaxSum) row).sum());
        for (int i = from; i < to; i++) y[i] *= inv;
    }
}
