package lab.softmax.engine.attention;

import lab.softmax.engine.numeric.SplitMix64;

/**
 * One needle example: n keys (row-major [n][d]), n values ([n][d_v]), the query and the target
 * position. Arrays are the example's own; read-only.
 */
public record NeedleExample(int n, double[] keys, double[] values, double[] query, int target) {

    /** The target value y = v_t. */
    public double[] targetValue(int valueDim) {
        double[] y = new double[valueDim];
        System.arraycopy(values, target * valueDim, y, 0, valueDim);
        return y;
    }

    /** Draws an example of length n from the task's distribution (see {@link NeedleConfig}). */
    public static NeedleExample draw(Gaussians g, int n, NeedleConfig c) {
        int d = c.keyDim();
        int dv = c.valueDim();
        double[] keys = new double[n * d];
        for (int i = 0; i < n; i++) {
            double norm2 = 0;
            for (int a = 0; a < d; a++) {
                double x = g.next();
                keys[i * d + a] = x;
                norm2 += x * x;
            }
            if (c.normaliseKeys()) {
                double inv = 1 / Math.sqrt(norm2);
                for (int a = 0; a < d; a++) keys[i * d + a] *= inv;
            }
        }
        double[] values = new double[n * dv];
        for (int i = 0; i < values.length; i++) values[i] = g.next();
        int t = g.rng().nextInt(n);
        double[] q = new double[d];
        double noise = c.queryNoise() / Math.sqrt(d);
        for (int a = 0; a < d; a++) q[a] = keys[t * d + a] + noise * g.next();
        return new NeedleExample(n, keys, values, q, t);
    }

    /** Standard normals from a {@link SplitMix64} by Box–Muller, both values of each pair used. */
    public static final class Gaussians {
        private final SplitMix64 rng;
        private double spare;
        private boolean hasSpare;

        public Gaussians(SplitMix64 rng) { this.rng = rng; }

        SplitMix64 rng() { return rng; }

        public double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = rng.nextDouble();
            double u2 = rng.nextDouble();
            double radius = Math.sqrt(-2.0 * Math.log1p(-u1));
            double angle = 2.0 * Math.PI * u2;
            spare = radius * Math.sin(angle);
            hasSpare = true;
            return radius * Math.cos(angle);
        }
    }
}
