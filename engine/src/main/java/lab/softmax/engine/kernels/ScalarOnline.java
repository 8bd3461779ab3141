package lab.softmax.engine.kernels;

/**
 * Online softmax (Milakov & Gimelshein), scalar reference: one pass keeps the running (m, d) with
 * d = Σ exp(x − m), rescaling d whenever m grows; the output pass is three-pass's last pass.
 */
final class ScalarOnline implements SoftmaxKernel {
    @Override public Algorithm algorithm() { return Algorithm.ONLINE; }

    @Override public Impl impl() { return Impl.SCALAR; }

    @Override public float max(float[] x, int from, int to) { return ScalarThreePassRecompute.scalarMax(x, from, to); }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float ignored) {
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
        return new MaxSum(m, d);
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        ScalarThreePassRecompute.writeScaledExp(x, y, from, to, (MaxSum) row);
    }
}
