package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

class MoeLikelihoodTest {
    /** Models whose gate lines cross at several places in [0, 1], so blocks straddle region boundaries. */
    private static GaussianMoe[] models() {
        GaussianMoe truth = LabModel.truth();
        SplitMix64 rng = new SplitMix64(5);
        return new GaussianMoe[] {truth, truth.withTopK(1), truth.withTopK(3), LabModel.split(3), LabModel.split(2),
            ConvergenceExperiment.perturb(LabModel.split(3), 1.5, rng), ConvergenceExperiment.perturb(LabModel.split(2), 2.0, rng),
            GaussianMoe.of1d(new double[] {3, -2, 1, 0.5, 0}, new double[] {-6, 6, 0, -3, 0}, new double[] {1, -1, 2, 0, 3},
                    new double[] {0, 1, -1, 2, 0.5}, new double[] {0.05, 0.2, 0.5, 0.01, 1}, 2)};
    }

    @Test
    void matchesTheDirectComputationInAnyOrderOfThePoints() {
        for (int n : new int[] {1, 7, 8, 9, 63, 1001, 4099}) {
            MoeData data = LabModel.truth().sample(n, 0, 1, new SplitMix64(n));
            MoeLikelihood ev = MoeLikelihood.of(data);
            for (GaussianMoe m : models()) {
                double direct = GaussianMoeTest.directLogLikelihood(m, data);
                assertEquals(direct, ev.of(m), 1e-12 * Math.max(1, Math.abs(direct)), "n=" + n + " " + m);
            }
        }
    }

    @Test
    void pointsOnABoundaryFollowTheLowestIndexRule() {
        // x = 0.5 is where E2's logit −4 + 8x ties with the reference's 0: E2 (index 1) wins the tie
        double[] x = new double[40];
        double[] y = new double[40];
        for (int t = 0; t < x.length; t++) {
            x[t] = t % 3 == 0 ? 0.5 : t / 40.0;
            y[t] = -3 + 0.1 * t;
        }
        MoeData data = new MoeData(1, x, y);
        GaussianMoe m = LabModel.truth();
        double direct = GaussianMoeTest.directLogLikelihood(m, data);
        assertEquals(direct, MoeLikelihood.of(data).of(m), 1e-12 * Math.abs(direct));
    }

    @Test
    void higherDimensionsTakeThePointByPointPath() {
        GaussianMoe m = new GaussianMoe(new double[] {0.5, -0.2, 0.3, 0}, new double[][] {{1, -1}, {2, 0.5}, {-1, 1}, {0, 0}},
                new double[][] {{1, 0}, {0, 1}, {-1, 2}, {0.5, 0.5}}, new double[] {0, 1, -1, 2}, new double[] {0.3, 0.5, 0.2, 1}, 2);
        MoeData data = m.sample(257, -1, 1, new SplitMix64(11));
        double direct = GaussianMoeTest.directLogLikelihood(m, data);
        assertEquals(direct, MoeLikelihood.of(data).of(m), 1e-12 * Math.abs(direct));
    }

    @Test
    void responsibilitiesAndSetsMatchTheDirectComputation() {
        MoeData data = LabModel.truth().sample(1003, 0, 1, new SplitMix64(3));
        MoeLikelihood ev = MoeLikelihood.of(data);
        double[] x = ev.data().x();
        double[] y = ev.data().y();
        int n = x.length;
        for (GaussianMoe m : models()) {
            int k = m.experts();
            int topK = m.topK();
            int[] act = new int[topK * n];
            double[] resp = new double[topK * n];
            double[] b1 = new double[k];
            double[] a = new double[k];
            for (int i = 0; i < k; i++) {
                b1[i] = m.beta1(i, 0);
                a[i] = m.a(i, 0);
            }
            ev.evaluate(m.beta0(), b1, a, m.b(), m.nu(), topK, act, resp, new boolean[n]);
            for (int t = 0; t < n; t++) {
                double[] l = new double[k];
                for (int i = 0; i < k; i++) l[i] = m.beta0(i) + m.beta1(i, 0) * x[t];
                int[] set = TopKGatingTest.referenceTopK(l, topK);
                double[] joint = new double[topK];
                double top = Double.NEGATIVE_INFINITY;
                for (int q = 0; q < topK; q++) {
                    int i = set[q];
                    double r = y[t] - m.a(i, 0) * x[t] - m.b(i);
                    joint[q] = l[i] - r * r / (2 * m.nu(i)) - 0.5 * Math.log(m.nu(i));
                    top = Math.max(top, joint[q]);
                }
                double sum = 0;
                for (int q = 0; q < topK; q++) {
                    joint[q] = Math.exp(joint[q] - top);
                    sum += joint[q];
                }
                int[] gotSet = new int[topK];
                for (int q = 0; q < topK; q++) {
                    gotSet[q] = act[q * n + t];
                    assertEquals(joint[q] / sum, resp[q * n + t], 1e-12, "t=" + t + " q=" + q);
                }
                assertArrayEquals(set, gotSet, "t=" + t);
            }
        }
    }
}
