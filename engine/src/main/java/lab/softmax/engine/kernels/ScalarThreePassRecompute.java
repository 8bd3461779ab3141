package lab.softmax.engine.kernels;

/**
 * The readable reference of three-pass softmax with recompute: exps are evaluated in double
 * from the exact difference x − m and rounded to fp32; sums are accumulated in double.
 */
final class ScalarThreePassRecompute implements SoftmaxKernel, RowKernel {
    @Override public Algorithm algorithm() { return Algorithm.THREE_PASS_RECOMPUTE; }

    @Override public Impl impl() { return Impl.SCALAR; }

    @Override public float max(float[] x, int from, int to) { return scalarMax(x, from, to); }

    static float scalarMax(float[] x, int from, int to) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) m = Math.max(m, x[i]);
        return m;
    }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float rowMax) {
        return new MaxSum(rowMax, sumExp(x, from, to, rowMax));
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        float rowMax = scalarMax(x, from, to);
        double sum = sumExp(x, from, to, rowMax);
        writeScaledExp(x, y, from, to, rowMax, sum);
        return MaxSum.logSumExp(rowMax, sum);
    }

    private static double sumExp(float[] x, int from, int to, float rowMax) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (float) Math.exp((double) x[i] - rowMax);
        return sum;
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        MaxSum sum = (MaxSum) row;
        writeScaledExp(x, y, from, to, sum.max(), sum.sum());
    }

    /** y = exp(x − max) / sum, shared by the scalar recompute and online kernels. */
    static void writeScaledExp(float[] x, float[] y, int from, int to, float m, double sum) {
        float inv = (float) (1 / sum);
        for (int i = from; i < to; i++) y[i] = (float) Math.exp((double) x[i] - m) * inv;
    }
}
