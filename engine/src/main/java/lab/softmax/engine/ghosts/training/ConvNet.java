package lab.softmax.engine.ghosts.training;

import java.util.Arrays;

/**
 * The paper's 1-D CNN on digits (Sao 2026, archgrid "CNN+BN"): the 64 pixels as one channel of length 64;
 * Conv1d(1→C, kernel 3, padding 1) [+ BatchNorm] + ReLU, Conv1d(C→C, 3, 1) [+ BatchNorm] + ReLU, the
 * average over positions, a linear head; C = 32. Without BatchNorm it is the plain "CNN" of Figs 1 and 7.
 *
 * <p>Training steps use BatchNorm in training mode (the batch's statistics over samples and positions,
 * running statistics updated); evaluation, the slopes for ρ_a and the inference-mode gradient use the
 * running statistics, as the paper's code computes ρ_a in eval mode. Activations are position-major
 * (index l·C + c). Parameters in torch's order: conv1 W (C×1×3), b; bn1 γ, β; conv2 W (C×C×3), b; bn2 γ, β;
 * head W (classes×C), b. Initialisation as torch's defaults: U(±1/√fan-in) with fan-in 3, 3C and C;
 * γ = 1, β = 0; running mean 0 and variance 1 (reset by {@link #initialParameters}).
 */
public final class ConvNet extends PerSampleModel {
    private static final int KERNEL = 3;
    private final int length;
    private final int channels;
    private final BatchNorm norm1;
    private final BatchNorm norm2;
    private final int w1;
    private final int b1;
    private final int g1;
    private final int w2;
    private final int b2;
    private final int g2;
    private final int head;
    private final int parameters;
    private final int slab;
    // one sample (inference mode)
    private final double[] u;
    private final double[] hat1;
    private final double[] a1;
    private final double[] hat2;
    private final double[] a2;
    private final double[] pooled;
    private final double[] gradA;
    private final double[] gradU;
    private final double[] gradPooled;
    private final double[] pooledDot;
    /** conv2's weight transposed to [k][c_in][c_out] (forward) and [k][c_out][c_in] (backward), and its gradient in the first layout. */
    private final double[] forwardWeights;
    private final double[] backwardWeights;
    private final double[] tangentWeights;
    private final double[] weightGrad;
    // a training batch (grown on demand)
    private double[] batchU = new double[0];
    private double[] batchHat1 = new double[0];
    private double[] batchA1 = new double[0];
    private double[] batchHat2 = new double[0];
    private double[] batchA2 = new double[0];
    private double[] batchGrad1 = new double[0];
    private double[] batchGrad2 = new double[0];

    /** @param batchNorm false gives the plain CNN (no normalisation layers, no γ/β parameters) */
    public ConvNet(int length, int channels, int classes, boolean batchNorm) {
        super(classes);
        if (length < 1 || channels < 1) throw new IllegalArgumentException("length and channels must be >= 1");
        this.length = length;
        this.channels = channels;
        norm1 = batchNorm ? new BatchNorm(channels) : null;
        norm2 = batchNorm ? new BatchNorm(channels) : null;
        int normSize = batchNorm ? 2 * channels : 0;
        w1 = 0;
        b1 = w1 + channels * KERNEL;
        g1 = b1 + channels;
        w2 = g1 + normSize;
        b2 = w2 + channels * channels * KERNEL;
        g2 = b2 + channels;
        head = g2 + normSize;
        parameters = head + classes * channels + classes;
        slab = length * channels;
        u = new double[slab];
        hat1 = new double[slab];
        a1 = new double[slab];
        hat2 = new double[slab];
        a2 = new double[slab];
        pooled = new double[channels];
        gradA = new double[slab];
        gradU = new double[slab];
        gradPooled = new double[channels];
        pooledDot = new double[channels];
        forwardWeights = new double[KERNEL * channels * channels];
        backwardWeights = new double[KERNEL * channels * channels];
        tangentWeights = new double[KERNEL * channels * channels];
        weightGrad = new double[KERNEL * channels * channels];
    }

    public boolean batchNorm() { return norm1 != null; }

    @Override
    public int parameterCount() { return parameters; }

    /** Fresh parameters; also resets BatchNorm's running statistics (a new run starts a fresh torch model). */
    @Override
    public double[] initialParameters(PaperRandom rng) {
        double[] theta = new double[parameters];
        Layers.uniformInit(theta, w1, channels * KERNEL + channels, KERNEL, rng);
        Layers.uniformInit(theta, w2, channels * channels * KERNEL + channels, channels * KERNEL, rng);
        if (batchNorm()) {
            Arrays.fill(theta, g1, g1 + channels, 1.0);
            Arrays.fill(theta, g2, g2 + channels, 1.0);
            norm1.reset();
            norm2.reset();
        }
        Layers.uniformInit(theta, head, classes() * channels + classes(), channels, rng);
        return theta;
    }

    /** Running mean and variance of BatchNorm layer 1 or 2 (copies), for tests and read-outs. */
    double[][] runningStatistics(int layer) {
        BatchNorm n = layer == 1 ? norm1 : norm2;
        return new double[][] {n.runningMean(), n.runningVar()};
    }

    // ---- inference mode, one sample ----

    @Override
    void forward(double[] theta, double[] x, double[] z) {
        conv1(theta, x, u, 0);
        normaliseEval(norm1, theta, g1, u, 0, hat1, a1);
        transposeForward(theta, forwardWeights);
        conv2(forwardWeights, theta, b2, a1, 0, u, 0, false);
        normaliseEval(norm2, theta, g2, u, 0, hat2, a2);
        pool(a2, 0, pooled);
        Layers.dense(theta, head, head + classes() * channels, pooled, 0, channels, z, 0, classes());
    }

    @Override
    void backward(double[] theta, double[] x, double[] dz, double[] grad) {
        Layers.denseBackward(theta, head, head + classes() * channels, pooled, 0, channels, dz, 0, classes(), grad, gradPooled, 0);
        unpool(gradPooled, a2, gradU, 0);
        if (batchNorm()) norm2.evalBackward(theta, g2, g2 + channels, hat2, gradU, 0, length, grad, gradU);
        transposeBackward(theta, backwardWeights);
        Arrays.fill(weightGrad, 0);
        Arrays.fill(gradA, 0);
        conv2Backward(backwardWeights, a1, 0, gradU, 0, grad, gradA);
        scatterWeightGrad(grad);
        for (int i = 0; i < slab; i++) if (!(a1[i] > 0)) gradA[i] = 0;
        if (batchNorm()) norm1.evalBackward(theta, g1, g1 + channels, hat1, gradA, 0, length, grad, gradA);
        conv1Backward(x, gradA, 0, grad);
    }

    @Override
    void tangent(double[] theta, double[] v, double[] x, double[] z, double[] a) {
        forward(theta, x, z);
        conv1(v, x, gradA, 0);
        if (batchNorm()) norm1.evalTangent(theta, v, g1, g1 + channels, hat1, gradA, 0, length);
        for (int i = 0; i < slab; i++) if (!(a1[i] > 0)) gradA[i] = 0;
        transposeForward(v, tangentWeights);
        conv2(tangentWeights, v, b2, a1, 0, gradU, 0, false);
        conv2(forwardWeights, null, 0, gradA, 0, gradU, 0, true);
        if (batchNorm()) norm2.evalTangent(theta, v, g2, g2 + channels, hat2, gradU, 0, length);
        for (int i = 0; i < slab; i++) if (!(a2[i] > 0)) gradU[i] = 0;
        pool(gradU, 0, pooledDot);
        Layers.denseTangent(theta, v, head, head + classes() * channels, pooled, pooledDot, 0, channels, a, 0, classes());
    }

    // ---- training mode, a batch ----

    /** Training mode: BatchNorm normalises by the batch's statistics over samples × positions and updates its running ones. */
    @Override
    public double trainingLossAndGradient(double[] theta, Dataset data, int[] rows, double[] grad) {
        if (!batchNorm()) return lossAndGradient(theta, data, rows, grad);
        Arrays.fill(grad, 0);
        int batch = rows.length;
        ensureBatch(batch * slab);
        int positions = batch * length;
        for (int s = 0; s < batch; s++) conv1(theta, data.x()[rows[s]], batchU, s * slab);
        norm1.trainForward(theta, g1, g1 + channels, batchU, positions, batchHat1, batchA1);
        relu(batchA1, batch * slab);
        transposeForward(theta, forwardWeights);
        for (int s = 0; s < batch; s++) conv2(forwardWeights, theta, b2, batchA1, s * slab, batchU, s * slab, false);
        norm2.trainForward(theta, g2, g2 + channels, batchU, positions, batchHat2, batchA2);
        relu(batchA2, batch * slab);
        double[] z = new double[classes()];
        double[] dz = new double[classes()];
        double total = 0;
        for (int s = 0; s < batch; s++) {
            pool(batchA2, s * slab, pooled);
            Layers.dense(theta, head, head + classes() * channels, pooled, 0, channels, z, 0, classes());
            total += crossEntropyGradient(z, data.y()[rows[s]], 1.0 / batch, dz);
            Layers.denseBackward(theta, head, head + classes() * channels, pooled, 0, channels, dz, 0, classes(), grad, gradPooled, 0);
            unpool(gradPooled, batchA2, batchGrad2, s * slab);
        }
        norm2.trainBackward(theta, g2, g2 + channels, batchHat2, batchGrad2, positions, grad, batchGrad2);
        transposeBackward(theta, backwardWeights);
        Arrays.fill(weightGrad, 0);
        Arrays.fill(batchGrad1, 0, batch * slab, 0);
        for (int s = 0; s < batch; s++) conv2Backward(backwardWeights, batchA1, s * slab, batchGrad2, s * slab, grad, batchGrad1);
        scatterWeightGrad(grad);
        for (int i = 0; i < batch * slab; i++) if (!(batchA1[i] > 0)) batchGrad1[i] = 0;
        norm1.trainBackward(theta, g1, g1 + channels, batchHat1, batchGrad1, positions, grad, batchGrad1);
        for (int s = 0; s < batch; s++) conv1Backward(data.x()[rows[s]], batchGrad1, s * slab, grad);
        return total / batch;
    }

    private void ensureBatch(int size) {
        if (batchU.length >= size) return;
        batchU = new double[size];
        batchHat1 = new double[size];
        batchA1 = new double[size];
        batchHat2 = new double[size];
        batchA2 = new double[size];
        batchGrad1 = new double[size];
        batchGrad2 = new double[size];
    }

    // ---- layers ----

    /** conv1 with weights and bias taken from p (θ, or a direction v for the tangent) into out[off…]. */
    private void conv1(double[] p, double[] x, double[] out, int off) {
        for (int l = 0; l < length; l++) {
            int row = off + l * channels;
            for (int c = 0; c < channels; c++) {
                double s = p[b1 + c];
                for (int k = 0; k < KERNEL; k++) {
                    int j = l + k - 1;
                    if (j >= 0 && j < length) s += p[w1 + c * KERNEL + k] * x[j];
                }
                out[row + c] = s;
            }
        }
    }

    private void conv1Backward(double[] x, double[] du, int off, double[] grad) {
        for (int l = 0; l < length; l++) {
            int row = off + l * channels;
            for (int c = 0; c < channels; c++) {
                double d = du[row + c];
                grad[b1 + c] += d;
                for (int k = 0; k < KERNEL; k++) {
                    int j = l + k - 1;
                    if (j >= 0 && j < length) grad[w1 + c * KERNEL + k] += d * x[j];
                }
            }
        }
    }

    /** weights[(k·C + c_in)·C + c_out] = W2[c_out][c_in][k] of p. */
    private void transposeForward(double[] p, double[] weights) {
        for (int co = 0; co < channels; co++) {
            for (int ci = 0; ci < channels; ci++) {
                for (int k = 0; k < KERNEL; k++) weights[(k * channels + ci) * channels + co] = p[w2 + (co * channels + ci) * KERNEL + k];
            }
        }
    }

    /** weights[(k·C + c_out)·C + c_in] = W2[c_out][c_in][k] of θ. */
    private void transposeBackward(double[] theta, double[] weights) {
        for (int co = 0; co < channels; co++) {
            for (int ci = 0; ci < channels; ci++) {
                for (int k = 0; k < KERNEL; k++) weights[(k * channels + co) * channels + ci] = theta[w2 + (co * channels + ci) * KERNEL + k];
            }
        }
    }

    /** out = conv2(in) (+ bias from p at biasOff unless p is null); added to out when accumulate. */
    private void conv2(double[] weights, double[] p, int biasOff, double[] in, int inOff, double[] out, int outOff, boolean accumulate) {
        for (int l = 0; l < length; l++) {
            int row = outOff + l * channels;
            if (!accumulate) Arrays.fill(out, row, row + channels, 0);
            if (p != null) for (int c = 0; c < channels; c++) out[row + c] += p[biasOff + c];
            for (int k = 0; k < KERNEL; k++) {
                int j = l + k - 1;
                if (j < 0 || j >= length) continue;
                int src = inOff + j * channels;
                for (int ci = 0; ci < channels; ci++) {
                    double a = in[src + ci];
                    if (a == 0) continue;
                    int w = (k * channels + ci) * channels;
                    for (int c = 0; c < channels; c++) out[row + c] += a * weights[w + c];
                }
            }
        }
    }

    /** Reverse mode of conv2: weightGrad (forward layout) += in ⊗ du, grad[b2] += Σ du, dIn += W2ᵀ du. */
    private void conv2Backward(double[] weights, double[] in, int inOff, double[] du, int duOff, double[] grad, double[] dIn) {
        for (int l = 0; l < length; l++) {
            int row = duOff + l * channels;
            for (int c = 0; c < channels; c++) grad[b2 + c] += du[row + c];
            for (int k = 0; k < KERNEL; k++) {
                int j = l + k - 1;
                if (j < 0 || j >= length) continue;
                int src = inOff + j * channels;
                for (int ci = 0; ci < channels; ci++) {
                    double a = in[src + ci];
                    if (a == 0) continue;
                    int w = (k * channels + ci) * channels;
                    for (int c = 0; c < channels; c++) weightGrad[w + c] += a * du[row + c];
                }
                for (int c = 0; c < channels; c++) {
                    double d = du[row + c];
                    if (d == 0) continue;
                    int w = (k * channels + c) * channels;
                    for (int ci = 0; ci < channels; ci++) dIn[src + ci] += d * weights[w + ci];
                }
            }
        }
    }

    private void scatterWeightGrad(double[] grad) {
        for (int co = 0; co < channels; co++) {
            for (int ci = 0; ci < channels; ci++) {
                for (int k = 0; k < KERNEL; k++) grad[w2 + (co * channels + ci) * KERNEL + k] += weightGrad[(k * channels + ci) * channels + co];
            }
        }
    }

    /** Inference-mode BatchNorm (running statistics; skipped without BatchNorm) and ReLU: out = max(0, BN(u)). */
    private void normaliseEval(BatchNorm norm, double[] theta, int g, double[] in, int off, double[] hat, double[] out) {
        if (norm != null) norm.evalForward(theta, g, g + channels, in, off, length, hat, out);
        else System.arraycopy(in, off, out, off, slab);
        relu(out, slab);
    }

    private static void relu(double[] x, int n) {
        for (int i = 0; i < n; i++) if (x[i] < 0) x[i] = 0;   // NaN stays NaN, as torch's relu
    }

    /** The mean over positions of one sample's slab. */
    private void pool(double[] x, int off, double[] out) {
        Arrays.fill(out, 0);
        for (int l = 0; l < length; l++) for (int c = 0; c < channels; c++) out[c] += x[off + l * channels + c];
        for (int c = 0; c < channels; c++) out[c] /= length;
    }

    /** Reverse mode of pool and the ReLU after the last normalisation: d[l·C + c] = dPooled[c]/L where the ReLU passed. */
    private void unpool(double[] dPooled, double[] act, double[] d, int off) {
        for (int l = 0; l < length; l++) {
            for (int c = 0; c < channels; c++) {
                int i = off + l * channels + c;
                d[i] = act[i] > 0 ? dPooled[c] / length : 0;
            }
        }
    }
}
