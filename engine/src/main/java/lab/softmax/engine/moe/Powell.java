package lab.softmax.engine.moe;

import java.util.function.ToDoubleFunction;
import lab.softmax.engine.task.Cancellation;

/**
 * Powell's conjugate-direction method (Powell 1964) with Brent's line minimisation (Brent 1973): derivative-free, so
 * it minimises objectives that jump, such as a top-K likelihood whose active sets change with the parameters.
 * Deterministic. Written for this package.
 */
final class Powell {
    private static final double GOLD = 0.3819660112501051;
    private static final double GROW = 1.618033988749895;

    /** Result: the minimiser, its value and the number of evaluations. */
    record Result(double[] x, double value, int evaluations, int iterations) { }

    private final ToDoubleFunction<double[]> f;
    private final int dim;
    private final Cancellation cancel;
    private int evaluations;

    Powell(ToDoubleFunction<double[]> f, int dim, Cancellation cancel) {
        this.f = f;
        this.dim = dim;
        this.cancel = cancel;
    }

    /**
     * Minimises from x0 along the coordinate directions scaled by step, for at most maxIter sweeps; stops when a sweep
     * lowers the value by less than ftol (absolute). xtol is the line search's tolerance on the step
     * length t, relative to max(|t|, 1) (directions are scaled so that t = 1 is a sensible first step).
     */
    Result minimise(double[] x0, double[] step, int maxIter, double xtol, double ftol) {
        double[] x = x0.clone();
        double[][] dirs = new double[dim][dim];
        for (int i = 0; i < dim; i++) dirs[i][i] = step[i];
        double fx = eval(x);
        int it = 0;
        double[] xStart = new double[dim];
        double[] u = new double[dim];
        double[] xe = new double[dim];
        while (it < maxIter) {
            it++;
            cancel.throwIfCancelled();
            System.arraycopy(x, 0, xStart, 0, dim);
            double fStart = fx;
            int biggest = -1;
            double biggestDrop = 0;
            for (int i = 0; i < dim; i++) {
                double before = fx;
                fx = lineMin(x, dirs[i], fx, xtol);
                if (before - fx > biggestDrop) {
                    biggestDrop = before - fx;
                    biggest = i;
                }
            }
            if (fStart - fx <= ftol) break;
            for (int j = 0; j < dim; j++) {
                u[j] = x[j] - xStart[j];
                xe[j] = x[j] + u[j];
            }
            double fe = eval(xe);
            if (fe < fStart && biggest >= 0) {
                double a = fStart - fx - biggestDrop;
                double b = fStart - fe;
                double t = 2 * (fStart - 2 * fx + fe) * a * a - biggestDrop * b * b;
                if (t < 0) {
                    double[] nd = u.clone();
                    fx = lineMin(x, nd, fx, xtol);
                    dirs[biggest] = dirs[dim - 1];
                    dirs[dim - 1] = nd;
                }
            }
        }
        return new Result(x, fx, evaluations, it);
    }

    private double eval(double[] x) {
        evaluations++;
        double v = f.applyAsDouble(x);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    private double along(double[] x, double[] dir, double t, double[] tmp) {
        for (int j = 0; j < dim; j++) tmp[j] = x[j] + t * dir[j];
        return eval(tmp);
    }

    /** Minimises along x + t·dir, moves x there and returns the value (never above fx). */
    private double lineMin(double[] x, double[] dir, double fx, double xtol) {
        double[] tmp = new double[dim];
        // Bracket: a < b < c (or reversed) with f(b) below both ends.
        double a = 0;
        double fa = fx;
        double b = 1;
        double fb = along(x, dir, b, tmp);
        if (fb > fa) {
            double t = a; a = b; b = t;
            t = fa; fa = fb; fb = t;
        }
        double c = b + GROW * (b - a);
        double fc = along(x, dir, c, tmp);
        int guard = 0;
        while (fc < fb && guard++ < 60) {
            a = b; fa = fb;
            b = c; fb = fc;
            c = b + GROW * (b - a);
            fc = along(x, dir, c, tmp);
        }
        if (!(fb <= fa && fb <= fc)) {
            // No bracket (unbounded descent or NaN): keep the best point seen.
            double best = fx;
            double tb = 0;
            if (fb < best) { best = fb; tb = b; }
            if (fc < best) { best = fc; tb = c; }
            if (tb != 0) for (int j = 0; j < dim; j++) x[j] += tb * dir[j];
            return best;
        }
        // Brent's minimisation on [lo, hi] from the bracket.
        double lo = Math.min(a, c);
        double hi = Math.max(a, c);
        double xb = b, wb = b, vb = b;
        double fxb = fb, fw = fb, fv = fb;
        double d = 0, e = 0;
        for (int iter = 0; iter < 100; iter++) {
            double mid = 0.5 * (lo + hi);
            double tol1 = xtol * (Math.abs(xb) + 1);
            double tol2 = 2 * tol1;
            if (Math.abs(xb - mid) <= tol2 - 0.5 * (hi - lo)) break;
            boolean golden = true;
            if (Math.abs(e) > tol1) {
                double r = (xb - wb) * (fxb - fv);
                double q = (xb - vb) * (fxb - fw);
                double p = (xb - vb) * q - (xb - wb) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p;
                q = Math.abs(q);
                double eOld = e;
                e = d;
                if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (lo - xb) && p < q * (hi - xb)) {
                    d = p / q;
                    double u = xb + d;
                    if (u - lo < tol2 || hi - u < tol2) d = mid >= xb ? tol1 : -tol1;
                    golden = false;
                }
            }
            if (golden) {
                e = (xb >= mid ? lo : hi) - xb;
                d = GOLD * e;
            }
            double u = Math.abs(d) >= tol1 ? xb + d : xb + (d > 0 ? tol1 : -tol1);
            double fu = along(x, dir, u, tmp);
            if (fu <= fxb) {
                if (u >= xb) lo = xb; else hi = xb;
                vb = wb; fv = fw;
                wb = xb; fw = fxb;
                xb = u; fxb = fu;
            } else {
                if (u < xb) lo = u; else hi = u;
                if (fu <= fw || wb == xb) {
                    vb = wb; fv = fw;
                    wb = u; fw = fu;
                } else if (fu <= fv || vb == xb || vb == wb) {
                    vb = u; fv = fu;
                }
            }
        }
        if (fxb < fx) {
            for (int j = 0; j < dim; j++) x[j] += xb * dir[j];
            return fxb;
        }
        return fx;
    }
}
