package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

class OrthoGradTest {

    private static Parameter random(String name, int rows, int cols, Random rnd, double gradBias) {
        Parameter p = new Parameter(name, rows, cols);
        for (int i = 0; i < p.size(); i++) {
            p.value()[i] = (float) rnd.nextGaussian();
            // a gradient with a strong component along the weights, as after overfitting (NLM)
            p.grad()[i] = (float) (rnd.nextGaussian() * 0.1 - gradBias * p.value()[i]);
        }
        return p;
    }

    @Test
    void eachMatrixGetsAGradientOrthogonalToItselfWithTheOriginalNorm() {
        Random rnd = new Random(3);
        List<Parameter> ps = List.of(random("w1", 20, 30, rnd, 1.0), random("w2", 10, 20, rnd, 0.2), random("w3", 7, 10, rnd, 5));
        double[] norms = ps.stream().mapToDouble(p -> Math.sqrt(Parameter.dot(p.grad(), p.grad()))).toArray();
        OrthoGrad.project(ps, Precision.FP32);
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            double gNorm = Math.sqrt(Parameter.dot(p.grad(), p.grad()));
            double wNorm = Math.sqrt(Parameter.dot(p.value(), p.value()));
            assertEquals(norms[i], gNorm, 1e-5 * norms[i], p.name() + " norm kept");
            assertTrue(Math.abs(Parameter.dot(p.grad(), p.value())) < 1e-5 * gNorm * wNorm, p.name() + " orthogonal");
        }
    }

    @Test
    void projectionIsPerTensorNotGlobal() {
        // w = (1, 0 | 0, 1) in two tensors, g = (1, 1 | 1, 1): per tensor the projection removes the
        // weight direction in each, leaving (0, 1) and (1, 0) rescaled to norm sqrt 2.
        Parameter a = new Parameter("a", 1, 2);
        Parameter b = new Parameter("b", 1, 2);
        a.value()[0] = 1;
        b.value()[1] = 1;
        java.util.Arrays.fill(a.grad(), 1);
        java.util.Arrays.fill(b.grad(), 1);
        OrthoGrad.project(List.of(a, b), Precision.FP64);
        assertEquals(0, a.grad()[0], 1e-15);
        assertEquals(Math.sqrt(2), a.grad()[1], 1e-15);
        assertEquals(Math.sqrt(2), b.grad()[0], 1e-15);
        assertEquals(0, b.grad()[1], 1e-15);
    }

    @Test
    void zeroWeightsLeaveTheGradientAlone() {
        Parameter p = new Parameter("p", 1, 3);
        p.grad()[0] = 0.5;
        p.grad()[2] = -2;
        OrthoGrad.project(p, Precision.FP64);
        assertEquals(0.5, p.grad()[0], 1e-15);
        assertEquals(-2, p.grad()[2], 1e-15);
    }
}
