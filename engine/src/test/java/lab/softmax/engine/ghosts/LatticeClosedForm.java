package lab.softmax.engine.ghosts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.softmax.engine.numeric.Complex;

/**
 * Slopes on a lattice, a_k = a_0 + n_k h with integers n_k: F = e^{a_0 t} P(e^{ht}) with
 * P(s) = Σ_k e^{z_k} s^{n_k}, so the zeros are t = (Log s_j + 2πim)/h over the roots s_j of P.
 * Independent of the box search, which makes it the oracle the zero finder is tested against
 * (two-level sums are the degree-1 case).
 */
public final class LatticeClosedForm {
    private final double spacing;
    private final Complex[] roots;
    private final ExponentialSum f;

    private LatticeClosedForm(double spacing, Complex[] roots, ExponentialSum f) {
        this.spacing = spacing;
        this.roots = roots;
        this.f = f;
    }

    /**
     * The lattice form when the slopes lie on a lattice of at most maxDegree + 1 levels (and the end
     * log-weights span at most 100: a polynomial oracle for moderate logit spreads only).
     */
    public static Optional<LatticeClosedForm> detect(double[] logits, double[] direction, int maxDegree) {
        ExponentialSum f = ExponentialSum.of(logits, direction);
        if (f.termCount() < 2) return Optional.empty();
        double[] b = f.slopes();
        double[] w = f.logWeights();
        double lowest = java.util.Arrays.stream(w).min().orElse(0);
        // Aberth–Ehrlich loses roots when the coefficients span more than ~e^100 (weights are shifted to max 0).
        if (lowest < -100) return Optional.empty();
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 1; k < b.length; k++) smallest = Math.min(smallest, b[k] - b[k - 1]);
        for (int divisor = 1; divisor <= 12; divisor++) {
            double h = smallest / divisor;
            int degree = (int) Math.round((b[b.length - 1] - b[0]) / h);
            if (degree > maxDegree) break;
            int[] level = levels(b, h);
            if (level == null) continue;
            h = (b[b.length - 1] - b[0]) / level[level.length - 1];
            Complex[] c = new Complex[level[level.length - 1] + 1];
            java.util.Arrays.fill(c, Complex.ZERO);
            for (int k = 0; k < b.length; k++) c[level[k]] = c[level[k]].plus(new Complex(Math.exp(w[k]), 0));
            return Optional.of(new LatticeClosedForm(h, PolynomialRoots.roots(c), f));
        }
        return Optional.empty();
    }

    private static int[] levels(double[] b, double h) {
        int[] level = new int[b.length];
        for (int k = 0; k < b.length; k++) {
            double n = (b[k] - b[0]) / h;
            level[k] = (int) Math.round(n);
            if (Math.abs(n - level[k]) > 1e-9 * Math.max(1, n)) return null;
        }
        return level;
    }

    public double spacing() { return spacing; }

    /** Upper-half-plane zeros with |t| ≤ radius·(1 + 1e-9), sorted by |t| then Re t. */
    public List<Zero> zerosWithin(double radius) {
        List<Zero> out = new ArrayList<>();
        double limit = radius * (1 + 1e-9);
        for (Complex s : roots) {
            double re = Math.log(s.abs()) / spacing;
            double theta = s.arg();
            for (int m = theta > 0 ? 0 : 1; ; m++) {
                double im = (theta + 2 * Math.PI * m) / spacing;
                if (!(Math.hypot(re, im) <= limit)) break;
                out.add(new Zero(re, im, 1, f.evaluate(re, im).relativeModulus()));
            }
        }
        out.sort(Comparator.comparingDouble(Zero::abs).thenComparingDouble(Zero::re));
        return out;
    }

    /** The nearest upper-half-plane zero. */
    public Zero nearest() {
        Zero best = null;
        for (Complex s : roots) {
            double re = Math.log(s.abs()) / spacing;
            double theta = s.arg();
            double im = (theta > 0 ? theta : theta + 2 * Math.PI) / spacing;
            Zero z = new Zero(re, im, 1, f.evaluate(re, im).relativeModulus());
            if (best == null || z.abs() < best.abs()) best = z;
        }
        return best;
    }
}
