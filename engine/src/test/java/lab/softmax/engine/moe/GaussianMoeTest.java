package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

class GaussianMoeTest {
    /** Direct computation: explicit ranking by sorting, plain exp of the logits, density product, log at the end. */
    static double directLogLikelihood(GaussianMoe m, MoeData data) {
        int k = m.experts();
        int d = m.dimension();
        double[] x = data.x();
        double[] y = data.y();
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double[] l = new double[k];
            for (int i = 0; i < k; i++) {
                l[i] = m.beta0(i);
                for (int j = 0; j < d; j++) l[i] += m.beta1(i, j) * x[t * d + j];
            }
            int[] set = TopKGatingTest.referenceTopK(l, m.topK());
            double z = 0;
            double p = 0;
            for (int i : set) {
                double w = Math.exp(l[i]);
                double mu = m.b(i);
                for (int j = 0; j < d; j++) mu += m.a(i, j) * x[t * d + j];
                z += w;
                p += w * Math.exp(-(y[t] - mu) * (y[t] - mu) / (2 * m.nu(i))) / Math.sqrt(2 * Math.PI * m.nu(i));
            }
            sum += Math.log(p / z);
        }
        return sum;
    }

    @Test
    void logLikelihoodMatchesDirectComputationD1() {
        GaussianMoe truth = LabModel.truth();
        for (int n : new int[] {1, 3, 7, 13, 64, 1001}) {
            MoeData data = truth.sample(n, 0, 1, new SplitMix64(n));
            for (GaussianMoe m : new GaussianMoe[] {truth, truth.withTopK(1), truth.withTopK(3), LabModel.split(3), LabModel.split(2)}) {
                double direct = directLogLikelihood(m, data);
                assertEquals(direct, m.logLikelihood(data), 1e-11 * Math.max(1, Math.abs(direct)), "n=" + n + " K=" + m.topK());
            }
        }
    }

    @Test
    void logLikelihoodMatchesDirectComputationD2() {
        GaussianMoe m = new GaussianMoe(new double[] {0.5, -0.2, 0.3, 0}, new double[][] {{1, -1}, {2, 0.5}, {-1, 1}, {0, 0}},
                new double[][] {{1, 0}, {0, 1}, {-1, 2}, {0.5, 0.5}}, new double[] {0, 1, -1, 2}, new double[] {0.3, 0.5, 0.2, 1}, 2);
        MoeData data = m.sample(257, -1, 1, new SplitMix64(11));
        double direct = directLogLikelihood(m, data);
        assertEquals(direct, m.logLikelihood(data), 1e-11 * Math.abs(direct));
    }

    @Test
    void inactiveExpertsWithHugeLogitGapsContributeExactlyNothing() {
        // K = 1 with one expert far ahead: the likelihood is that expert's Gaussian alone, whatever the other logits.
        GaussianMoe m = GaussianMoe.of1d(new double[] {900, -900, 0}, new double[] {0, 0, 0}, new double[] {1, 5, -5},
                new double[] {0, 0, 0}, new double[] {0.5, 1, 1}, 1);
        double[] x = {0.1, 0.4, 0.9, 0.3, 0.2};
        double[] y = {0.2, -0.1, 1.4, 0.0, 3.0};
        double expect = 0;
        for (int t = 0; t < x.length; t++) {
            double r = y[t] - x[t];
            expect += -0.5 * Math.log(2 * Math.PI * 0.5) - r * r / (2 * 0.5);
        }
        MoeData data = new MoeData(1, x, y);
        assertEquals(expect, m.logLikelihood(data), 1e-12);
        // K = 2: weights e^{900}, e^0 — the second active expert has weight e^{-900} (0 in double), still finite
        double ll2 = m.withTopK(2).logLikelihood(data);
        assertEquals(expect, ll2, 1e-12);
        assertTrue(Double.isFinite(m.withTopK(3).logLikelihood(data)));
    }

    @Test
    void sampleFollowsTheRegions() {
        // Truth: for x < 0.5 outputs come from E1 (mean −4x+2) or E3 (2x−3), never from E2 (5x−1).
        MoeData data = LabModel.truth().sample(20_000, 0, 1, new SplitMix64(5));
        double[] x = data.x();
        double[] y = data.y();
        int nearE2 = 0, left = 0;
        for (int t = 0; t < y.length; t++) {
            if (x[t] < 0.45) {
                left++;
                double r2 = Math.abs(y[t] - (5 * x[t] - 1));
                double r1 = Math.abs(y[t] - (-4 * x[t] + 2));
                double r3 = Math.abs(y[t] - (2 * x[t] - 3));
                if (r2 < 0.2 && r1 > 2 && r3 > 2) nearE2++;
            }
        }
        assertTrue(left > 8000);
        assertEquals(0, nearE2);
        assertEquals(LabModel.truth().density(new double[] {0.3}, 1.0), densityByHand(0.3, 1.0), 1e-14);
    }

    private static double densityByHand(double x, double y) {
        double w1 = Math.exp(1), w3 = Math.exp(0); // E1 and E3 active at x = 0.3
        double p1 = Math.exp(-Math.pow(y - (-4 * x + 2), 2) / 0.2) / Math.sqrt(2 * Math.PI * 0.1);
        double p3 = Math.exp(-Math.pow(y - (2 * x - 3), 2) / 0.4) / Math.sqrt(2 * Math.PI * 0.2);
        return (w1 * p1 + w3 * p3) / (w1 + w3);
    }
}
