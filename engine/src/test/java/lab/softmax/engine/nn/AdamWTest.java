package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void twoStepsMatchTheHandComputedUpdate() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.99;
        double eps = 1e-8;
        double wd = 0.1;
        Parameter p = new Parameter("p", 1, 2);
        p.value()[0] = 1.0;
        p.value()[1] = -2.0;
        AdamW adam = new AdamW(lr, b1, b2, eps, wd, Precision.FP64);
        double[][] grads = {{0.5, -0.1}, {-0.3, 0.2}};
        // by hand: decoupled decay, then Adam with bias correction
        double[] x = {1.0, -2.0};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 2; t++) {
            for (int i = 0; i < 2; i++) {
                double g = grads[t - 1][i];
                x[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                x[i] -= lr * mHat / denom;
            }
            p.grad()[0] = grads[t - 1][0];
            p.grad()[1] = grads[t - 1][1];
            adam.step(List.of(p));
            assertEquals(x[0], p.value()[0], 1e-15, "step " + t);
            assertEquals(x[1], p.value()[1], 1e-15, "step " + t);
        }
        // first step of Adam moves each coordinate by about lr against the gradient's sign
        assertEquals(2, adam.steps());
    }

    @Test
    void tinyEpsilonTurnsTinyGradientsIntoFullSizeSteps() {
        Parameter p = new Parameter("p", 1, 1);
        p.value()[0] = 1.0f;
        p.grad()[0] = 1e-13;
        new AdamW(0.01, 0.9, 0.99, 1e-25, 0, Precision.FP32).step(List.of(p));
        // m/(1-b1) = g, sqrt(v/(1-b2)) = g: the step is lr, independent of the gradient's size
        assertEquals((float) (1.0 - 0.01), p.value()[0], 1e-7);
        Parameter q = new Parameter("q", 1, 1);
        q.value()[0] = 1.0f;
        q.grad()[0] = 1e-13;
        new AdamW(0.01, 0.9, 0.999, 1e-8, 0, Precision.FP32).step(List.of(q));
        assertEquals(1.0, q.value()[0], 1e-6, "eps 1e-8 swamps a 1e-13 gradient");
    }

    @Test
    void float32ParametersStayFloat32() {
        Parameter p = new Parameter("p", 1, 3);
        p.value()[0] = 0.1f;
        p.grad()[0] = 0.3;
        p.grad()[1] = -1e-3;
        AdamW adam = new AdamW(1e-3, 0.9, 0.999, 1e-8, 0.01, Precision.FP32);
        for (int i = 0; i < 5; i++) adam.step(List.of(p));
        for (double x : p.value()) assertEquals((float) x, x, 0);
    }

    @Test
    void aLargeTensorSplitBetweenThreadsGetsTheSingleThreadedUpdate() {
        // 3 x 5000 elements: above the size at which AdamW splits a tensor between threads
        Parameter one = new Parameter("w", 3, 5000);
        Parameter three = new Parameter("w", 3, 5000);
        java.util.Random rnd = new java.util.Random(9);
        for (int i = 0; i < one.size(); i++) one.value()[i] = three.value()[i] = (float) rnd.nextGaussian();
        double[] before = one.value().clone();
        AdamW serial = new AdamW(1e-3, 0.9, 0.99, 1e-25, 0.01, Precision.FP32, Workers.of(1));
        try (Workers team = Workers.of(3).open()) {
            AdamW split = new AdamW(1e-3, 0.9, 0.99, 1e-25, 0.01, Precision.FP32, team);
            for (int step = 0; step < 3; step++) {
                // a constant gradient: each Adam step is lr (plus a little weight decay)
                for (int i = 0; i < one.size(); i++) one.grad()[i] = three.grad()[i] = i % 2 == 0 ? 1e-4 : -1e-4;
                serial.step(List.of(one));
                split.step(List.of(three));
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.value(), three.value());
        // every element was updated (no range skipped by the split): each moved by 3 lr, give or take the decay
        for (int i = 0; i < one.size(); i++) {
            assertEquals(3e-3, Math.abs(one.value()[i] - before[i]), 2e-4, "element " + i);
        }
    }

    @Test
    void sgdMomentumMatchesTorchsRecurrence() {
        Parameter p = new Parameter("p", 1, 1);
        p.value()[0] = 1;
        SgdMomentum sgd = new SgdMomentum(0.5, 0.8, 0, Precision.FP64);
        p.grad()[0] = 1;
        sgd.step(List.of(p));            // buf = 1, x = 0.5
        assertEquals(0.5, p.value()[0], 1e-15);
        p.grad()[0] = 2;
        sgd.step(List.of(p));            // buf = 0.8 + 2 = 2.8, x = 0.5 - 1.4
        assertEquals(-0.9, p.value()[0], 1e-15);
    }

    @Test
    void float32UpdateGivesTheBitsOfTheFormulaRoundedAfterEveryOperation() {
        java.util.Random rnd = new java.util.Random(17);
        for (double beta1 : new double[] {0.9, 0.3}) {          // lerp's two branches: 1 - beta1 below and above 0.5
            for (double wd : new double[] {0, 0.01}) {
                for (int size : new int[] {1, 3, 4, 5, 8, 37, 5003}) {
                    Parameter p = new Parameter("p", 1, size);
                    double[] x = new double[size];
                    double[] m = new double[size];
                    double[] v = new double[size];
                    for (int i = 0; i < size; i++) p.value()[i] = x[i] = (float) rnd.nextGaussian();
                    AdamW adam = new AdamW(1e-3, beta1, 0.99, 1e-25, wd, Precision.FP32);
                    for (int t = 1; t <= 3; t++) {
                        for (int i = 0; i < size; i++) {
                            p.grad()[i] = (float) (rnd.nextGaussian() * Math.pow(10, -rnd.nextInt(12)));
                            // signed zeros, subnormals, squares that overflow, non-finite values
                            if (i % 7 == 3) p.grad()[i] = SPECIAL_GRADIENTS[(i / 7 + t) % SPECIAL_GRADIENTS.length];
                        }
                        adam.step(List.of(p));
                        referenceStep(x, m, v, p.grad(), t, 1e-3, beta1, 0.99, 1e-25, wd);
                        for (int i = 0; i < size; i++) {
                            assertEquals(x[i], p.value()[i], 0, "beta1 " + beta1 + " wd " + wd + " size " + size + " step " + t + " element " + i);
                        }
                    }
                }
            }
        }
    }

    private static final float[] SPECIAL_GRADIENTS = {0f, -0f, Float.MIN_VALUE, -1e-40f, 3e-38f, 1e20f, -3e38f,
            Float.POSITIVE_INFINITY, Float.NaN};

    /** torch.optim.AdamW's single-tensor update, every tensor operation rounded to float, scalars in double. */
    private static void referenceStep(double[] x, double[] m, double[] v, double[] g, int t, double lr, double beta1,
                                      double beta2, double eps, double wd) {
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        double stepSize = lr / (1 - Math.pow(beta1, t));
        float w1 = (float) (1 - beta1);
        for (int i = 0; i < x.length; i++) {
            float xi = (float) x[i];
            if (wd != 0) xi = (float) (xi * (double) (float) (1 - lr * wd));
            float diff = (float) (g[i] - m[i]);
            float mi = w1 < 0.5 ? (float) (m[i] + (float) (w1 * diff)) : (float) (g[i] - (float) (diff * (double) (float) (1 - w1)));
            float gg = (float) (g[i] * g[i]);
            float vi = (float) ((float) (v[i] * (double) (float) beta2) + (float) ((double) (float) (1 - beta2) * gg));
            float denom = (float) ((float) ((float) Math.sqrt(vi) / bc2Sqrt) + (double) (float) eps);
            x[i] = (float) (xi - (float) (stepSize * (float) (mi / (double) denom)));
            m[i] = mi;
            v[i] = vi;
        }
    }
}
