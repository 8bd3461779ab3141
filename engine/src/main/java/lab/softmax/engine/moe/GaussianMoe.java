package lab.softmax.engine.moe;

import lab.softmax.engine.numeric.SplitMix64;

/**
 * The top-K sparse softmax gated Gaussian mixture of experts of Nguyen, Akbarian, Yan and Ho, "Statistical Perspective
 * of Top-K Sparse Softmax Gating Mixture of Experts" (ICLR 2024, arXiv 2309.13850):
 *
 * <pre>
 *   p(y | x) = Σ_i Softmax(TopK((β_1jᵀx + β_0j)_j, K))_i · N(y | a_iᵀx + b_i, ν_i)
 * </pre>
 *
 * with ν_i the expert's variance and TopK setting all but the K largest logits to −∞ (ties: lowest index wins, see
 * {@link TopK}). Gate parameters are identified only up to a common shift; the fitting code of this package keeps the
 * last expert as the reference with (β_0, β_1) = (0, 0). Immutable.
 */
public record GaussianMoe(double[] beta0, double[][] beta1, double[][] a, double[] b, double[] nu, int topK) {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    public GaussianMoe {
        int k = beta0.length;
        if (k < 1) throw new IllegalArgumentException("beta0: need at least one expert");
        if (beta1.length != k || a.length != k || b.length != k || nu.length != k) {
            throw new IllegalArgumentException("beta1, a, b, nu: need " + k + " experts each");
        }
        TopK.requireK(topK, k);
        int d = beta1[0].length;
        if (d < 1) throw new IllegalArgumentException("beta1[0]: empty");
        double[][] c1 = new double[k][];
        double[][] ca = new double[k][];
        for (int i = 0; i < k; i++) {
            if (beta1[i].length != d || a[i].length != d) throw new IllegalArgumentException("beta1[" + i + "], a[" + i + "]: need " + d + " entries");
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(beta1[i][j])) throw new IllegalArgumentException("beta1[" + i + "][" + j + "]: " + beta1[i][j] + " is not finite");
                if (!Double.isFinite(a[i][j])) throw new IllegalArgumentException("a[" + i + "][" + j + "]: " + a[i][j] + " is not finite");
            }
            if (!Double.isFinite(beta0[i])) throw new IllegalArgumentException("beta0[" + i + "]: " + beta0[i] + " is not finite");
            if (!Double.isFinite(b[i])) throw new IllegalArgumentException("b[" + i + "]: " + b[i] + " is not finite");
            if (!(nu[i] > 0) || !Double.isFinite(nu[i])) throw new IllegalArgumentException("nu[" + i + "]: " + nu[i] + " must be a finite variance > 0");
            c1[i] = beta1[i].clone();
            ca[i] = a[i].clone();
        }
        beta0 = beta0.clone();
        beta1 = c1;
        a = ca;
        b = b.clone();
        nu = nu.clone();
    }

    /** A model with scalar input (d = 1). */
    public static GaussianMoe of1d(double[] beta0, double[] beta1, double[] a, double[] b, double[] nu, int topK) {
        double[][] b1 = new double[beta1.length][];
        double[][] aa = new double[a.length][];
        for (int i = 0; i < beta1.length; i++) b1[i] = new double[] {beta1[i]};
        for (int i = 0; i < a.length; i++) aa[i] = new double[] {a[i]};
        return new GaussianMoe(beta0, b1, aa, b, nu, topK);
    }

    public int experts() { return beta0.length; }

    public int dimension() { return beta1[0].length; }

    @Override public double[] beta0() { return beta0.clone(); }

    @Override public double[][] beta1() { return deep(beta1); }

    @Override public double[][] a() { return deep(a); }

    @Override public double[] b() { return b.clone(); }

    @Override public double[] nu() { return nu.clone(); }

    public double beta0(int i) { return beta0[i]; }

    public double beta1(int i, int j) { return beta1[i][j]; }

    public double a(int i, int j) { return a[i][j]; }

    public double b(int i) { return b[i]; }

    public double nu(int i) { return nu[i]; }

    /** The same experts with another K. */
    public GaussianMoe withTopK(int k) { return new GaussianMoe(beta0, beta1, a, b, nu, k); }

    /** The gates as a {@link Gates} (weights β_1, biases β_0). */
    public Gates gates() { return new Gates(beta1, beta0); }

    /** Expert i's mean at x (row offset off in a row-major array). */
    double mean(int i, double[] x, int off) {
        double m = b[i];
        double[] ai = a[i];
        for (int j = 0; j < ai.length; j++) m += ai[j] * x[off + j];
        return m;
    }

    /** Gate logit of expert i at x. */
    double logit(int i, double[] x, int off) {
        double l = beta0[i];
        double[] bi = beta1[i];
        for (int j = 0; j < bi.length; j++) l += bi[j] * x[off + j];
        return l;
    }

    /**
     * Observed log-likelihood Σ_n ln p(y_n | x_n). Inactive experts contribute exactly 0: ln w_i is a max-subtracted
     * log-sum-exp over the active set only, so −∞ logits never enter the arithmetic.
     */
    public double logLikelihood(MoeData data) {
        if (data.d() != dimension()) throw new IllegalArgumentException("data: dimension " + data.d() + " but the model has " + dimension());
        return logLikelihood(data.xs(), data.ys(), dimension());
    }

    /**
     * Scalar on purpose: Math.exp and Math.log give the same bits in every JIT tier, which keeps fits identical for
     * any thread count (the Vector API's EXP differs between its intrinsic and its fallback).
     */
    double logLikelihood(double[] x, double[] y, int d) {
        int k = experts();
        int topK = this.topK;
        double[] c = new double[k];
        double[] inv2nu = new double[k];
        for (int i = 0; i < k; i++) {
            c[i] = -0.5 * (LOG_2PI + Math.log(nu[i]));
            inv2nu[i] = 0.5 / nu[i];
        }
        double[] l = new double[k];
        double[] e = new double[k];
        int[] act = new int[topK];
        double sum = 0;
        int n = y.length;
        for (int t = 0; t < n; t++) {
            int off = t * d;
            for (int i = 0; i < k; i++) l[i] = logit(i, x, off);
            TopK.select(l, k, topK, act);
            double lm = Double.NEGATIVE_INFINITY;
            double em = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < topK; q++) {
                int i = act[q];
                double r = y[t] - mean(i, x, off);
                double v = l[i] + c[i] - r * r * inv2nu[i];
                e[q] = v;
                if (l[i] > lm) lm = l[i];
                if (v > em) em = v;
            }
            double sl = 0;
            double se = 0;
            for (int q = 0; q < topK; q++) {
                sl += Math.exp(l[act[q]] - lm);
                se += Math.exp(e[q] - em);
            }
            sum += em - lm + Math.log(se / sl);
        }
        return sum;
    }

    /** The conditional density p(y | x) at one point, computed directly. */
    public double density(double[] x, double y) {
        int k = experts();
        double[] l = new double[k];
        for (int i = 0; i < k; i++) l[i] = logit(i, x, 0);
        int[] act = new int[topK];
        TopK.select(l, k, topK, act);
        double lm = Double.NEGATIVE_INFINITY;
        for (int i : act) lm = Math.max(lm, l[i]);
        double s = 0;
        double p = 0;
        for (int i : act) {
            double w = Math.exp(l[i] - lm);
            s += w;
            double r = y - mean(i, x, 0);
            p += w * Math.exp(-r * r / (2 * nu[i])) / Math.sqrt(2 * Math.PI * nu[i]);
        }
        return p / s;
    }

    /** Draws n points: x uniform on the box [lo, hi]^d, then y from p(y | x). */
    public MoeData sample(int n, double lo, double hi, SplitMix64 rng) {
        if (n < 1) throw new IllegalArgumentException("n: " + n + " must be >= 1");
        int d = dimension();
        int k = experts();
        double[] x = new double[n * d];
        double[] y = new double[n];
        double[] l = new double[k];
        int[] act = new int[topK];
        for (int t = 0; t < n; t++) {
            int off = t * d;
            for (int j = 0; j < d; j++) x[off + j] = lo + (hi - lo) * rng.nextDouble();
            for (int i = 0; i < k; i++) l[i] = logit(i, x, off);
            TopK.select(l, k, topK, act);
            double lm = Double.NEGATIVE_INFINITY;
            for (int i : act) lm = Math.max(lm, l[i]);
            double s = 0;
            for (int i : act) s += Math.exp(l[i] - lm);
            double u = rng.nextDouble() * s;
            int pick = act[topK - 1];
            for (int i : act) {
                u -= Math.exp(l[i] - lm);
                if (u < 0) {
                    pick = i;
                    break;
                }
            }
            y[t] = mean(pick, x, off) + Math.sqrt(nu[pick]) * rng.nextGaussian();
        }
        return new MoeData(d, x, y);
    }

    private static double[][] deep(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }
}
