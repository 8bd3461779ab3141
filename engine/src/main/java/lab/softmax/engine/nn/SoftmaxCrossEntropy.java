package lab.softmax.engine.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import lab.softmax.engine.numeric.Precision;

/**
 * Softmax cross-entropy with the loss computed in a chosen precision, in torch's order of
 * operations, as the official code of Prieto et al. (arXiv 2501.04697) computes it in utils.py
 * (cross_entropy_float16/32/64):
 * out = (z - max) - ln sum_j exp(z_j - max); loss = -out_c; grad_in = grad_out - exp(out) * sum(grad_out)
 * with grad_out = -1/N at the target. Keeping this exact formula (not softmax - onehot) is what
 * makes the target's gradient exactly 0 once the sum rounds to 1.
 *
 * <p>Every result is rounded to the precision; fp16/bf16 compute internally in float32 and round
 * the stored output and gradient to the 16-bit format, as torch does for half tensors. The sum
 * starts with the maximal term (exactly 1) and adds the others in index order, so a sample
 * collapses exactly when every other term is absorbed, i.e. when its top-2 gap passes the
 * precision's absorption gap.
 *
 * <p>Holds scratch buffers: use one instance per thread.
 */
public final class SoftmaxCrossEntropy implements RowLoss {
    private static final VectorSpecies<Double> SPECIES = FloatLanes.DOUBLES;
    /** Floats of {@link #SPECIES}'s lane count; null where none exists, and float32 then takes the scalar float path. */
    private static final VectorSpecies<Float> HALF_WIDTH_FLOATS = FloatLanes.HALF_WIDTH_FLOATS;
    private final Precision precision;
    private final Precision internal;
    private double[] out = new double[0];
    private double[] e = new double[0];
    private double[] z = new double[0];
    private double[] g = new double[0];
    private float[] outF = new float[0];
    private float[] expF = new float[0];

    public SoftmaxCrossEntropy(Precision precision) {
        this.precision = precision;
        this.internal = Rounding.internal(precision);
    }

    public Precision precision() { return precision; }

    @Override
    public double evaluate(double[] z, int classes, int target, int batchSize, double[] grad) {
        if (out.length < classes) {
            out = new double[classes];
            e = new double[classes];
        }
        double loss = logSoftmaxAt(z, classes, target, out);
        if (grad != null) {
            double gradOut = r(-1.0 / batchSize);
            exp(out, classes, out);
            for (int j = 0; j < classes; j++) {
                double term = ri(ri(out[j]) * gradOut);
                grad[j] = j == target ? r(ri(gradOut - term)) : r(-term);
            }
        }
        return loss;
    }

    /**
     * The probabilities this loss's backward works with: exp(log-softmax) rounded to the precision,
     * the same exp(out_j) the gradient formula multiplies (not a separately normalised softmax).
     */
    public void probabilities(double[] z, int classes, double[] p) {
        if (out.length < classes) {
            out = new double[classes];
            e = new double[classes];
        }
        logSoftmaxAt(z, classes, 0, out);
        exp(out, classes, p);
        for (int j = 0; j < classes; j++) p[j] = r(ri(p[j]));
    }

    @Override
    public double evaluate(float[] logits, int offset, int classes, int target, int batchSize, float[] grad) {
        if (z.length < classes) {
            z = new double[classes];
            g = new double[classes];
            outF = new float[classes];
        }
        if (out.length < classes) {
            out = new double[classes];
            e = new double[classes];
        }
        if (precision == Precision.FP32 && HALF_WIDTH_FLOATS != null) {
            return evaluateFloat32(logits, offset, classes, target, batchSize, grad);
        }
        if (precision == Precision.FP32 || precision == Precision.FP16) {
            return evaluateFloat(logits, offset, classes, target, batchSize, grad, precision == Precision.FP16);
        }
        for (int j = 0; j < classes; j++) z[j] = logits[offset + j];
        double loss = evaluate(z, classes, target, batchSize, grad == null ? null : g);
        if (grad != null) {
            for (int j = 0; j < classes; j++) grad[offset + j] = (float) g[j];
        }
        return loss;
    }

    /**
     * {@link #evaluate} in float arithmetic, run for float16 (half = true); float32 runs the vector
     * version {@link #evaluateFloat32} of the same steps where the vector shapes allow it, else this. The generic path rounds
     * double results to float, and for fp16 rounds those floats to fp16 ({@link Rounding}). Float
     * +, -, * and / give the same floats, because double has more than 2 * 24 + 2 significand bits.
     * exp and log are still taken in double, on the same vector lanes. The results are therefore the
     * same bit for bit, without a rounding call per operation.
     */
    private double evaluateFloat(float[] logits, int offset, int classes, int target, int batchSize, float[] grad,
                                 boolean half) {
        float[] o = outF;
        for (int j = 0; j < classes; j++) o[j] = half(logits[offset + j], half);
        int argmax = 0;
        float max = o[0];
        for (int j = 1; j < classes; j++) {
            if (o[j] > max) {
                max = o[j];
                argmax = j;
            }
        }
        double[] d = out;
        for (int j = 0; j < classes; j++) {
            o[j] -= max;
            d[j] = o[j];
        }
        exp(d, classes, e);
        float sum = (float) e[argmax];
        for (int j = 0; j < classes; j++) {
            if (j != argmax) sum += (float) e[j];
        }
        float lse = (float) Math.log(sum);
        for (int j = 0; j < classes; j++) {
            o[j] = half(o[j] - lse, half);
            d[j] = o[j];
        }
        if (grad != null) {
            float gradOut = half((float) (-1.0 / batchSize), half);
            exp(d, classes, e);
            for (int j = 0; j < classes; j++) {
                float term = (float) e[j] * gradOut;
                grad[offset + j] = half(j == target ? gradOut - term : -term, half);
            }
        }
        return -o[target];
    }

    /**
     * {@link #evaluateFloat} for float32 with vector lanes: the same operations on the same values
     * (float - and *, exp in double then rounded to float, the sum added one term at a time in the
     * same order), so the same bits. Lanes of {@link #SPECIES} doubles take floats of the same count.
     */
    private double evaluateFloat32(float[] logits, int offset, int classes, int target, int batchSize, float[] grad) {
        int argmax = argmax(logits, offset, classes);
        float max = logits[offset + argmax];
        float[] o = outF;
        float[] ef = expF(classes);
        int upper = SPECIES.loopBound(classes);
        int j = 0;
        for (; j < upper; j += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(HALF_WIDTH_FLOATS, logits, offset + j).sub(max);
            x.intoArray(o, j);
            expOfFloats(x).intoArray(ef, j);
        }
        for (; j < classes; j++) {
            o[j] = logits[offset + j] - max;
            ef[j] = (float) Math.exp(o[j]);
        }
        float sum = ef[argmax];
        for (int k = 0; k < classes; k++) {
            if (k != argmax) sum += ef[k];
        }
        float lse = (float) Math.log(sum);
        float gradOut = (float) (-1.0 / batchSize);
        float outTarget = o[target] - lse;
        if (grad == null) return -outTarget;
        for (j = 0; j < upper; j += SPECIES.length()) {
            FloatVector p = expOfFloats(FloatVector.fromArray(HALF_WIDTH_FLOATS, o, j).sub(lse));
            p.intoArray(ef, j);
            p.mul(gradOut).neg().intoArray(grad, offset + j);
        }
        for (; j < classes; j++) {
            ef[j] = (float) Math.exp(o[j] - lse);
            grad[offset + j] = -(ef[j] * gradOut);
        }
        grad[offset + target] = gradOut - ef[target] * gradOut;
        return -outTarget;
    }

    /**
     * The first index of the largest of logits[offset .. offset + classes), as a scalar loop keeping
     * the first strict maximum finds it; a NaN anywhere falls back to that loop, which skips NaNs
     * after index 0.
     */
    static int argmax(float[] logits, int offset, int classes) {
        VectorSpecies<Float> species = FloatVector.SPECIES_PREFERRED;
        int upper = species.loopBound(classes);
        float max = Float.NEGATIVE_INFINITY;
        if (upper > 0) {
            FloatVector m = FloatVector.fromArray(species, logits, offset);
            for (int j = species.length(); j < upper; j += species.length()) {
                m = m.max(FloatVector.fromArray(species, logits, offset + j));
            }
            max = m.reduceLanes(VectorOperators.MAX);
        }
        for (int j = upper; j < classes; j++) max = Math.max(max, logits[offset + j]);
        if (!Float.isNaN(max)) {
            for (int j = 0; j < classes; j++) {
                if (logits[offset + j] == max) return j;
            }
        }
        int argmax = 0;
        float best = logits[offset];
        for (int j = 1; j < classes; j++) {
            if (logits[offset + j] > best) {
                best = logits[offset + j];
                argmax = j;
            }
        }
        return argmax;
    }

    /** exp of each float lane, taken in double and rounded back to float. */
    private static FloatVector expOfFloats(FloatVector x) {
        return FloatLanes.narrow(FloatLanes.widen(x).lanewise(VectorOperators.EXP));
    }

    private float[] expF(int classes) {
        if (expF.length < classes) expF = new float[classes];
        return expF;
    }

    /** x rounded to fp16 (to nearest even) when half, else x. */
    private static float half(float x, boolean half) {
        return half ? Float.float16ToFloat(Float.floatToFloat16(x)) : x;
    }

    /** Fills out with log-softmax (in the precision) and returns -out[target]. */
    double logSoftmaxAt(double[] z, int classes, int target, double[] out) {
        int argmax = 0;
        double max = r(z[0]);
        for (int j = 1; j < classes; j++) {
            double v = r(z[j]);
            if (v > max) {
                max = v;
                argmax = j;
            }
        }
        for (int j = 0; j < classes; j++) {
            out[j] = ri(r(z[j]) - max);
        }
        exp(out, classes, e);
        double sum = ri(e[argmax]);
        for (int j = 0; j < classes; j++) {
            if (j != argmax) {
                sum = ri(sum + ri(e[j]));
            }
        }
        double lse = ri(Math.log(sum));
        for (int j = 0; j < classes; j++) {
            out[j] = r(ri(out[j] - lse));
        }
        return -out[target];
    }

    /** e[j] = exp(x[j]) in double, vectorised (callers round). */
    static void exp(double[] x, int n, double[] e) {
        int j = 0;
        for (int upper = SPECIES.loopBound(n); j < upper; j += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, x, j).lanewise(VectorOperators.EXP).intoArray(e, j);
        }
        for (; j < n; j++) {
            e[j] = Math.exp(x[j]);
        }
    }

    private double r(double x) { return Rounding.round(precision, x); }

    private double ri(double x) { return Rounding.round(internal, x); }
}
