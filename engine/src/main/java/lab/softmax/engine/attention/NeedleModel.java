package lab.softmax.engine.attention;

import java.util.List;
import lab.softmax.engine.nn.Parameter;
import lab.softmax.engine.numeric.SplitMix64;

/**
 * One attention layer of the needle task with a merged bilinear form W ∈ ℝ^{d×d}: g_i = qᵀ W k_i.
 * Vanilla: a = softmax(g). SSA: a = softmax(τ·g) with τ = 1 + s·ln n + tanh(u·q), s = e^{−e^β}.
 * Output ŷ = Σ a_i v_i; loss ‖ŷ − y‖²/d_v averaged over the batch. Gradients are written by hand
 * (docs/labs/attention.md) and checked against finite differences in the tests. fp64 throughout.
 */
public final class NeedleModel {
    private final NeedleMode mode;
    private final int d;
    private final int dv;
    private final Parameter w;
    private final Parameter beta;
    private final Parameter u;

    /** W = initScale·N(0, 1), β = beta0, u = 0: SSA starts almost exactly at vanilla. */
    public NeedleModel(NeedleMode mode, int keyDim, int valueDim, double initScale, double beta0, SplitMix64 rng) {
        this.mode = mode;
        this.d = keyDim;
        this.dv = valueDim;
        this.w = new Parameter("W", keyDim, keyDim);
        this.beta = new Parameter("beta", 1, 1);
        this.u = new Parameter("u", 1, keyDim);
        NeedleExample.Gaussians g = new NeedleExample.Gaussians(rng);
        double[] wv = w.value();
        for (int i = 0; i < wv.length; i++) wv[i] = initScale * g.next();
        beta.value()[0] = beta0;
    }

    public NeedleMode mode() { return mode; }

    public Parameter w() { return w; }

    public Parameter beta() { return beta; }

    public Parameter u() { return u; }

    /** Parameters with weight decay (W, and u for SSA). */
    List<Parameter> decayed() { return mode == NeedleMode.SSA ? List.of(w, u) : List.of(w); }

    /** s = e^{−e^β} (0 for vanilla). */
    public double slope() { return mode == NeedleMode.SSA ? SsaConfig.slopeFromBeta(beta.value()[0]) : 0; }

    public double weightNorm() { return Math.sqrt(Parameter.dot(w.value(), w.value())); }

    public double tokenNorm() { return mode == NeedleMode.SSA ? Math.sqrt(Parameter.dot(u.value(), u.value())) : 0; }

    /** τ for query q in a context of n keys (1 for vanilla). */
    public double tau(double[] q, int n) {
        if (mode == NeedleMode.VANILLA) return 1;
        return 1 + slope() * Math.log(n) + Math.tanh(dot(u.value(), q, 0, d));
    }

    public void zeroGrad() {
        java.util.Arrays.fill(w.grad(), 0);
        java.util.Arrays.fill(beta.grad(), 0);
        java.util.Arrays.fill(u.grad(), 0);
    }

    /**
     * Mean loss over the batch; when {@code backward}, adds ∂loss/∂(W, β, u) to the gradients.
     */
    public double loss(List<NeedleExample> batch, boolean backward) {
        double total = 0;
        int m = batch.size();
        for (NeedleExample ex : batch) {
            Forward f = forward(ex);
            double[] y = ex.targetValue(dv);
            double l = 0;
            for (int c = 0; c < dv; c++) {
                double diff = f.yHat[c] - y[c];
                l += diff * diff;
            }
            total += l / dv;
            if (backward) backward(ex, f, y, m);
        }
        return total / m;
    }

    /** The forward pass of one example: logits g, τ, weights a, output ŷ. */
    public Forward forward(NeedleExample ex) {
        int n = ex.n();
        double[] q = ex.query();
        double[] keys = ex.keys();
        double[] wv = w.value();
        // p = Wᵀq, so g_i = p·k_i = qᵀ W k_i.
        double[] p = new double[d];
        for (int r = 0; r < d; r++) {
            double qr = q[r];
            if (qr == 0) continue;
            int row = r * d;
            for (int c = 0; c < d; c++) p[c] += qr * wv[row + c];
        }
        double tokenDot = mode == NeedleMode.SSA ? dot(u.value(), q, 0, d) : 0;
        double tanh = Math.tanh(tokenDot);
        double tau = mode == NeedleMode.SSA ? 1 + slope() * Math.log(n) + tanh : 1;
        double[] g = new double[n];
        double[] a = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            g[i] = dot(p, keys, i * d, d);
            double z = tau * g[i];
            a[i] = z;
            if (z > max) max = z;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            a[i] = Math.exp(a[i] - max);
            sum += a[i];
        }
        double inv = 1 / sum;
        double[] values = ex.values();
        double[] yHat = new double[dv];
        for (int i = 0; i < n; i++) {
            a[i] *= inv;
            double ai = a[i];
            int off = i * dv;
            for (int c = 0; c < dv; c++) yHat[c] += ai * values[off + c];
        }
        return new Forward(g, a, tau, tanh, yHat);
    }

    private void backward(NeedleExample ex, Forward f, double[] y, int m) {
        int n = ex.n();
        double[] q = ex.query();
        double[] keys = ex.keys();
        double[] values = ex.values();
        double[] r = new double[dv];
        for (int c = 0; c < dv; c++) r[c] = 2 * (f.yHat[c] - y[c]) / (dv * (double) m);
        double[] e = new double[n];
        double eBar = 0;
        for (int i = 0; i < n; i++) {
            e[i] = dot(r, values, i * dv, dv);
            eBar += f.a[i] * e[i];
        }
        double dTau = 0;
        double[] h = new double[d];
        for (int i = 0; i < n; i++) {
            double dz = f.a[i] * (e[i] - eBar);
            dTau += dz * f.g[i];
            double dg = f.tau * dz;
            int off = i * d;
            for (int c = 0; c < d; c++) h[c] += dg * keys[off + c];
        }
        double[] dw = w.grad();
        for (int rr = 0; rr < d; rr++) {
            double qr = q[rr];
            int row = rr * d;
            for (int c = 0; c < d; c++) dw[row + c] += qr * h[c];
        }
        if (mode == NeedleMode.SSA) {
            double b = beta.value()[0];
            double s = SsaConfig.slopeFromBeta(b);
            beta.grad()[0] += dTau * (-Math.exp(b) * s * Math.log(n));
            double dTok = dTau * (1 - f.tanh * f.tanh);
            double[] du = u.grad();
            for (int c = 0; c < d; c++) du[c] += dTok * q[c];
        }
    }

    private static double dot(double[] x, double[] y, int yOffset, int len) {
        double s = 0;
        for (int c = 0; c < len; c++) s += x[c] * y[yOffset + c];
        return s;
    }

    /** One example's forward pass. */
    public record Forward(double[] g, double[] a, double tau, double tanh, double[] yHat) { }
}
