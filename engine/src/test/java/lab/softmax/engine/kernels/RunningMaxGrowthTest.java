package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows whose maximum keeps growing from block to block: the online and two-pass vector kernels take the exps of a
 * block relative to the running max (or exponent) and only look at a block's own max when it grew (by a little: one
 * rescale after the block; by more than 2^64: the block is redone). Ramps with several slopes hit both paths, and a
 * late spike after a long flat row hits the redo path once. Checked against the fp64 reference.
 */
class RunningMaxGrowthTest {
    private static final int N = 65537 + 40;   // many blocks plus a vector tail and a scalar tail

    @ParameterizedTest(name = "slope {0}")
    @ValueSource(doubles = {1e-4, 0.01, 0.1, 0.5, 3.0, -0.5})
    void ramps(double slope) {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) x[i] = (float) (slope * i + Math.sin(i * 0.37));
        checkAll(x, "ramp slope " + slope);
    }

    @ParameterizedTest(name = "spike {0}")
    @ValueSource(floats = {30f, 60f, 300f, 3e4f, 1e6f})
    void lateSpike(float spike) {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) x[i] = (float) Math.sin(i * 0.11);
        x[N / 2 + 5] = spike;
        x[N - 100] = spike - 1f;
        checkAll(x, "spike " + spike);
    }

    private static void checkAll(float[] x, String label) {
        for (SoftmaxKernel k : Kernels.all()) {
            float[] y = new float[x.length];
            double lse = k.softmax(x, y);
            double err = Fp64Reference.maxRelativeError(x, y, 0, x.length);
            assertTrue(err <= KernelAccuracyTest.tolerance(x.length), () -> label + " " + k.algorithm() + "/" + k.impl()
                    + ": max relative error " + err);
            double ref = Fp64Reference.logSumExp(x, 0, x.length);
            assertEquals(ref, lse, 1e-6 * Math.max(1, Math.abs(ref)), label + " " + k.algorithm() + "/" + k.impl());
        }
    }
}
