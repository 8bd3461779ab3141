package lab.softmax.engine.numeric;

/**
 * The error function and the standard normal CDF in double precision, for the exact GELU x·Φ(x) that torch
 * uses by default: erf to a few ulp; erfc to a few ulp beyond 2 and as 1 − erf (absolute error ~2e-16)
 * within; Φ likewise. Java has no erf: |x| ≤ 2 sums the series
 * erf x = (2/√π) e^{−x²} Σ_n 2ⁿ x^{2n+1} / (1·3·…·(2n+1)), whose terms are all positive (no cancellation);
 * beyond, erfc x = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))) as a continued fraction (modified
 * Lentz), which keeps the tiny tail of erfc accurate to full relative precision.
 */
public final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SERIES_LIMIT = 2;

    private Erf() { }

    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax <= SERIES_LIMIT) return series(x);
        return Math.copySign(1 - tail(ax), x);
    }

    /** 1 − erf x, accurate in relative terms also where it underflows towards 0 (large positive x). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x > SERIES_LIMIT) return tail(x);
        if (x < -SERIES_LIMIT) return 2 - tail(-x);
        return 1 - series(x);
    }

    /** Φ(x) = ½ erfc(−x/√2), the standard normal CDF. */
    public static double normalCdf(double x) { return 0.5 * erfc(-x * SQRT_HALF); }

    /** φ(x) = e^{−x²/2}/√(2π), the standard normal density. */
    public static double normalPdf(double x) { return Math.exp(-0.5 * x * x) * (ONE_OVER_SQRT_PI * SQRT_HALF); }

    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
        }
        return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
    }

    /** erfc x for x > 2 (at most ~60 terms) by the continued fraction x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …))). */
    private static double tail(double x) {
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n * 0.5;
            d = x + a * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = x + a / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return expMinusSquare(x) * ONE_OVER_SQRT_PI / f;
    }

    /** e^{−x²} without the rounding of x² (relative error x²·2^-53 otherwise): x² = s + e exactly, e^{−e} ≈ 1 − e. */
    private static double expMinusSquare(double x) {
        double square = x * x;
        double error = Math.fma(x, x, -square);
        return Math.exp(-square) * (1 - error);
    }
}
