package lab.softmax.engine.ghosts.training;

import lab.softmax.engine.numeric.Erf;

/**
 * The per-sample building blocks of the step-safety models, each as forward, backward (reverse mode)
 * and tangent (forward mode) passes over slices of flat arrays. A dense layer's weight is nOut rows of
 * nIn (torch's Linear layout) at offset w in θ, its bias at offset b.
 */
final class Layers {
    /** torch.nn.LayerNorm's default ε. */
    static final double LAYER_NORM_EPS = 1e-5;

    private Layers() { }

    /** out = W·in + b. */
    static void dense(double[] theta, int w, int b, double[] in, int inOff, int nIn, double[] out, int outOff, int nOut) {
        for (int o = 0; o < nOut; o++) {
            double s = theta[b + o];
            int row = w + o * nIn;
            for (int i = 0; i < nIn; i++) s += theta[row + i] * in[inOff + i];
            out[outOff + o] = s;
        }
    }

    /**
     * Reverse mode of {@link #dense}: grad[W] += dOut·inᵀ, grad[b] += dOut, and, when dIn is not null,
     * dIn = Wᵀ·dOut (overwritten).
     */
    static void denseBackward(double[] theta, int w, int b, double[] in, int inOff, int nIn, double[] dOut, int dOutOff,
                              int nOut, double[] grad, double[] dIn, int dInOff) {
        if (dIn != null) java.util.Arrays.fill(dIn, dInOff, dInOff + nIn, 0);
        for (int o = 0; o < nOut; o++) {
            double d = dOut[dOutOff + o];
            grad[b + o] += d;
            int row = w + o * nIn;
            for (int i = 0; i < nIn; i++) grad[row + i] += d * in[inOff + i];
            if (dIn != null) for (int i = 0; i < nIn; i++) dIn[dInOff + i] += theta[row + i] * d;
        }
    }

    /** Forward mode of {@link #dense}: outDot = V_W·in + W·inDot + V_b (inDot null: the input does not move). */
    static void denseTangent(double[] theta, double[] v, int w, int b, double[] in, double[] inDot, int inOff, int nIn,
                             double[] outDot, int outOff, int nOut) {
        for (int o = 0; o < nOut; o++) {
            double s = v[b + o];
            int row = w + o * nIn;
            if (inDot == null) {
                for (int i = 0; i < nIn; i++) s += v[row + i] * in[inOff + i];
            } else {
                for (int i = 0; i < nIn; i++) {
                    s += v[row + i] * in[inOff + i];
                    s += theta[row + i] * inDot[inOff + i];
                }
            }
            outDot[outOff + o] = s;
        }
    }

    /**
     * LayerNorm over n values: x̂ = (x − mean)/σ with σ = √(biased variance + ε), out = γ·x̂ + β (γ at g, β
     * at b in θ). Writes x̂ into xHat and returns 1/σ.
     */
    static double layerNorm(double[] theta, int g, int b, double[] x, int off, int n, double[] xHat, double[] out) {
        double mean = 0;
        for (int i = 0; i < n; i++) mean += x[off + i];
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double d = x[off + i] - mean;
            var += d * d;
        }
        var /= n;
        double inv = 1 / Math.sqrt(var + LAYER_NORM_EPS);
        for (int i = 0; i < n; i++) {
            xHat[off + i] = (x[off + i] - mean) * inv;
            out[off + i] = theta[g + i] * xHat[off + i] + theta[b + i];
        }
        return inv;
    }

    /**
     * Reverse mode of {@link #layerNorm}: grad[γ] += dOut·x̂, grad[β] += dOut, and
     * dx = (1/σ)·(dx̂ − mean dx̂ − x̂·mean(dx̂·x̂)) with dx̂ = γ·dOut, written into dx.
     */
    static void layerNormBackward(double[] theta, int g, int b, double[] xHat, double inv, double[] dOut, int off, int n,
                                  double[] grad, double[] dx) {
        double meanD = 0;
        double meanDx = 0;
        for (int i = 0; i < n; i++) {
            double d = dOut[off + i];
            grad[g + i] += d * xHat[off + i];
            grad[b + i] += d;
            double dh = theta[g + i] * d;
            meanD += dh;
            meanDx += dh * xHat[off + i];
        }
        meanD /= n;
        meanDx /= n;
        for (int i = 0; i < n; i++) {
            double dh = theta[g + i] * dOut[off + i];
            dx[off + i] = inv * (dh - meanD - xHat[off + i] * meanDx);
        }
    }

    /**
     * Forward mode of {@link #layerNorm}: with the input moving as xDot, x̂ moves as
     * (ẋ − mean ẋ − x̂·mean(x̂·ẋ))/σ, and out as V_γ·x̂ + γ·x̂̇ + V_β.
     */
    static void layerNormTangent(double[] theta, double[] v, int g, int b, double[] xHat, double inv, double[] xDot,
                                 int off, int n, double[] outDot) {
        double meanDot = 0;
        double meanHatDot = 0;
        for (int i = 0; i < n; i++) {
            meanDot += xDot[off + i];
            meanHatDot += xHat[off + i] * xDot[off + i];
        }
        meanDot /= n;
        meanHatDot /= n;
        for (int i = 0; i < n; i++) {
            double hatDot = (xDot[off + i] - meanDot - xHat[off + i] * meanHatDot) * inv;
            outDot[off + i] = v[g + i] * xHat[off + i] + theta[g + i] * hatDot + v[b + i];
        }
    }

    /** GELU, exact (torch's default): x·Φ(x). */
    static double gelu(double x) { return x * Erf.normalCdf(x); }

    /** GELU′(x) = Φ(x) + x·φ(x). */
    static double geluDerivative(double x) { return Erf.normalCdf(x) + x * Erf.normalPdf(x); }

    /** torch's default Linear/Conv1d initialisation: U(−1/√fanIn, 1/√fanIn) for count values from offset. */
    static void uniformInit(double[] theta, int offset, int count, int fanIn, PaperRandom rng) {
        double bound = 1 / Math.sqrt(fanIn);
        for (int i = 0; i < count; i++) theta[offset + i] = (2 * rng.uniform() - 1) * bound;
    }
}
