package lab.softmax.engine.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * StableMax cross-entropy, always in float64 as in the official code of Prieto et al., "Grokking at the
 * Edge of Numerical Stability" (arXiv 2501.04697; utils.py, stablemax_cross_entropy):
 * s(x) = x + 1 for x >= 0, 1/(1 - x) for x < 0; loss = -ln(s(z_c) / sum_j s(z_j)), no max shift,
 * no temperature. Per sample (before 1/N): dL/dz_k = s'(z_k)/S - [k = c] s'(z_c)/s(z_c).
 * Holds scratch buffers: use one instance per thread.
 */
public final class StableMaxCrossEntropy implements RowLoss {
    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    private double[] terms = new double[0];
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

    /**
     * The formula above with s and s' taken in vector lanes without branches (the sign of a logit is
     * a coin toss for the branch predictor), and the sum still added in index order, so the bits are
     * those of {@link #s} and {@link #sPrime} applied one logit at a time.
     */
    @Override
    public double evaluate(double[] z, int classes, int target, int batchSize, double[] grad) {
        double[] terms = terms(classes);
        int upper = LANES.loopBound(classes);
        int j = 0;
        for (; j < upper; j += LANES.length()) {
            DoubleVector x = DoubleVector.fromArray(LANES, z, j);
            VectorMask<Double> nonNegative = x.compare(VectorOperators.GE, 0.0);
            DoubleVector.broadcast(LANES, 1.0).div(DoubleVector.broadcast(LANES, 1.0).sub(x)).blend(x.add(1.0), nonNegative).intoArray(terms, j);
        }
        for (; j < classes; j++) terms[j] = s(z[j]);
        double sum = 0;
        for (int k = 0; k < classes; k++) sum += terms[k];
        double sTarget = s(z[target]);
        double loss = -Math.log(sTarget / sum);
        if (grad != null) {
            double inv = 1.0 / batchSize;
            for (j = 0; j < upper; j += LANES.length()) {
                DoubleVector x = DoubleVector.fromArray(LANES, z, j);
                VectorMask<Double> nonNegative = x.compare(VectorOperators.GE, 0.0);
                DoubleVector q = DoubleVector.broadcast(LANES, 1.0).div(DoubleVector.broadcast(LANES, 1.0).sub(x));
                q.mul(q).blend(1.0, nonNegative).div(sum).mul(inv).intoArray(grad, j);
            }
            for (; j < classes; j++) grad[j] = sPrime(z[j]) / sum * inv;
            grad[target] -= sPrime(z[target]) / sTarget * inv;
        }
        return loss;
    }

    private double[] terms(int classes) {
        if (terms.length < classes) terms = new double[classes];
        return terms;
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
