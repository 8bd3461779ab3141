package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StableMaxCrossEntropyTest {
    private final StableMaxCrossEntropy loss = new StableMaxCrossEntropy();

    @Test
    void unitValuesOfS() {
        assertEquals(1.0, StableMaxCrossEntropy.s(0), 0);
        assertEquals(2.0, StableMaxCrossEntropy.s(1), 0);
        assertEquals(0.5, StableMaxCrossEntropy.s(-1), 0);
        assertEquals(0.25, StableMaxCrossEntropy.sPrime(-1), 0);
        assertEquals(1.0, StableMaxCrossEntropy.sPrime(0), 0);
        assertEquals(1.0, StableMaxCrossEntropy.sPrime(3), 0);
    }

    @Test
    void sPrimeMatchesFiniteDifferences() {
        for (double x : new double[] {-7.5, -1, -0.3, 0.4, 2, 50}) {
            double h = 1e-6;
            double fd = (StableMaxCrossEntropy.s(x + h) - StableMaxCrossEntropy.s(x - h)) / (2 * h);
            assertEquals(fd, StableMaxCrossEntropy.sPrime(x), 1e-8 * Math.max(1, fd), "x = " + x);
        }
    }

    @Test
    void lossIsMinusLogOfTheNormalisedS() {
        double[] z = {2.0, -1.0, 0.0, 0.5};
        // s = 3, 0.5, 1, 1.5; sum 6; target 0 -> -ln(3/6) = ln 2
        assertEquals(Math.log(2), loss.evaluate(z, 4, 0, 1, null), 1e-15);
        assertEquals(Math.log(12), loss.evaluate(z, 4, 1, 1, null), 1e-15);
    }

    @Test
    void gradientMatchesFiniteDifferencesInFloat64() {
        double[] z = {3.1, -2.2, 0.7, -0.05, 1.9, -6.0};
        int n = 7;
        for (int target = 0; target < z.length; target++) {
            double[] grad = new double[z.length];
            loss.evaluate(z, z.length, target, n, grad);
            for (int k = 0; k < z.length; k++) {
                double h = 1e-6;
                double[] up = z.clone();
                double[] down = z.clone();
                up[k] += h;
                down[k] -= h;
                // mean reduction over a batch of n: the sample contributes loss / n
                double fd = (loss.evaluate(up, z.length, target, n, null) - loss.evaluate(down, z.length, target, n, null)) / (2 * h) / n;
                assertEquals(fd, grad[k], 1e-8, "target " + target + ", k " + k);
            }
        }
    }

    /**
     * z = {1e6, -1e6, 3e5}, target 0, in closed form: s = {1e6 + 1, 1/(1e6 + 1), 3e5 + 1}, S = 1300002 + 1/(1e6 + 1);
     * loss = ln(S / (1e6 + 1)); dL/dz = {1/S - 1/(1e6 + 1), (1/(1e6 + 1))^2 / S, 1/S}.
     */
    @Test
    void hugeLogitsMatchTheClosedForm() {
        double[] z = {1e6, -1e6, 3e5};
        double[] grad = new double[3];
        double l = loss.evaluate(z, 3, 0, 1, grad);
        double q = 1 / 1000001.0;
        double sum = 1300002 + q;
        assertEquals(Math.log(sum / 1000001.0), l, 1e-15 * Math.log(sum / 1000001.0));
        assertEquals(0.2623648029291153, l, 1e-14, "ln(1300002/1000001) by hand");
        assertEquals(1 / sum - q, grad[0], 1e-13 * Math.abs(1 / sum - q));
        assertEquals(q * q / sum, grad[1], 1e-13 * q * q / sum);
        assertEquals(1 / sum, grad[2], 1e-13 / sum);
        // target 2: loss = ln(S / (3e5 + 1))
        assertEquals(Math.log(sum / 300001.0), loss.evaluate(z, 3, 2, 1, null), 1e-14);
    }

    @Test
    void lossAndGradientAreTheBitsOfTheFormulaTakenOneLogitAtATime() {
        java.util.Random rnd = new java.util.Random(8);
        double[] special = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300};
        StableMaxCrossEntropy loss = new StableMaxCrossEntropy();
        for (int classes = 1; classes <= 23; classes++) {
            for (int trial = 0; trial < 100; trial++) {
                double[] z = new double[classes];
                for (int j = 0; j < classes; j++) {
                    z[j] = rnd.nextInt(6) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 2);
                }
                int target = rnd.nextInt(classes);
                // s(x) = x + 1 (x >= 0), 1/(1 - x) (x < 0), one logit at a time, sum in index order
                double sum = 0;
                for (double x : z) sum += x >= 0 ? x + 1 : 1 / (1 - x);
                double sTarget = z[target] >= 0 ? z[target] + 1 : 1 / (1 - z[target]);
                double[] expected = new double[classes];
                for (int j = 0; j < classes; j++) {
                    double sp = z[j] >= 0 ? 1 : 1 / (1 - z[j]) * (1 / (1 - z[j]));
                    expected[j] = sp / sum * (1.0 / 7);
                }
                double spTarget = z[target] >= 0 ? 1 : 1 / (1 - z[target]) * (1 / (1 - z[target]));
                expected[target] -= spTarget / sTarget * (1.0 / 7);
                double[] grad = new double[classes];
                double l = loss.evaluate(z, classes, target, 7, grad);
                String row = java.util.Arrays.toString(z);
                assertEquals(Double.doubleToLongBits(-Math.log(sTarget / sum)), Double.doubleToLongBits(l), row);
                for (int j = 0; j < classes; j++) {
                    assertEquals(Double.doubleToLongBits(expected[j]), Double.doubleToLongBits(grad[j]), row + " gradient " + j);
                }
            }
        }
    }
}
