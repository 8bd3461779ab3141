package lab.softmax.engine.kernels;

/**
 * Online softmax (Milakov & Gimelshein), scalar reference: one pass keeps the running (m, d) with
 * d = Σ exp(x − m), rescaling d whenever m grows; the output pass is three-pass's last pass.
 */
final class ScalarOnline implements SoftmaxKernel, RowKernel {
    @Override public Algorithm algorithm() { return Algorithm.ONLINE; }

    @Override public Impl impl() { return Impl.SCALAR; }

    @Override public float max(float[] x, int from, int to) { return ScalarThreePassRecompute.scalarMax(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float ignored) {
        RowScratch scratch = new RowScratch();
        reduce(x, from, to, scratch);
        return scratch.maxSum();
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        reduce(x, from, to, scratch);
        float max = scratch.max;
        double sum = scratch.sum;
        ScalarThreePassRecompute.writeScaledExp(x, y, from, to, max, sum);
        return MaxSum.logSumExp(max, sum);
    }

    /** The one streaming pass: the running (m, d) into the scratch. */
    private static void reduce(float[] x, int from, int to, RowScratch scratch) {
        float m = Float.NEGATIVE_INFINITY;
        double d = 0;
        for (int i = from; i < to; i++) {
            float v = x[i];
            if (v == Float.NEGATIVE_INFINITY) continue; // masked: adds 0 (and -inf − -inf would be NaN)
            if (v > m) {
                d = d * Math.exp((double) m - v) + 1; // exp(-inf) = 0 on the first finite entry
                m = v;
            } else {
                d += (float) Math.exp((double) v - m);
            }
        }
        scratch.max = m;
        scratch.sum = d;
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        MaxSum sum = (MaxSum) row;
        ScalarThreePassRecompute.writeScaledExp(x, y, from, to, sum.max(), sum.sum());
    }
}
