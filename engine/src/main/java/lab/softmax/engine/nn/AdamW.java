package lab.softmax.engine.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import lab.softmax.engine.numeric.Precision;

/**
 * Adam, in the two forms the labs reproduce bit for bit. The same formulas in another order of
 * operations round differently, so each lab keeps the order of the code it reproduces:
 * this class is the Collapse lab's torch form; {@link PaperForm} is the Ghosts lab's.
 *
 * <p>AdamW with torch's semantics and order of operations (torch.optim.AdamW, single-tensor path):
 * p *= 1 - lr wd; m = lerp(m, g, 1 - b1); v = b2 v + (1 - b2) g^2;
 * denom = sqrt(v) / sqrt(1 - b2^t) + eps; p -= lr / (1 - b1^t) * m / denom.
 * Tensor arithmetic is rounded to the model precision after every operation; scalar factors
 * (bias corrections, step size) are computed in double, as Python floats are. eps may be as small
 * as 1e-30 (the paper's runs use 1e-25): then Adam normalises even ~1e-13 gradients into full-size steps.
 * Gradients, like the values, must be representable in the precision (torch's gradient of a float32
 * tensor is float32): the float32 vector path reads them as floats.
 */
public final class AdamW implements Optimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Precision precision;
    private final Workers workers;
    /** Below this many elements a tensor is not worth sharing out; larger ones go out in chunks of this size. */
    private static final int PARALLEL_MIN = 8192;
    private final Map<Parameter, double[][]> moments = new IdentityHashMap<>();
    private long step;

    public AdamW(double lr, double beta1, double beta2, double eps, double weightDecay, Precision precision) {
        this(lr, beta1, beta2, eps, weightDecay, precision, Workers.of(1));
    }

    /**
     * @param workers large tensors are split between this team's threads; the update is
     *                element-wise, so the result does not depend on the split
     */
    public AdamW(double lr, double beta1, double beta2, double eps, double weightDecay, Precision precision, Workers workers) {
        this.workers = workers;
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.precision = precision;
    }

    @Override
    public void step(List<Parameter> parameters) {
        step++;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = lr / bc1;
        double decay = r(1 - lr * weightDecay);
        double w1 = r(1 - beta1);
        double w2 = r(1 - beta2);
        double b2 = r(beta2);
        double e = r(eps);
        for (Parameter p : parameters) {
            double[][] mv = moments.computeIfAbsent(p, k -> new double[][] {new double[k.size()], new double[k.size()]});
            double[] m = mv[0];
            double[] v = mv[1];
            double[] x = p.value();
            double[] g = p.grad();
            boolean lanes = precision == Precision.FP32 && FloatLanes.HALF_WIDTH_FLOATS != null;
            Workers.Range update = (from, to) -> {
                int i = from;
                if (lanes) i = updateFloat32(x, m, v, g, from, to, decay, w1, w2, b2, bc2Sqrt, e, stepSize);
                for (; i < to; i++) {
                    double gi = g[i];
                    if (weightDecay != 0) x[i] = r(x[i] * decay);
                    m[i] = lerp(m[i], gi, w1);
                    v[i] = r(r(v[i] * b2) + r(w2 * r(gi * gi)));
                    double denom = r(r(r(Math.sqrt(v[i])) / bc2Sqrt) + e);
                    x[i] = r(x[i] - r(stepSize * r(m[i] / denom)));
                }
            };
            if (x.length >= PARALLEL_MIN) workers.forChunks(x.length, PARALLEL_MIN, (part, from, to) -> update.run(from, to));
            else update.run(0, x.length);
        }
    }

    /**
     * The loop of {@link #step} for float32 in float lanes: the same operations in the same order, so the same
     * bits. Float +, -, *, / and sqrt of floats round to the float that the double operation rounded to float
     * gives ({@link FloatLanes}); the two products with a double scalar (bias correction, step size) are taken
     * in double lanes and rounded. Returns the index the scalar loop goes on from.
     */
    private int updateFloat32(double[] x, double[] m, double[] v, double[] g, int from, int to, double decay, double w1,
                              double w2, double b2, double bc2Sqrt, double e, double stepSize) {
        VectorSpecies<Double> lanes = FloatLanes.DOUBLES;
        float decayF = (float) decay;
        float w1F = (float) w1;
        float oneMinusW1 = (float) r(1 - w1);
        float w2F = (float) w2;
        float b2F = (float) b2;
        float eF = (float) e;
        int upper = from + lanes.loopBound(to - from);
        int i = from;
        for (; i < upper; i += lanes.length()) {
            FloatVector gi = load(g, i);
            FloatVector xi = load(x, i);
            FloatVector mi = load(m, i);
            if (weightDecay != 0) xi = xi.mul(decayF);
            FloatVector diff = gi.sub(mi);
            mi = w1 < 0.5 ? mi.add(diff.mul(w1F)) : gi.sub(diff.mul(oneMinusW1));
            FloatVector vi = load(v, i).mul(b2F).add(gi.mul(gi).mul(w2F));
            FloatVector denom = FloatLanes.narrow(FloatLanes.widen(vi.sqrt()).div(bc2Sqrt)).add(eF);
            xi = xi.sub(FloatLanes.narrow(FloatLanes.widen(mi.div(denom)).mul(stepSize)));
            FloatLanes.widen(mi).intoArray(m, i);
            FloatLanes.widen(vi).intoArray(v, i);
            FloatLanes.widen(xi).intoArray(x, i);
        }
        return i;
    }

    /** Lanes of a double array holding float values, as floats (exact). */
    private static FloatVector load(double[] a, int i) {
        return FloatLanes.narrow(DoubleVector.fromArray(FloatLanes.DOUBLES, a, i));
    }

    /** torch.lerp: start + w (end - start) for w < 0.5, else end - (end - start)(1 - w). */
    private double lerp(double start, double end, double w) {
        double diff = r(end - start);
        return w < 0.5 ? r(start + r(w * diff)) : r(end - r(diff * r(1 - w)));
    }

    @Override
    public long steps() { return step; }

    private double r(double x) { return Rounding.round(precision, x); }

    /**
     * Adam without weight decay as the Ghosts paper's code writes it, in double on one flat parameter
     * vector: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g g; the step is (m / (1 - b1^t)) /
     * (sqrt(v / (1 - b2^t)) + eps). Not the torch form above (lerp for m, sqrt(v) / sqrt(1 - b2^t),
     * lr / (1 - b1^t) as one factor): those round differently, and the step-safety results follow
     * the paper's code. The direction is offered on its own because the step-safety controllers
     * choose the learning rate after seeing it.
     */
    public static final class PaperForm {
        private final double beta1;
        private final double beta2;
        private final double eps;
        private final double[] m;
        private final double[] v;
        private long step;
        private double bc1;
        private double bc2;

        /** @param size the number of parameters; the moments start at zero */
        public PaperForm(int size, double beta1, double beta2, double eps) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.m = new double[size];
            this.v = new double[size];
        }

        /** Takes in the gradient and writes the step direction d (the parameters move by -lr d). */
        public void direction(double[] grad, double[] d) {
            advance();
            for (int i = 0; i < m.length; i++) {
                updateMoments(i, grad[i]);
                d[i] = (m[i] / bc1) / denominator(i);
            }
        }

        /** Takes in the gradient and steps theta by lr; lr multiplies before the division, as in the paper's code. */
        public void step(double[] theta, double[] grad, double lr) {
            advance();
            for (int i = 0; i < m.length; i++) {
                updateMoments(i, grad[i]);
                theta[i] -= lr * (m[i] / bc1) / denominator(i);
            }
        }

        public long steps() { return step; }

        private void advance() {
            step++;
            bc1 = 1 - Math.pow(beta1, step);
            bc2 = 1 - Math.pow(beta2, step);
        }

        private void updateMoments(int i, double g) {
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
        }

        private double denominator(int i) { return Math.sqrt(v[i] / bc2) + eps; }
    }
}
