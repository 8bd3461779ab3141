package lab.softmax.engine.kernels;

import java.util.Arrays;
import java.util.function.BiFunction;
import lab.softmax.engine.numeric.SplitMix64;

/** The input families every kernel is checked on. */
enum KernelInputs {
    OUTLIERS((n, rng) -> {
        float[] x = gaussian(n, rng);
        for (int i = 0; i < x.length; i++) if (rng.nextInt(50) == 0) x[i] *= 20;
        return x;
    }),
    SPREAD_1E4((n, rng) -> {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) ((rng.nextDouble() * 2 - 1) * 1e4);
        return x;
    }),
    MASKED((n, rng) -> {
        float[] x = gaussian(n, rng);
        for (int i = 0; i < n; i++) if (rng.nextInt(3) == 0) x[i] = Float.NEGATIVE_INFINITY;
        x[rng.nextInt(n)] = 0.5f;
        return x;
    }),
    /** Finite "mask" values as attention code writes them (−1e9, −1e30, −3e38) mixed with −∞: the vector exps clamp these. */
    FINITE_MASKS((n, rng) -> {
        float[] x = gaussian(n, rng);
        float[] masks = {-1e9f, -1e30f, -3e38f, Float.NEGATIVE_INFINITY, -0x1p48f, -1e5f};
        for (int i = 0; i < n; i++) if (rng.nextInt(3) == 0) x[i] = masks[rng.nextInt(masks.length)];
        x[rng.nextInt(n)] = 0.5f;
        return x;
    }),
    /** Logits around +250: the three-pass exps subtract the max itself (|max| ≥ 174). */
    POSITIVE_OFFSET((n, rng) -> {
        float[] x = gaussian(n, rng);
        for (int i = 0; i < n; i++) x[i] = x[i] * 5 + 250f;
        return x;
    }),
    ALL_EQUAL((n, rng) -> {
        float[] x = new float[n];
        Arrays.fill(x, -3.75f);
        return x;
    }),
    HUGE_1E30((n, rng) -> {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) ((rng.nextDouble() * 2 - 1) * 1e30);
        return x;
    }),
    NEGATIVE_OFFSET((n, rng) -> {
        float[] x = gaussian(n, rng);
        for (int i = 0; i < n; i++) x[i] = x[i] * 3 - 120.3f;
        return x;
    }),
    /** Logits around −250: the max is ≤ −174, so the exps shift by a negative r (exp(x) alone would underflow). */
    NEGATIVE_FAR((n, rng) -> {
        float[] x = gaussian(n, rng);
        for (int i = 0; i < n; i++) x[i] = x[i] * 3 - 250f;
        return x;
    });

    private final BiFunction<Integer, SplitMix64, float[]> generator;

    KernelInputs(BiFunction<Integer, SplitMix64, float[]> generator) { this.generator = generator; }

    float[] make(int n, long seed) { return generator.apply(n, new SplitMix64(seed * 31 + n)); }

    private static float[] gaussian(int n, SplitMix64 rng) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rng.nextGaussian();
        return x;
    }
}
