package lab.softmax.engine.ghosts.training;

/**
 * The paper's MLP+LayerNorm (Sao 2026, archgrid): depth × (Linear(width), LayerNorm, GELU), then a
 * linear head; 3 × 64 on digits. Parameters in torch's order: per block W (width × fan-in), b, γ, β; then
 * the head's W (classes × width) and b. Initialisation as torch's defaults: weights and biases
 * U(±1/√fan-in), γ = 1, β = 0.
 */
public final class MlpLayerNorm extends PerSampleModel {
    private final int inputs;
    private final int width;
    private final int depth;
    private final int[] weight;
    private final int head;
    private final int parameters;
    private final double[] pre;
    private final double[] hat;
    private final double[] normed;
    private final double[] act;
    private final double[] inv;
    /** Gradients at each block's GELU output / Linear output, and the tangent of each block's output. */
    private final double[] gradAct;
    private final double[] gradPre;
    private final double[] dot;

    public MlpLayerNorm(int inputs, int width, int depth, int classes) {
        super(classes);
        if (width < 1 || depth < 1) throw new IllegalArgumentException("width and depth must be >= 1");
        this.inputs = inputs;
        this.width = width;
        this.depth = depth;
        weight = new int[depth];
        int offset = 0;
        for (int layer = 0; layer < depth; layer++) {
            weight[layer] = offset;
            offset += width * fanIn(layer) + 3 * width;
        }
        head = offset;
        parameters = offset + classes * width + classes;
        pre = new double[depth * width];
        hat = new double[depth * width];
        normed = new double[depth * width];
        act = new double[depth * width];
        inv = new double[depth];
        gradAct = new double[depth * width];
        gradPre = new double[depth * width];
        dot = new double[depth * width];
    }

    private int fanIn(int layer) { return layer == 0 ? inputs : width; }

    private int bias(int layer) { return weight[layer] + width * fanIn(layer); }

    private int gamma(int layer) { return bias(layer) + width; }

    private int beta(int layer) { return gamma(layer) + width; }

    @Override
    public int parameterCount() { return parameters; }

    @Override
    public double[] initialParameters(PaperRandom rng) {
        double[] theta = new double[parameters];
        for (int layer = 0; layer < depth; layer++) {
            Layers.uniformInit(theta, weight[layer], width * fanIn(layer) + width, fanIn(layer), rng);
            java.util.Arrays.fill(theta, gamma(layer), gamma(layer) + width, 1.0);
        }
        Layers.uniformInit(theta, head, classes() * width + classes(), width, rng);
        return theta;
    }

    @Override
    void forward(double[] theta, double[] x, double[] z) {
        double[] in = x;
        int inOff = 0;
        for (int layer = 0; layer < depth; layer++) {
            int o = layer * width;
            Layers.dense(theta, weight[layer], bias(layer), in, inOff, fanIn(layer), pre, o, width);
            inv[layer] = Layers.layerNorm(theta, gamma(layer), beta(layer), pre, o, width, hat, normed);
            for (int i = 0; i < width; i++) act[o + i] = Layers.gelu(normed[o + i]);
            in = act;
            inOff = o;
        }
        Layers.dense(theta, head, head + classes() * width, act, (depth - 1) * width, width, z, 0, classes());
    }

    @Override
    void backward(double[] theta, double[] x, double[] dz, double[] grad) {
        int last = (depth - 1) * width;
        Layers.denseBackward(theta, head, head + classes() * width, act, last, width, dz, 0, classes(), grad, gradAct, last);
        for (int layer = depth - 1; layer >= 0; layer--) {
            int o = layer * width;
            for (int i = 0; i < width; i++) gradAct[o + i] *= Layers.geluDerivative(normed[o + i]);
            Layers.layerNormBackward(theta, gamma(layer), beta(layer), hat, inv[layer], gradAct, o, width, grad, gradPre);
            double[] in = layer == 0 ? x : act;
            int inOff = layer == 0 ? 0 : o - width;
            Layers.denseBackward(theta, weight[layer], bias(layer), in, inOff, fanIn(layer), gradPre, o, width, grad,
                    layer == 0 ? null : gradAct, inOff);
        }
    }

    @Override
    void tangent(double[] theta, double[] v, double[] x, double[] z, double[] a) {
        forward(theta, x, z);
        double[] in = x;
        double[] inDot = null;
        int inOff = 0;
        for (int layer = 0; layer < depth; layer++) {
            int o = layer * width;
            Layers.denseTangent(theta, v, weight[layer], bias(layer), in, inDot, inOff, fanIn(layer), dot, o, width);
            Layers.layerNormTangent(theta, v, gamma(layer), beta(layer), hat, inv[layer], dot, o, width, dot);
            for (int i = 0; i < width; i++) dot[o + i] *= Layers.geluDerivative(normed[o + i]);
            in = act;
            inDot = dot;
            inOff = o;
        }
        Layers.denseTangent(theta, v, head, head + classes() * width, act, dot, (depth - 1) * width, width, a, 0, classes());
    }
}
