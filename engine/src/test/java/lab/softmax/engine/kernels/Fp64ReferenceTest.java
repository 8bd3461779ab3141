package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.distributions.BigReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The oracle of every kernel accuracy test, {@link Fp64Reference}, checked against the 45-digit
 * BigDecimal reference of the Distributions tests (which shares no code with the engine) on every
 * input family the kernels are checked on, at awkward sizes.
 */
class Fp64ReferenceTest {
    private static final double U64 = 0x1p-53;
    private static final double U32 = 0x1p-24;
    private static final int[] SIZES = {1, 2, 3, 17, 1000, 4097};

    private static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    /**
     * One logit 0 and 2^20 - 1 logits -40: each e^-40 = 4.2e-18 is below half an ulp of the running sum
     * 1, so a plain double sum stays exactly 1; the closed form is ln(1 + (n - 1) e^-40) = 4.4e-12.
     */
    @Test
    void aLongTailBelowHalfAnUlpOfTheSumIsNotLost() {
        int n = 1 << 20;
        float[] x = new float[n];
        java.util.Arrays.fill(x, -40f);
        x[12_345] = 0f;
        double exact = Math.log1p((n - 1) * Math.exp(-40));
        // ln of a double near 1 is good to ~1e-16 absolute; the lost tail would be 4.4e-12
        assertEquals(exact, Fp64Reference.logSumExp(x, 0, n), 1e-15);
    }

    @ParameterizedTest
    @EnumSource(KernelInputs.class)
    void matchesTheBigDecimalReference(KernelInputs inputs) {
        for (int n : SIZES) {
            float[] x = inputs.make(n, 11);
            double[] z = widen(x);
            double[] exact = BigReference.softmax(z, 1.0);
            String at = inputs + " n=" + n;

            // log-sum-exp: max + log of a compensated sum, so a few ulps of its size
            double lse = BigReference.logSumExp(z, 1.0);
            assertEquals(lse, Fp64Reference.logSumExp(x, 0, n), 4 * U64 * Math.max(1, Math.abs(lse)), "log-sum-exp " + at);

            // the double softmax: exp(x - max) loses u|x - max| relative, the n-term sum n u, the division u
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) max = Math.max(max, v);
            double[] p = Fp64Reference.softmax(z);
            for (int i = 0; i < n; i++) {
                double gap = z[i] == Double.NEGATIVE_INFINITY ? 0 : Math.min(800, max - z[i]);
                double tol = 2 * U64 * (gap + n + 4) * exact[i] + Double.MIN_VALUE;
                assertEquals(exact[i], p[i], tol, "softmax " + at + " [" + i + "] x=" + x[i]);
            }

            // the read-out: the exact probabilities rounded to float are off by at most half an ulp (2^-24
            // relative; subnormal outputs are below RELATIVE_FLOOR and not counted), so it must say so.
            float[] rounded = new float[n];
            int top = 0;
            for (int i = 0; i < n; i++) {
                rounded[i] = (float) exact[i];
                if (exact[i] > exact[top]) top = i;
            }
            double readOut = Fp64Reference.maxRelativeError(x, rounded, 0, n);
            assertTrue(readOut <= U32 * (1 + 1e-6), "correctly rounded output read as " + readOut + " at " + at);
            // and a top entry 1e-4 too large must read as 1e-4 (the oracle's own error is ~1e-16)
            float[] wrong = rounded.clone();
            wrong[top] = (float) (exact[top] * (1 + 1e-4));
            double wrongErr = Math.abs(wrong[top] - exact[top]) / exact[top];
            assertEquals(Math.max(wrongErr, readOut), Fp64Reference.maxRelativeError(x, wrong, 0, n), 1e-12,
                    "a 1e-4 error at the top entry, " + at);
        }
    }
}
