package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The zero-allocation row API ({@link RowSoftmax}): one instance per kernel runs rows of awkward sizes, one
 * after another at offsets inside one array and in place, on every input family, so that state the scratch
 * carries from one row (shift, lanes, sums) would show in the next. Checked against the float64 reference.
 */
class RowSoftmaxTest {
    static final int[] SIZES = {1, 3, 17, 255, 4097, 65537};

    static List<Arguments> kernels() {
        List<Arguments> list = new ArrayList<>();
        for (SoftmaxKernel k : Kernels.all()) list.add(Arguments.of(k.algorithm(), k.impl()));
        return list;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kernels")
    void reusedRowObjectMatchesFloat64ReferenceOnEveryRow(Algorithm algorithm, Impl impl) {
        RowSoftmax rows = RowSoftmax.of(algorithm, impl);
        assertEquals(impl, rows.impl(), "the Vector API is on in tests: no silent fallback");
        int offset = 5; // rows start mid-array, not on a vector boundary
        for (KernelInputs inputs : KernelInputs.values()) {
            for (int n : SIZES) {
                float[] row = inputs.make(n, 11);
                float[] x = new float[offset + n + 3];
                System.arraycopy(row, 0, x, offset, n);
                float[] y = new float[x.length];
                double lse = rows.softmax(x, y, offset, offset + n);
                String what = algorithm + "/" + impl + " " + inputs + " n=" + n;
                assertMatchesReference(row, y, offset, lse, what);
                assertEquals(0f, y[offset - 1], what + ": wrote before the row");
                assertEquals(0f, y[offset + n], what + ": wrote after the row");

                double inPlaceLse = rows.softmax(x, x, offset, offset + n);
                assertMatchesReference(row, x, offset, inPlaceLse, what + " in place");
            }
        }
    }

    private static void assertMatchesReference(float[] row, float[] y, int offset, double lse, String what) {
        int n = row.length;
        float[] out = java.util.Arrays.copyOfRange(y, offset, offset + n);
        double err = Fp64Reference.maxRelativeError(row, out, 0, n);
        double tolerance = KernelAccuracyTest.tolerance(n);
        assertTrue(err <= tolerance, () -> what + ": max relative error " + err + " > " + tolerance);
        double refLse = Fp64Reference.logSumExp(row, 0, n);
        assertEquals(refLse, lse, 1e-6 * Math.max(1, Math.abs(refLse)), what + ": log-sum-exp");
    }
}
