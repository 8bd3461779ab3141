package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepTraceTest {
    @Test
    void everyAlgorithmEndsWithTheFloat64SoftmaxAndTheRightNumberOfSteps() {
        double[] x = KernelsState.defaults().stepLogits();
        double[] ref = Fp64Reference.softmax(x);
        for (Algorithm a : Algorithm.values()) {
            List<StepTrace.Step> steps = StepTrace.trace(a, x);
            assertEquals(a.passes() * x.length, steps.size(), a.id());
            double[] y = steps.get(steps.size() - 1).output();
            for (int i = 0; i < x.length; i++) {
                double tol = 1e-6 * ref[i] + 1e-12;
                assertEquals(ref[i], y[i], tol, a.id() + " y[" + i + "]");
            }
            assertEquals(a.passes(), steps.get(steps.size() - 1).pass());
            assertTrue(steps.stream().filter(s -> s.pass() == 1).allMatch(s -> Double.isNaN(s.written())) || a == Algorithm.THREE_PASS_RELOAD);
        }
    }

    @Test
    void twoPassStateStaysFiniteForHugeLogits() {
        double[] x = {1e30, -1e30, 5e29, Double.NEGATIVE_INFINITY, 1e30};
        List<StepTrace.Step> steps = StepTrace.trace(Algorithm.TWO_PASS, x);
        double[] y = steps.get(steps.size() - 1).output();
        assertEquals(0.5, y[0], 1e-7);
        assertEquals(0.5, y[4], 1e-7);
        assertEquals(0.0, y[1]);
        assertEquals(0.0, y[3]);
        assertTrue(steps.stream().noneMatch(s -> s.state().contains("NaN") || s.state().contains("Infinity")));
    }
}
