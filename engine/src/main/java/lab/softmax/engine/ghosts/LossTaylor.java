package lab.softmax.engine.ghosts;

import lab.softmax.engine.io.InputException;

/**
 * The cross-entropy loss along an update direction, L(t) = log Σ_k exp(z_k + a_k t) − (z_y + a_y t),
 * and its Taylor polynomials at t = 0. The n-th derivative of log F at 0 is the n-th cumulant of a
 * under p = softmax(z), so the coefficients are κ_n/n!. The series converges exactly for
 * |t| < ρ* (the nearest complex zero of F is a branch point of log F) and diverges beyond: the
 * reason a step longer than ρ* cannot be trusted to a local model.
 */
public final class LossTaylor {
    /** Beyond this degree the cumulant recursion loses too many digits to cancellation to be worth drawing. */
    public static final int MAX_DEGREE = 24;

    private final double[] logits;
    private final double[] direction;
    private final int target;
    private final double[] coefficients;

    /**
     * @param target the true class y (its logit and slope enter the loss linearly)
     * @param degree highest Taylor degree, 1..MAX_DEGREE
     */
    public LossTaylor(double[] logits, double[] direction, int target, int degree) {
        if (logits.length != direction.length) {
            throw new InputException("direction", "length " + direction.length + " differs from logits length " + logits.length);
        }
        if (target < 0 || target >= logits.length || logits[target] == Double.NEGATIVE_INFINITY) {
            throw new InputException("target", target + " is not an unmasked class index");
        }
        if (degree < 1 || degree > MAX_DEGREE) {
            throw new InputException("degree", degree + " is outside 1.." + MAX_DEGREE);
        }
        this.logits = logits.clone();
        this.direction = direction.clone();
        this.target = target;
        this.coefficients = coefficients(degree);
    }

    /** L(t) for real t, evaluated stably (shifted log-sum-exp). */
    public double loss(double t) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) m = Math.max(m, logits[k] + direction[k] * t);
        double s = 0;
        for (int k = 0; k < logits.length; k++) s += Math.exp(logits[k] + direction[k] * t - m);
        return m + Math.log(s) - (logits[target] + direction[target] * t);
    }

    /** The Taylor polynomial of degree n ≤ the degree given, at t (Horner). */
    public double polynomial(int n, double t) {
        if (n < 0 || n >= coefficients.length) throw new IllegalArgumentException("degree " + n + " not computed");
        double v = 0;
        for (int j = n; j >= 0; j--) v = v * t + coefficients[j];
        return v;
    }

    /** c_0..c_N with L(t) = Σ c_n t^n inside the radius of convergence. */
    public double[] coefficients() { return coefficients.clone(); }

    private double[] coefficients(int degree) {
        double[] p = softmax(logits);
        double mean = 0;
        for (int k = 0; k < p.length; k++) if (p[k] > 0) mean += p[k] * direction[k];
        // Centre and scale the slopes so every moment stays within [-1, 1]: κ_n(s·b) = s^n κ_n(b).
        double spread = 0;
        for (int k = 0; k < p.length; k++) if (p[k] > 0) spread = Math.max(spread, Math.abs(direction[k] - mean));
        double scale = spread == 0 ? 1 : spread;
        double[] moments = new double[degree + 1];
        for (int k = 0; k < p.length; k++) {
            if (p[k] == 0) continue;
            double b = (direction[k] - mean) / scale;
            double power = 1;
            for (int j = 0; j <= degree; j++) {
                moments[j] += p[k] * power;
                power *= b;
            }
        }
        double[] cumulants = new double[degree + 1];
        for (int n = 2; n <= degree; n++) {
            double c = moments[n];
            double binomial = 1; // C(n-1, m-1), m = 1
            for (int m = 1; m < n; m++) {
                c -= binomial * cumulants[m] * moments[n - m];
                binomial = binomial * (n - m) / m;
            }
            cumulants[n] = c;
        }
        double[] out = new double[degree + 1];
        out[0] = logSumExp(logits) - logits[target];
        out[1] = mean - direction[target];
        double factorial = 1;
        double scalePower = scale;
        for (int n = 2; n <= degree; n++) {
            factorial *= n;
            scalePower *= scale;
            out[n] = cumulants[n] * scalePower / factorial;
        }
        return out;
    }

    private static double logSumExp(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) m = Math.max(m, v);
        double s = 0;
        for (double v : z) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    private static double[] softmax(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) m = Math.max(m, v);
        double[] p = new double[z.length];
        double s = 0;
        for (int k = 0; k < z.length; k++) s += p[k] = Math.exp(z[k] - m);
        for (int k = 0; k < z.length; k++) p[k] /= s;
        return p;
    }
}
