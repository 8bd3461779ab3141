package lab.softmax.engine.ghosts.training;

/**
 * Softmax regression (no hidden layer) or a one-hidden-layer ReLU MLP, trained with mean
 * cross-entropy, with hand-written backpropagation and the forward-mode Jacobian–vector product
 * a = J_z·v that gives the logit slopes along a parameter direction (the ReLU derivative is taken at
 * the current point: the logits are linearised along the step, z_k(τ) = z_k + a_k τ, as in Sao 2026,
 * arXiv 2603.13552).
 *
 * <p>Parameters are one flat vector: [W1 (H×D), b1 (H), W2 (C×H), b2 (C)] for the MLP and
 * [W (C×D), b (C)] for the linear model. An instance keeps scratch buffers: one per thread.
 */
public final class SmallNet {
    private final int inputs;
    private final int hidden;
    private final int classes;
    private final double[] pre;
    private final double[] act;
    private final double[] dAct;
    private final double[] logits;
    private final double[] slopes;
    private final double[] delta;

    private SmallNet(int inputs, int hidden, int classes) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        pre = new double[hidden];
        act = new double[hidden];
        dAct = new double[hidden];
        logits = new double[classes];
        slopes = new double[classes];
        delta = new double[classes];
    }

    public static SmallNet linear(int inputs, int classes) { return new SmallNet(inputs, 0, classes); }

    public static SmallNet mlp(int inputs, int hidden, int classes) {
        if (hidden < 1) throw new IllegalArgumentException("hidden width must be >= 1");
        return new SmallNet(inputs, hidden, classes);
    }

    public int hidden() { return hidden; }

    public int classes() { return classes; }

    public int parameterCount() {
        return hidden == 0 ? classes * inputs + classes : hidden * inputs + hidden + classes * hidden + classes;
    }

    private int firstWidth() { return hidden == 0 ? inputs : hidden; }

    /** Offset of the output layer's weight matrix (C rows of firstWidth()). */
    private int outputWeights() { return hidden == 0 ? 0 : hidden * inputs + hidden; }

    private int outputBias() { return outputWeights() + classes * firstWidth(); }

    /** Linear: W ~ 0.01·N(0,1). MLP: W1 ~ √(2/D)·N, W2 ~ √(1/H)·N, row by row; biases 0. */
    public double[] initialParameters(PaperRandom rng) {
        double[] theta = new double[parameterCount()];
        if (hidden == 0) {
            for (int i = 0; i < classes * inputs; i++) theta[i] = 0.01 * rng.normal();
            return theta;
        }
        double s1 = Math.sqrt(2.0 / inputs);
        for (int i = 0; i < hidden * inputs; i++) theta[i] = s1 * rng.normal();
        double s2 = Math.sqrt(1.0 / hidden);
        int w2 = outputWeights();
        for (int i = 0; i < classes * hidden; i++) theta[w2 + i] = s2 * rng.normal();
        return theta;
    }

    /** Logits of one sample (into the internal buffer, returned). */
    double[] forward(double[] theta, double[] x) {
        double[] features = x;
        if (hidden > 0) {
            int b1 = hidden * inputs;
            for (int h = 0; h < hidden; h++) {
                double s = theta[b1 + h];
                int row = h * inputs;
                for (int d = 0; d < inputs; d++) s += theta[row + d] * x[d];
                pre[h] = s;
                act[h] = s > 0 ? s : 0;
            }
            features = act;
        }
        int w = outputWeights();
        int b = outputBias();
        int width = firstWidth();
        for (int c = 0; c < classes; c++) {
            double s = theta[b + c];
            int row = w + c * width;
            for (int j = 0; j < width; j++) s += theta[row + j] * features[j];
            logits[c] = s;
        }
        return logits;
    }

    /** Mean cross-entropy over the given rows; its gradient overwrites grad. */
    public double lossAndGradient(double[] theta, Dataset data, int[] rows, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double total = 0;
        double scale = 1.0 / rows.length;
        int w = outputWeights();
        int b = outputBias();
        int width = firstWidth();
        for (int row : rows) {
            double[] x = data.x()[row];
            int label = data.y()[row];
            forward(theta, x);
            double lse = logSumExp(logits);
            total += lse - logits[label];
            for (int c = 0; c < classes; c++) delta[c] = (Math.exp(logits[c] - lse) - (c == label ? 1 : 0)) * scale;
            double[] features = hidden > 0 ? act : x;
            for (int c = 0; c < classes; c++) {
                grad[b + c] += delta[c];
                int r = w + c * width;
                for (int j = 0; j < width; j++) grad[r + j] += delta[c] * features[j];
            }
            if (hidden > 0) {
                int b1 = hidden * inputs;
                for (int h = 0; h < hidden; h++) {
                    if (pre[h] <= 0) continue;
                    double s = 0;
                    for (int c = 0; c < classes; c++) s += theta[w + c * width + h] * delta[c];
                    grad[b1 + h] += s;
                    int r = h * inputs;
                    for (int d = 0; d < inputs; d++) grad[r + d] += s * x[d];
                }
            }
        }
        return total * scale;
    }

    /** Mean cross-entropy and accuracy over a whole data set. */
    public Evaluation evaluate(double[] theta, Dataset data) {
        double total = 0;
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            forward(theta, data.x()[i]);
            total += logSumExp(logits) - logits[data.y()[i]];
            if (argMax(logits) == data.y()[i]) correct++;
        }
        return new Evaluation(total / data.size(), (double) correct / data.size());
    }

    /** Loss and accuracy of one evaluation; the loss is +Infinity or NaN if the logits overflowed. */
    public record Evaluation(double loss, double accuracy) { }

    /**
     * Logits z and slopes a = J_z·v of one sample (copied into the given arrays): the inputs of the
     * zero finder for this sample along direction v.
     */
    public void logitsAndSlopes(double[] theta, double[] v, double[] x, double[] zOut, double[] aOut) {
        jvp(theta, v, x);
        System.arraycopy(logits, 0, zOut, 0, classes);
        System.arraycopy(slopes, 0, aOut, 0, classes);
    }

    /**
     * The largest logit spread Δa = max a − min a over the data set along v, and the sample attaining it.
     * A NaN slope (a diverged model: NaN parameters or direction) makes Δa NaN at the first such sample:
     * a diverged step has no certified radius, and a comparison-based maximum would silently skip it.
     */
    public Spread maxSpread(double[] theta, double[] v, Dataset data) {
        double best = -1;
        int index = -1;
        for (int i = 0; i < data.size(); i++) {
            jvp(theta, v, data.x()[i]);
            double lo = slopes[0];
            double hi = slopes[0];
            for (int c = 1; c < classes; c++) {
                lo = Math.min(lo, slopes[c]);
                hi = Math.max(hi, slopes[c]);
            }
            if (Double.isNaN(hi - lo)) return new Spread(Double.NaN, i);
            if (hi - lo > best) {
                best = hi - lo;
                index = i;
            }
        }
        return new Spread(best, index);
    }

    /** Δa of the bottleneck sample and its row. */
    public record Spread(double deltaA, int sample) {
        /** ρ_a = π/Δa (Infinity when Δa = 0, NaN when Δa is NaN). */
        public double rhoA() {
            if (Double.isNaN(deltaA)) return Double.NaN;
            return deltaA > 0 ? Math.PI / deltaA : Double.POSITIVE_INFINITY;
        }
    }

    /** Forward pass and the tangent pass along v into logits/slopes. */
    private void jvp(double[] theta, double[] v, double[] x) {
        forward(theta, x);
        double[] features = x;
        double[] dFeatures = null;
        if (hidden > 0) {
            int b1 = hidden * inputs;
            for (int h = 0; h < hidden; h++) {
                if (pre[h] <= 0) {
                    dAct[h] = 0;
                    continue;
                }
                double s = v[b1 + h];
                int row = h * inputs;
                for (int d = 0; d < inputs; d++) s += v[row + d] * x[d];
                dAct[h] = s;
            }
            features = act;
            dFeatures = dAct;
        }
        int w = outputWeights();
        int b = outputBias();
        int width = firstWidth();
        for (int c = 0; c < classes; c++) {
            double s = v[b + c];
            int row = w + c * width;
            for (int j = 0; j < width; j++) {
                s += v[row + j] * features[j];
                if (dFeatures != null) s += theta[row + j] * dFeatures[j];
            }
            slopes[c] = s;
        }
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
