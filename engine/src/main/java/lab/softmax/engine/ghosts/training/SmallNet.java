package lab.softmax.engine.ghosts.training;

/**
 * Softmax regression (no hidden layer) or a one-hidden-layer ReLU MLP, with hand-written
 * backpropagation and the forward-mode JVP (the ReLU derivative is taken at the current point).
 *
 * <p>Parameters are one flat vector: [W1 (H×D), b1 (H), W2 (C×H), b2 (C)] for the MLP and
 * [W (C×D), b (C)] for the linear model.
 */
public final class SmallNet extends PerSampleModel {
    private final int inputs;
    private final int hidden;
    private final double[] pre;
    private final double[] act;
    private final double[] dAct;

    private SmallNet(int inputs, int hidden, int classes) {
        super(classes);
        this.inputs = inputs;
        this.hidden = hidden;
        pre = new double[hidden];
        act = new double[hidden];
        dAct = new double[hidden];
    }

    public static SmallNet linear(int inputs, int classes) { return new SmallNet(inputs, 0, classes); }

    public static SmallNet mlp(int inputs, int hidden, int classes) {
        if (hidden < 1) throw new IllegalArgumentException("hidden width must be >= 1");
        return new SmallNet(inputs, hidden, classes);
    }

    public int hidden() { return hidden; }

    @Override
    public int parameterCount() {
        return hidden == 0 ? classes() * inputs + classes() : hidden * inputs + hidden + classes() * hidden + classes();
    }

    private int firstWidth() { return hidden == 0 ? inputs : hidden; }

    /** Offset of the output layer's weight matrix (C rows of firstWidth()). */
    private int outputWeights() { return hidden == 0 ? 0 : hidden * inputs + hidden; }

    private int outputBias() { return outputWeights() + classes() * firstWidth(); }

    /** Linear: W ~ 0.01·N(0,1). MLP: W1 ~ √(2/D)·N, W2 ~ √(1/H)·N, row by row; biases 0. */
    @Override
    public double[] initialParameters(PaperRandom rng) {
        double[] theta = new double[parameterCount()];
        if (hidden == 0) {
            for (int i = 0; i < classes() * inputs; i++) theta[i] = 0.01 * rng.normal();
            return theta;
        }
        double s1 = Math.sqrt(2.0 / inputs);
        for (int i = 0; i < hidden * inputs; i++) theta[i] = s1 * rng.normal();
        double s2 = Math.sqrt(1.0 / hidden);
        int w2 = outputWeights();
        for (int i = 0; i < classes() * hidden; i++) theta[w2 + i] = s2 * rng.normal();
        return theta;
    }

    @Override
    void forward(double[] theta, double[] x, double[] z) {
        double[] features = x;
        if (hidden > 0) {
            Layers.dense(theta, 0, hidden * inputs, x, 0, inputs, pre, 0, hidden);
            for (int h = 0; h < hidden; h++) act[h] = pre[h] > 0 ? pre[h] : 0;
            features = act;
        }
        Layers.dense(theta, outputWeights(), outputBias(), features, 0, firstWidth(), z, 0, classes());
    }

    @Override
    void backward(double[] theta, double[] x, double[] dz, double[] grad) {
        double[] features = hidden > 0 ? act : x;
        Layers.denseBackward(theta, outputWeights(), outputBias(), features, 0, firstWidth(), dz, 0, classes(), grad,
                hidden > 0 ? dAct : null, 0);
        if (hidden > 0) {
            for (int h = 0; h < hidden; h++) if (pre[h] <= 0) dAct[h] = 0;
            Layers.denseBackward(theta, 0, hidden * inputs, x, 0, inputs, dAct, 0, hidden, grad, null, 0);
        }
    }

    @Override
    void tangent(double[] theta, double[] v, double[] x, double[] z, double[] a) {
        forward(theta, x, z);
        double[] features = x;
        double[] dFeatures = null;
        if (hidden > 0) {
            Layers.denseTangent(theta, v, 0, hidden * inputs, x, null, 0, inputs, dAct, 0, hidden);
            for (int h = 0; h < hidden; h++) if (pre[h] <= 0) dAct[h] = 0;
            features = act;
            dFeatures = dAct;
        }
        Layers.denseTangent(theta, v, outputWeights(), outputBias(), features, dFeatures, 0, firstWidth(), a, 0, classes());
    }
}
