package lab.softmax.engine.nn;

/**
 * StableMax cross-entropy, always in float64 as in the official code (collapse.md section 2):
 * s(x) = x + 1 for x >= 0, 1/(1 - x) for x < 0; loss = -ln(s(z_c) / sum_j s(z_j)), no max shift,
 * no temperature. Per sample (before 1/N): dL/dz_k = s'(z_k)/S - [k = c] s'(z_c)/s(z_c).
 */
public final class StableMaxCrossEntropy implements RowLoss {
    private double[] z = new double[0];
    private double[] g = new double[0];

    public static double s(double x) {
        return x >= 0 ? x + 1.0 : 1.0 / (1.0 - x);
    }

    /** s'(x) = 1 for x >= 0 and 1/(1 - x)^2 = s(x)^2 for x < 0. */
    public static double sPrime(double x) {
        if (x >= 0) return 1.0;
        double q = 1.0 / (1.0 - x);
        return q * q;
    }

    @Override
    public double evaluate(double[] z, int classes, int target, int batchSize, double[] grad) {
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            sum += s(z[j]);
        }
        double sTarget = s(z[target]);
        double loss = -Math.log(sTarget / sum);
        if (grad != null) {
            double inv = 1.0 / batchSize;
            for (int j = 0; j < classes; j++) {
                grad[j] = sPrime(z[j]) / sum * inv;
            }
            grad[target] -= sPrime(z[target]) / sTarget * inv;
        }
        return loss;
    }

    @Override
    public double evaluate(float[] logits, int offset, int classes, int target, int batchSize, float[] grad) {
        if (z.length < classes) {
            z = new double[classes];
            g = new double[classes];
        }
        for (int j = 0; j < classes; j++) z[j] = logits[offset + j];
        double loss = evaluate(z, classes, target, batchSize, grad == null ? null : g);
        if (grad != null) {
            for (int j = 0; j < classes; j++) grad[offset + j] = (float) g[j];
        }
        return loss;
    }
}
