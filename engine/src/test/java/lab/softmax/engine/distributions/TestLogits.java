package lab.softmax.engine.distributions;

import java.util.Random;

/** Seeded logit vectors of the awkward shapes the tests sweep. */
final class TestLogits {
    static final int[] SIZES = {1, 2, 3, 7, 16, 17, 1000, 4097};

    private TestLogits() { }

    static double[] gaussian(int n, double sigma, long seed) {
        Random r = new Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = sigma * r.nextGaussian();
        return z;
    }

    /** Gaussian logits with a large positive and a large negative outlier. */
    static double[] outliers(int n, long seed) {
        double[] z = gaussian(n, 1.5, seed);
        z[n / 2] = 25.0;
        if (n > 1) z[n - 1] = -60.0;
        return z;
    }

    /** Entries of +-1e4 among small ones: every absorbed, underflowed and exactly-zero path at once. */
    static double[] extreme(int n, long seed) {
        double[] z = gaussian(n, 1.0, seed);
        for (int i = 0; i < n; i += 3) z[i] = (i / 3) % 2 == 0 ? 1e4 : -1e4;
        if (n > 5) z[5] = 1e4 - 0.75;
        return z;
    }

    /** Every third entry masked with -Infinity (entry 1 always stays). */
    static double[] masked(int n, long seed) {
        double[] z = gaussian(n, 2.0, seed);
        for (int i = 0; i < n; i += 3) {
            if (i != 1 && n > 1) z[i] = Double.NEGATIVE_INFINITY;
        }
        return z;
    }

    static double maxAbsFinite(double[] z) {
        double m = 0;
        for (double v : z) {
            if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
