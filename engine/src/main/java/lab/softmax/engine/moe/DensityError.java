package lab.softmax.engine.moe;

/**
 * How far a fitted conditional density is from the true one: the mean over given inputs x of the Hellinger distance
 * h(p(·|x), q(·|x)) = (½∫(√p − √q)² dy)^½ between the two Gaussian mixtures in y, integrated by the trapezoid rule
 * over ±12 standard deviations around every active component on a grid of step ≤ σ_min/40.
 */
public final class DensityError {
    private DensityError() { }

    /** Inputs x_g = (g + ½)/G on [0, 1], g = 0..G−1, as rows of dimension 1. */
    public static double[][] unitGrid(int g) {
        double[][] xs = new double[g][];
        for (int i = 0; i < g; i++) xs[i] = new double[] {(i + 0.5) / g};
        return xs;
    }

    /** Mean Hellinger distance over the inputs xs. */
    public static double meanHellinger(GaussianMoe fit, GaussianMoe truth, double[][] xs) {
        double sum = 0;
        for (double[] x : xs) sum += hellinger(fit, truth, x);
        return sum / xs.length;
    }

    /** Hellinger distance between p_fit(·|x) and p_truth(·|x). */
    public static double hellinger(GaussianMoe fit, GaussianMoe truth, double[] x) {
        Mixture p = Mixture.at(fit, x);
        Mixture q = Mixture.at(truth, x);
        double lo = Math.min(p.lo(), q.lo());
        double hi = Math.max(p.hi(), q.hi());
        double sd = Math.min(p.minSd(), q.minSd());
        int steps = (int) Math.min(2_000_000, Math.ceil((hi - lo) / (sd / 40)));
        double h = (hi - lo) / steps;
        double s = 0;
        for (int t = 0; t <= steps; t++) {
            double y = lo + t * h;
            double diff = Math.sqrt(p.density(y)) - Math.sqrt(q.density(y));
            s += (t == 0 || t == steps ? 0.5 : 1) * diff * diff;
        }
        return Math.sqrt(Math.max(0, 0.5 * s * h));
    }

    private record Mixture(double[] w, double[] mu, double[] sd) {
        static Mixture at(GaussianMoe m, double[] x) {
            int k = m.experts();
            double[] l = new double[k];
            for (int i = 0; i < k; i++) l[i] = m.logit(i, x, 0);
            int[] act = new int[m.topK()];
            TopK.select(l, k, m.topK(), act);
            double lm = Double.NEGATIVE_INFINITY;
            for (int i : act) lm = Math.max(lm, l[i]);
            double[] w = new double[act.length];
            double[] mu = new double[act.length];
            double[] sd = new double[act.length];
            double s = 0;
            for (int q = 0; q < act.length; q++) {
                w[q] = Math.exp(l[act[q]] - lm);
                s += w[q];
                mu[q] = m.mean(act[q], x, 0);
                sd[q] = Math.sqrt(m.nu(act[q]));
            }
            for (int q = 0; q < act.length; q++) w[q] /= s;
            return new Mixture(w, mu, sd);
        }

        double density(double y) {
            double p = 0;
            for (int q = 0; q < w.length; q++) {
                double z = (y - mu[q]) / sd[q];
                p += w[q] * Math.exp(-0.5 * z * z) / (sd[q] * Math.sqrt(2 * Math.PI));
            }
            return p;
        }

        double lo() {
            double v = Double.POSITIVE_INFINITY;
            for (int q = 0; q < w.length; q++) v = Math.min(v, mu[q] - 12 * sd[q]);
            return v;
        }

        double hi() {
            double v = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < w.length; q++) v = Math.max(v, mu[q] + 12 * sd[q]);
            return v;
        }

        double minSd() {
            double v = Double.POSITIVE_INFINITY;
            for (double s : sd) v = Math.min(v, s);
            return v;
        }
    }
}
