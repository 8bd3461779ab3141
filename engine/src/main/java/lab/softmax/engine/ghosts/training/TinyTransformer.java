package lab.softmax.engine.ghosts.training;

/**
 * The paper's one-block Transformer on digits (Sao 2026, archgrid "Transformer", d = 32): the 64 pixels
 * are embedded as a single token x₀ = E·x + b; then pre-norm attention x₁ = x₀ + W_o·Attn(LN₁(x₀)) + b_o,
 * pre-norm feed-forward x₂ = x₁ + W₂·GELU(W₁·LN₂(x₁) + b₁) + b₂ (width 4d), and a linear head.
 *
 * <p>With one token the softmax runs over a single key, so the attention weight is exactly 1 whatever
 * q·k/√d is and Attn(h) = v = W_v·h + b_v: the query and key rows of the fused W_qkv get a zero gradient
 * and a zero slope, as in the paper's code. They are kept so the parameters are torch's: embed, qkv
 * (q, k, v rows), out, ffn1, ffn2, norm1, norm2, head; initialisation U(±1/√fan-in), γ = 1, β = 0.
 */
public final class TinyTransformer extends PerSampleModel {
    private final int inputs;
    private final int dim;
    private final int ffn;
    private final int embed;
    private final int qkv;
    private final int out;
    private final int ffn1;
    private final int ffn2;
    private final int norm1;
    private final int norm2;
    private final int head;
    private final int parameters;
    private final double[] x0;
    private final double[] hat1;
    private final double[] h1;
    private final double[] value;
    private final double[] x1;
    private final double[] hat2;
    private final double[] h2;
    private final double[] f1;
    private final double[] g1;
    private final double[] x2;
    private double inv1;
    private double inv2;
    /** Gradients (backward) or tangents (forward mode) at x₀, h₁, v, x₁, h₂, the FFN's hidden layer and x₂. */
    private final double[] dX0;
    private final double[] dH1;
    private final double[] dValue;
    private final double[] dX1;
    private final double[] dH2;
    private final double[] dF1;
    private final double[] dX2;

    public TinyTransformer(int inputs, int dim, int classes) {
        super(classes);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1");
        this.inputs = inputs;
        this.dim = dim;
        this.ffn = 4 * dim;
        embed = 0;
        qkv = embed + dim * inputs + dim;
        out = qkv + 3 * dim * dim + 3 * dim;
        ffn1 = out + dim * dim + dim;
        ffn2 = ffn1 + ffn * dim + ffn;
        norm1 = ffn2 + dim * ffn + dim;
        norm2 = norm1 + 2 * dim;
        head = norm2 + 2 * dim;
        parameters = head + classes * dim + classes;
        x0 = new double[dim];
        hat1 = new double[dim];
        h1 = new double[dim];
        value = new double[dim];
        x1 = new double[dim];
        hat2 = new double[dim];
        h2 = new double[dim];
        f1 = new double[ffn];
        g1 = new double[ffn];
        x2 = new double[dim];
        dX0 = new double[dim];
        dH1 = new double[dim];
        dValue = new double[dim];
        dX1 = new double[dim];
        dH2 = new double[dim];
        dF1 = new double[ffn];
        dX2 = new double[dim];
    }

    @Override
    public int parameterCount() { return parameters; }

    /** Offsets of the value rows of W_qkv and of their bias (rows 2d..3d of the fused projection). */
    private int valueWeight() { return qkv + 2 * dim * dim; }

    private int valueBias() { return qkv + 3 * dim * dim + 2 * dim; }

    @Override
    public double[] initialParameters(PaperRandom rng) {
        double[] theta = new double[parameters];
        Layers.uniformInit(theta, embed, dim * inputs + dim, inputs, rng);
        Layers.uniformInit(theta, qkv, 3 * dim * dim + 3 * dim, dim, rng);
        Layers.uniformInit(theta, out, dim * dim + dim, dim, rng);
        Layers.uniformInit(theta, ffn1, ffn * dim + ffn, dim, rng);
        Layers.uniformInit(theta, ffn2, dim * ffn + dim, ffn, rng);
        java.util.Arrays.fill(theta, norm1, norm1 + dim, 1.0);
        java.util.Arrays.fill(theta, norm2, norm2 + dim, 1.0);
        Layers.uniformInit(theta, head, classes() * dim + classes(), dim, rng);
        return theta;
    }

    @Override
    void forward(double[] theta, double[] x, double[] z) {
        Layers.dense(theta, embed, embed + dim * inputs, x, 0, inputs, x0, 0, dim);
        inv1 = Layers.layerNorm(theta, norm1, norm1 + dim, x0, 0, dim, hat1, h1);
        Layers.dense(theta, valueWeight(), valueBias(), h1, 0, dim, value, 0, dim);
        Layers.dense(theta, out, out + dim * dim, value, 0, dim, x1, 0, dim);
        for (int i = 0; i < dim; i++) x1[i] += x0[i];
        inv2 = Layers.layerNorm(theta, norm2, norm2 + dim, x1, 0, dim, hat2, h2);
        Layers.dense(theta, ffn1, ffn1 + ffn * dim, h2, 0, dim, f1, 0, ffn);
        for (int i = 0; i < ffn; i++) g1[i] = Layers.gelu(f1[i]);
        Layers.dense(theta, ffn2, ffn2 + dim * ffn, g1, 0, ffn, x2, 0, dim);
        for (int i = 0; i < dim; i++) x2[i] += x1[i];
        Layers.dense(theta, head, head + classes() * dim, x2, 0, dim, z, 0, classes());
    }

    @Override
    void backward(double[] theta, double[] x, double[] dz, double[] grad) {
        Layers.denseBackward(theta, head, head + classes() * dim, x2, 0, dim, dz, 0, classes(), grad, dX2, 0);
        Layers.denseBackward(theta, ffn2, ffn2 + dim * ffn, g1, 0, ffn, dX2, 0, dim, grad, dF1, 0);
        for (int i = 0; i < ffn; i++) dF1[i] *= Layers.geluDerivative(f1[i]);
        Layers.denseBackward(theta, ffn1, ffn1 + ffn * dim, h2, 0, dim, dF1, 0, ffn, grad, dH2, 0);
        Layers.layerNormBackward(theta, norm2, norm2 + dim, hat2, inv2, dH2, 0, dim, grad, dX1);
        for (int i = 0; i < dim; i++) dX1[i] += dX2[i];
        Layers.denseBackward(theta, out, out + dim * dim, value, 0, dim, dX1, 0, dim, grad, dValue, 0);
        Layers.denseBackward(theta, valueWeight(), valueBias(), h1, 0, dim, dValue, 0, dim, grad, dH1, 0);
        Layers.layerNormBackward(theta, norm1, norm1 + dim, hat1, inv1, dH1, 0, dim, grad, dX0);
        for (int i = 0; i < dim; i++) dX0[i] += dX1[i];
        Layers.denseBackward(theta, embed, embed + dim * inputs, x, 0, inputs, dX0, 0, dim, grad, null, 0);
    }

    @Override
    void tangent(double[] theta, double[] v, double[] x, double[] z, double[] a) {
        forward(theta, x, z);
        Layers.denseTangent(theta, v, embed, embed + dim * inputs, x, null, 0, inputs, dX0, 0, dim);
        Layers.layerNormTangent(theta, v, norm1, norm1 + dim, hat1, inv1, dX0, 0, dim, dH1);
        Layers.denseTangent(theta, v, valueWeight(), valueBias(), h1, dH1, 0, dim, dValue, 0, dim);
        Layers.denseTangent(theta, v, out, out + dim * dim, value, dValue, 0, dim, dX1, 0, dim);
        for (int i = 0; i < dim; i++) dX1[i] += dX0[i];
        Layers.layerNormTangent(theta, v, norm2, norm2 + dim, hat2, inv2, dX1, 0, dim, dH2);
        Layers.denseTangent(theta, v, ffn1, ffn1 + ffn * dim, h2, dH2, 0, dim, dF1, 0, ffn);
        for (int i = 0; i < ffn; i++) dF1[i] *= Layers.geluDerivative(f1[i]);
        Layers.denseTangent(theta, v, ffn2, ffn2 + dim * ffn, g1, dF1, 0, ffn, dX2, 0, dim);
        for (int i = 0; i < dim; i++) dX2[i] += dX1[i];
        Layers.denseTangent(theta, v, head, head + classes() * dim, x2, dX2, 0, dim, a, 0, classes());
    }
}
