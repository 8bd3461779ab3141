package lab.softmax.engine.ghosts;

import lab.softmax.engine.numeric.Complex;

/** All roots of a polynomial with complex coefficients by the Aberth–Ehrlich iteration. */
final class PolynomialRoots {
    private PolynomialRoots() { }

    /** @param coefficients c_0 … c_N (c_N ≠ 0, N ≥ 1) of Σ c_j s^j */
    static Complex[] roots(Complex[] coefficients) {
        int degree = coefficients.length - 1;
        if (degree < 1 || coefficients[degree].abs() == 0) throw new IllegalArgumentException("degree must be >= 1");
        double radius = Math.pow(coefficients[0].abs() / coefficients[degree].abs(), 1.0 / degree);
        if (!(radius > 0) || !Double.isFinite(radius)) radius = 1;
        Complex[] r = new Complex[degree];
        for (int j = 0; j < degree; j++) r[j] = Complex.polar(radius, 2 * Math.PI * j / degree + 0.4);
        for (int iteration = 0; iteration < 1000; iteration++) {
            double largest = 0;
            for (int j = 0; j < degree; j++) {
                Complex[] pd = valueAndDerivative(coefficients, r[j]);
                if (pd[0].abs() == 0) continue;
                Complex ratio = pd[0].divide(pd[1]);
                Complex sum = Complex.ZERO;
                for (int i = 0; i < degree; i++) if (i != j) sum = sum.plus(Complex.ONE.divide(r[j].minus(r[i])));
                Complex w = ratio.divide(Complex.ONE.minus(ratio.times(sum)));
                r[j] = r[j].minus(w);
                largest = Math.max(largest, w.abs() / Math.max(r[j].abs(), Double.MIN_NORMAL));
            }
            if (largest < 1e-15) break;
        }
        return r;
    }

    private static Complex[] valueAndDerivative(Complex[] c, Complex s) {
        Complex p = c[c.length - 1];
        Complex d = Complex.ZERO;
        for (int j = c.length - 2; j >= 0; j--) {
            d = d.times(s).plus(p);
            p = p.times(s).plus(c[j]);
        }
        return new Complex[] {p, d};
    }
}
