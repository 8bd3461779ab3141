package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * The EM steps against a direct computation written out here: sets by sorting, responsibilities with plain exp, the
 * weighted least-squares normal equations solved by Gauss–Jordan elimination, Q and its gradient point by point. d = 1
 * runs the SIMD blocks (with blocks that straddle region boundaries and a tail), d = 2 the point-by-point path.
 */
class MoeEmTest {
    /** Point t's active set (ascending) and responsibilities under m. */
    private record Routed(int[] set, double[] resp) { }

    private static double[] row(MoeData data, int t) {
        double[] x = data.x();
        double[] r = new double[data.d()];
        System.arraycopy(x, t * data.d(), r, 0, data.d());
        return r;
    }

    private static double[] logits(GaussianMoe m, double[] x) {
        double[] l = new double[m.experts()];
        for (int i = 0; i < l.length; i++) {
            l[i] = m.beta0(i);
            for (int j = 0; j < x.length; j++) l[i] += m.beta1(i, j) * x[j];
        }
        return l;
    }

    private static double mean(GaussianMoe m, int i, double[] x) {
        double mu = m.b(i);
        for (int j = 0; j < x.length; j++) mu += m.a(i, j) * x[j];
        return mu;
    }

    private static Routed route(GaussianMoe m, double[] x, double y) {
        double[] l = logits(m, x);
        int[] set = TopKGatingTest.referenceTopK(l, m.topK());
        double[] r = new double[set.length];
        double top = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < set.length; q++) {
            double res = y - mean(m, set[q], x);
            r[q] = l[set[q]] - res * res / (2 * m.nu(set[q])) - 0.5 * Math.log(m.nu(set[q]));
            top = Math.max(top, r[q]);
        }
        double s = 0;
        for (int q = 0; q < r.length; q++) {
            r[q] = Math.exp(r[q] - top);
            s += r[q];
        }
        for (int q = 0; q < r.length; q++) r[q] /= s;
        return new Routed(set, r);
    }

    /** Solves A v = c by Gauss–Jordan elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] c) {
        int n = c.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = c[i];
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
            double[] tmp = m[col]; m[col] = m[piv]; m[piv] = tmp;
            for (int r = 0; r < n; r++) {
                if (r == col) continue;
                double f = m[r][col] / m[col][col];
                for (int j = col; j <= n; j++) m[r][j] -= f * m[col][j];
            }
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = m[i][n] / m[i][i];
        return v;
    }

    /** The expert M-step from m's responsibilities: per expert (b, a_1..a_d, ν). */
    private static double[][] directExpertStep(GaussianMoe m, MoeData data) {
        int k = m.experts();
        int d = data.d();
        int p = d + 1;
        double[][][] ata = new double[k][p][p];
        double[][] aty = new double[k][p];
        double[] mass = new double[k];
        Routed[] routed = new Routed[data.n()];
        for (int t = 0; t < data.n(); t++) {
            double[] x = row(data, t);
            double[] z = new double[p];
            z[0] = 1;
            System.arraycopy(x, 0, z, 1, d);
            routed[t] = route(m, x, data.y()[t]);
            for (int q = 0; q < routed[t].set().length; q++) {
                int i = routed[t].set()[q];
                double r = routed[t].resp()[q];
                mass[i] += r;
                for (int u = 0; u < p; u++) {
                    aty[i][u] += r * z[u] * data.y()[t];
                    for (int v = 0; v < p; v++) ata[i][u][v] += r * z[u] * z[v];
                }
            }
        }
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            if (mass[i] < 1e-8) continue; // never active: the step leaves the expert as it is
            double[] coef = solve(ata[i], aty[i]);
            double rss = 0;
            for (int t = 0; t < data.n(); t++) {
                double[] x = row(data, t);
                for (int q = 0; q < routed[t].set().length; q++) {
                    if (routed[t].set()[q] != i) continue;
                    double mu = coef[0];
                    for (int j = 0; j < d; j++) mu += coef[j + 1] * x[j];
                    double res = data.y()[t] - mu;
                    rss += routed[t].resp()[q] * res * res;
                }
            }
            out[i] = new double[p + 1];
            System.arraycopy(coef, 0, out[i], 0, p);
            out[i][p] = rss / mass[i];
        }
        return out;
    }

    private static GaussianMoe[] models1d() {
        SplitMix64 rng = new SplitMix64(9);
        return new GaussianMoe[] {ConvergenceExperiment.perturb(LabModel.split(3), 0.3, rng),
            ConvergenceExperiment.perturb(LabModel.truth(), 0.5, rng), ConvergenceExperiment.perturb(LabModel.split(2), 0.8, rng)};
    }

    private static GaussianMoe model2d() {
        return new GaussianMoe(new double[] {0.5, -0.2, 0.3, 0}, new double[][] {{1, -1}, {2, 0.5}, {-1, 1}, {0, 0}},
                new double[][] {{1, 0}, {0, 1}, {-1, 2}, {0.5, 0.5}}, new double[] {0, 1, -1, 2}, new double[] {0.3, 0.5, 0.2, 1}, 2);
    }

    private static void checkExpertStep(GaussianMoe m, MoeData data) {
        MoeLikelihood ev = MoeLikelihood.of(data);
        MoeEm em = new MoeEm(m, ev);
        double ll = em.eStep();
        assertEquals(GaussianMoeTest.directLogLikelihood(m, data), ll, 1e-12 * Math.abs(ll));
        em.expertStep();
        GaussianMoe after = em.model();
        double[][] want = directExpertStep(m, ev.data());
        int d = data.d();
        for (int i = 0; i < m.experts(); i++) {
            if (want[i] == null) {
                assertEquals(m.b(i), after.b(i));
                assertEquals(m.nu(i), after.nu(i));
                continue;
            }
            assertEquals(want[i][0], after.b(i), 1e-9 * Math.max(1, Math.abs(want[i][0])), "b[" + i + "]");
            for (int j = 0; j < d; j++) assertEquals(want[i][j + 1], after.a(i, j), 1e-9 * Math.max(1, Math.abs(want[i][j + 1])), "a[" + i + "][" + j + "]");
            assertEquals(Math.max(1e-6, want[i][d + 1]), after.nu(i), 1e-9 * want[i][d + 1], "nu[" + i + "]");
            assertEquals(m.beta0(i), after.beta0(i), "the expert step leaves the gates");
        }
    }

    @Test
    void expertStepIsWeightedLeastSquaresOnTheResponsibilities() {
        MoeData data = LabModel.truth().sample(2003, 0, 1, new SplitMix64(4));
        for (GaussianMoe m : models1d()) checkExpertStep(m, data);
        GaussianMoe m2 = model2d();
        checkExpertStep(m2, m2.sample(301, -1, 1, new SplitMix64(12)));
    }

    /** Q(g) and its gradient with the sets and responsibilities of m, point by point. */
    private static double[] directQAndGradient(GaussianMoe m, MoeData data, double[] g) {
        int k = m.experts();
        int d = data.d();
        int p = d + 1;
        double[] out = new double[1 + (k - 1) * p];
        for (int t = 0; t < data.n(); t++) {
            double[] x = row(data, t);
            Routed r = route(m, x, data.y()[t]);
            double[] l = new double[r.set().length];
            double lse = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < l.length; q++) {
                int i = r.set()[q];
                if (i < k - 1) {
                    l[q] = g[i * p];
                    for (int j = 0; j < d; j++) l[q] += g[i * p + 1 + j] * x[j];
                }
            }
            double s = 0;
            for (double v : l) s += Math.exp(v);
            lse = Math.log(s);
            for (int q = 0; q < l.length; q++) {
                int i = r.set()[q];
                out[0] += r.resp()[q] * (l[q] - lse);
                if (i == k - 1) continue;
                double gi = r.resp()[q] - Math.exp(l[q] - lse);
                out[1 + i * p] += gi;
                for (int j = 0; j < d; j++) out[1 + i * p + 1 + j] += gi * x[j];
            }
        }
        return out;
    }

    private static double[] gates(GaussianMoe m) {
        int k = m.experts();
        int d = m.dimension();
        double[] g = new double[(k - 1) * (d + 1)];
        for (int i = 0; i < k - 1; i++) {
            g[i * (d + 1)] = m.beta0(i);
            for (int j = 0; j < d; j++) g[i * (d + 1) + 1 + j] = m.beta1(i, j);
        }
        return g;
    }

    private static void checkGateStep(GaussianMoe m, MoeData data) {
        MoeLikelihood ev = MoeLikelihood.of(data);
        MoeEm em = new MoeEm(m, ev);
        em.eStep();
        double[] g = gates(m);
        double[] direct = directQAndGradient(m, ev.data(), g);
        assertEquals(direct[0], em.q(g), 1e-11 * Math.abs(direct[0]), "Q at the start");
        double[] shifted = g.clone();
        for (int u = 0; u < shifted.length; u++) shifted[u] += 0.1 * (u % 3 - 1);
        assertEquals(directQAndGradient(m, ev.data(), shifted)[0], em.q(shifted), 1e-11 * Math.abs(direct[0]), "Q elsewhere");
        em.gateStep(30);
        double[] moved = gates(em.model());
        double[] after = directQAndGradient(m, ev.data(), moved);
        assertTrue(after[0] >= direct[0], "Newton steps do not lower Q: " + after[0] + " < " + direct[0]);
        double gradNorm = 0;
        double startNorm = 0;
        for (int u = 1; u < after.length; u++) {
            gradNorm = Math.max(gradNorm, Math.abs(after[u]));
            startNorm = Math.max(startNorm, Math.abs(direct[u]));
        }
        assertTrue(gradNorm < 1e-6 * data.n(), "gradient after 30 Newton steps " + gradNorm + " (at the start " + startNorm + ")");
    }

    @Test
    void gateStepMaximisesQWithTheSetsFrozen() {
        MoeData data = LabModel.truth().sample(2003, 0, 1, new SplitMix64(6));
        for (GaussianMoe m : models1d()) checkGateStep(m, data);
        GaussianMoe m2 = model2d();
        checkGateStep(m2, m2.sample(301, -1, 1, new SplitMix64(13)));
    }
}
