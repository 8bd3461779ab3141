package lab.softmax.engine.ghosts.training;

import java.util.Arrays;

/**
 * A model whose logits depend on one sample at a time (no batch statistics): training and inference
 * modes coincide, and the loss, evaluation and slopes are loops over samples of three per-sample passes
 * that subclasses write by hand.
 */
abstract class PerSampleModel implements StepSafetyModel {
    private final int classes;
    private final double[] z;
    private final double[] dz;
    private final double[] slopes;

    PerSampleModel(int classes) {
        this.classes = classes;
        z = new double[classes];
        dz = new double[classes];
        slopes = new double[classes];
    }

    /** Logits of x into z; keeps what {@link #backward} needs for this sample. */
    abstract void forward(double[] theta, double[] x, double[] z);

    /** Adds ∂(dz·z)/∂θ to grad, for the sample of the latest {@link #forward}. */
    abstract void backward(double[] theta, double[] x, double[] dz, double[] grad);

    /** Logits of x into z and their directional derivative J_z·v into a (forward mode). */
    abstract void tangent(double[] theta, double[] v, double[] x, double[] z, double[] a);

    @Override
    public final int classes() { return classes; }

    @Override
    public double trainingLossAndGradient(double[] theta, Dataset data, int[] rows, double[] grad) {
        return lossAndGradient(theta, data, rows, grad);
    }

    @Override
    public final double lossAndGradient(double[] theta, Dataset data, int[] rows, double[] grad) {
        Arrays.fill(grad, 0);
        double total = 0;
        double scale = 1.0 / rows.length;
        for (int row : rows) {
            double[] x = data.x()[row];
            int label = data.y()[row];
            forward(theta, x, z);
            total += crossEntropyGradient(z, label, scale, dz);
            backward(theta, x, dz, grad);
        }
        return total * scale;
    }

    @Override
    public Evaluation evaluate(double[] theta, Dataset data) {
        double total = 0;
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            forward(theta, data.x()[i], z);
            total += logSumExp(z) - z[data.y()[i]];
            if (argMax(z) == data.y()[i]) correct++;
        }
        return new Evaluation(total / data.size(), (double) correct / data.size());
    }

    @Override
    public final double[] logits(double[] theta, double[] x) {
        double[] out = new double[classes];
        forward(theta, x, out);
        return out;
    }

    @Override
    public final void logitsAndSlopes(double[] theta, double[] v, double[] x, double[] zOut, double[] aOut) {
        tangent(theta, v, x, z, slopes);
        System.arraycopy(z, 0, zOut, 0, classes);
        System.arraycopy(slopes, 0, aOut, 0, classes);
    }

    /** Cross-entropy of logits z for the label; writes scale·(softmax(z) − onehot) into dz. */
    static double crossEntropyGradient(double[] z, int label, double scale, double[] dz) {
        double lse = logSumExp(z);
        for (int c = 0; c < z.length; c++) dz[c] = (Math.exp(z[c] - lse) - (c == label ? 1 : 0)) * scale;
        return lse - z[label];
    }

    static double logSumExp(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) m = Math.max(m, v);
        if (!Double.isFinite(m)) return m;
        double s = 0;
        for (double v : z) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    static int argMax(double[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) if (z[i] > z[best]) best = i;
        return best;
    }
}
