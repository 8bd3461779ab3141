package lab.softmax.engine.kernels;

import lab.softmax.engine.numeric.SplitMix64;

/** Seeded inputs for the kernels' benchmark and tests: normal(0, 1) logits with a few outliers ×20. */
public final class BenchInputs {
    private BenchInputs() { }

    public static float[] normalWithOutliers(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rng.nextGaussian();
        for (int k = 0; k < Math.min(3, n); k++) {
            int i = rng.nextInt(n);
            x[i] *= 20;
        }
        return x;
    }
}
