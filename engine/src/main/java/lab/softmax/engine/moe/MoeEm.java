package lab.softmax.engine.moe;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import lab.softmax.engine.task.Cancellation;

/**
 * The generalised EM of {@link MoeFit}: parameters as plain arrays, the top-K sets frozen by the last E-step and the
 * responsibilities within them.
 * <ol>
 *   <li>E-step: responsibilities r_ni ∝ w_i(x_n)·N(y_n | a_iᵀx_n + b_i, ν_i) within the current top-K set of x_n
 *       ({@link MoeLikelihood#evaluate}).</li>
 *   <li>Expert M-step in closed form: (a_i, b_i) by weighted least squares with weights r_·i, then
 *       ν_i = Σ r_ni (y_n − a_iᵀx_n − b_i)² / Σ r_ni, floored at 1e−6.</li>
 *   <li>Gate M-step: damped Newton steps on Q(β) = Σ_n Σ_i r_ni ln w_i(x_n) with the sets frozen and the reference
 *       (last) expert fixed at (0, 0), halving each step until Q does not decrease.</li>
 * </ol>
 * For d = 1 the sums run in SIMD lanes over the blocks whose points share one set (most of them: the sample is sorted
 * by x) and point by point elsewhere; any d works point by point.
 */
final class MoeEm {
    private static final VectorSpecies<Double> S = MoeLikelihood.S;
    private static final int L = MoeLikelihood.L;
    static final double NU_FLOOR = 1e-6;

    private final MoeLikelihood ev;
    private final int k, d, topK, n, p, blocks;
    private final double[] x, y;
    private final double[] b0, b1, a, b, nu;  // b1, a: k × d, row-major
    private final int[] act;                   // K × n: act[q·n + t], ascending per point
    private final double[] resp;               // K × n, aligned with act
    private final boolean[] uniform;           // per block: its L points share the set of its first point
    private final double[] lanes;              // lane accumulators
    private final double[] work;               // per-block scratch: K logits, K weights, log-sum-exp, maximum
    private final double[] pointLogits;        // the same for one point
    private final double[] pointWeights;
    int iterations;

    MoeEm(GaussianMoe m, MoeLikelihood ev) {
        this.ev = ev;
        k = m.experts();
        d = m.dimension();
        topK = m.topK();
        n = ev.n();
        p = d + 1;
        blocks = ev.vectorEnd() / L;
        x = ev.data().xs();
        y = ev.data().ys();
        b0 = m.beta0();
        b = m.b();
        nu = m.nu();
        b1 = new double[k * d];
        a = new double[k * d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                b1[i * d + j] = m.beta1(i, j);
                a[i * d + j] = m.a(i, j);
            }
        }
        act = new int[topK * n];
        resp = new double[topK * n];
        uniform = new boolean[Math.max(1, blocks)];
        lanes = new double[Math.max(5 * k, (k - 1) * 2 + (k - 1) * (k - 1) * 3) * L];
        work = new double[(2 * topK + 2) * L];
        pointLogits = new double[topK];
        pointWeights = new double[topK];
    }

    GaussianMoe model() {
        double[][] w = new double[k][d];
        double[][] aa = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                w[i][j] = b1[i * d + j];
                aa[i][j] = a[i * d + j];
            }
        }
        return new GaussianMoe(b0, w, aa, b, nu, topK);
    }

    /**
     * Iterates until an iteration changes the log-likelihood by less than emTolerance·n, or 5 iterations pass without a
     * gain of that size; leaves the best iterate (the recomputed sets make generalised EM non-monotone) and returns its
     * log-likelihood.
     */
    double run(MoeFit.Settings s, Cancellation cancel) {
        double prev = eStep();
        double best = prev;
        GaussianMoe bestModel = model();
        int lastGain = 0;
        for (int it = 0; it < s.emIterations(); it++) {
            if ((it & 7) == 0) cancel.throwIfCancelled();
            expertStep();
            gateStep(s.newtonSteps());
            double ll = eStep();
            iterations = it + 1;
            if (ll > best + s.emTolerance() * n) lastGain = it;
            if (ll > best) {
                best = ll;
                bestModel = model();
            }
            boolean small = Math.abs(ll - prev) < s.emTolerance() * n;
            prev = ll;
            // Converged, or cycling between top-K sets without gaining for 5 iterations.
            if (small || it - lastGain >= 5) break;
        }
        restore(bestModel);
        return best;
    }

    private void restore(GaussianMoe m) {
        for (int i = 0; i < k; i++) {
            b0[i] = m.beta0(i);
            b[i] = m.b(i);
            nu[i] = m.nu(i);
            for (int j = 0; j < d; j++) {
                b1[i * d + j] = m.beta1(i, j);
                a[i * d + j] = m.a(i, j);
            }
        }
    }

    /** Recomputes the top-K sets and responsibilities; returns the observed log-likelihood. */
    double eStep() {
        return ev.evaluate(b0, b1, a, b, nu, topK, act, resp, uniform);
    }

    /** The expert M-step: weighted least squares per expert, then its variance. */
    void expertStep() {
        double[][] ata = new double[k][p * p];
        double[][] aty = new double[k][p];
        double[] mass = new double[k];
        // d = 1, in lanes: per expert Σr, Σr·x, Σr·x², Σr·y, Σr·x·y (slots 5i .. 5i + 4)
        Arrays.fill(lanes, 0, 5 * k * L, 0);
        for (int blk = 0; blk < blocks; blk++) {
            int t = blk * L;
            if (!uniform[blk]) {
                for (int u = t; u < t + L; u++) addNormalEquations(u, ata, aty, mass);
                continue;
            }
            DoubleVector xv = DoubleVector.fromArray(S, x, t);
            DoubleVector yv = DoubleVector.fromArray(S, y, t);
            for (int q = 0; q < topK; q++) {
                int base = 5 * act[q * n + t] * L;
                DoubleVector r = DoubleVector.fromArray(S, resp, q * n + t);
                DoubleVector rx = r.mul(xv);
                accumulate(base, r);
                accumulate(base + L, rx);
                accumulate(base + 2 * L, rx.mul(xv));
                accumulate(base + 3 * L, r.mul(yv));
                accumulate(base + 4 * L, rx.mul(yv));
            }
        }
        for (int t = blocks * L; t < n; t++) addNormalEquations(t, ata, aty, mass);
        if (blocks > 0) {
            for (int i = 0; i < k; i++) {
                int base = 5 * i * L;
                double sr = reduce(base);
                double sx = reduce(base + L);
                mass[i] += sr;
                ata[i][0] += sr;
                ata[i][2] += sx;
                ata[i][3] += reduce(base + 2 * L);
                aty[i][0] += reduce(base + 3 * L);
                aty[i][1] += reduce(base + 4 * L);
            }
        }
        for (int i = 0; i < k; i++) {
            if (mass[i] < 1e-8) continue;
            double[] m = ata[i];
            for (int u = 0; u < p; u++) {
                for (int v = u + 1; v < p; v++) m[u * p + v] = m[v * p + u];
            }
            double[] coef = LinearSolve.spd(m, aty[i], p, 1e-12);
            if (coef == null) continue;
            b[i] = coef[0];
            for (int j = 0; j < d; j++) a[i * d + j] = coef[j + 1];
        }
        double[] rss = new double[k];
        Arrays.fill(lanes, 0, k * L, 0);
        for (int blk = 0; blk < blocks; blk++) {
            int t = blk * L;
            if (!uniform[blk]) {
                for (int u = t; u < t + L; u++) addSquaredResiduals(u, rss);
                continue;
            }
            DoubleVector xv = DoubleVector.fromArray(S, x, t);
            DoubleVector yv = DoubleVector.fromArray(S, y, t);
            for (int q = 0; q < topK; q++) {
                int i = act[q * n + t];
                DoubleVector res = yv.sub(xv.lanewise(VectorOperators.FMA, a[i], b[i]));
                accumulate(i * L, DoubleVector.fromArray(S, resp, q * n + t).mul(res).mul(res));
            }
        }
        for (int t = blocks * L; t < n; t++) addSquaredResiduals(t, rss);
        if (blocks > 0) {
            for (int i = 0; i < k; i++) rss[i] += reduce(i * L);
        }
        for (int i = 0; i < k; i++) {
            if (mass[i] < 1e-8) continue;
            nu[i] = Math.max(NU_FLOOR, rss[i] / mass[i]);
        }
    }

    private void addNormalEquations(int t, double[][] ata, double[][] aty, double[] mass) {
        int off = t * d;
        for (int q = 0; q < topK; q++) {
            int i = act[q * n + t];
            double r = resp[q * n + t];
            if (r == 0) continue;
            mass[i] += r;
            double[] m = ata[i];
            for (int u = 0; u < p; u++) {
                double ru = r * z(off, u);
                aty[i][u] += ru * y[t];
                for (int v = 0; v <= u; v++) m[u * p + v] += ru * z(off, v);
            }
        }
    }

    private void addSquaredResiduals(int t, double[] rss) {
        int off = t * d;
        for (int q = 0; q < topK; q++) {
            int i = act[q * n + t];
            double mu = b[i];
            for (int j = 0; j < d; j++) mu = Math.fma(x[off + j], a[i * d + j], mu);
            double res = y[t] - mu;
            rss[i] += resp[q * n + t] * res * res;
        }
    }

    /** Regressor u of the point at x offset off: 1, then its d inputs. */
    private double z(int off, int u) { return u == 0 ? 1 : x[off + u - 1]; }

    private void accumulate(int at, DoubleVector v) {
        DoubleVector.fromArray(S, lanes, at).add(v).intoArray(lanes, at);
    }

    private double reduce(int at) {
        double s = 0;
        for (int l = 0; l < L; l++) s += lanes[at + l];
        return s;
    }

    /**
     * Q(β) with frozen sets, for gate parameters g given as (β_0, β_1) rows of experts 0..k−2 (the last expert's logit is
     * pinned at 0).
     */
    double q(double[] g) {
        double sum = 0;
        Arrays.fill(lanes, 0, L, 0);
        double[] w = work;
        for (int blk = 0; blk < blocks; blk++) {
            int t = blk * L;
            if (!uniform[blk]) {
                for (int u = t; u < t + L; u++) sum += qPoint(g, u);
                continue;
            }
            activeLogits(g, t, w);
            lanesLogSumExp(w);
            DoubleVector lse = DoubleVector.fromArray(S, w, 2 * topK * L);
            DoubleVector acc = DoubleVector.fromArray(S, lanes, 0);
            for (int q = 0; q < topK; q++) {
                DoubleVector r = DoubleVector.fromArray(S, resp, q * n + t);
                acc = r.lanewise(VectorOperators.FMA, DoubleVector.fromArray(S, w, q * L).sub(lse), acc);
            }
            acc.intoArray(lanes, 0);
        }
        for (int t = blocks * L; t < n; t++) sum += qPoint(g, t);
        return sum + (blocks > 0 ? reduce(0) : 0);
    }

    /**
     * Writes the gate logits of the block's frozen set under g into w[q·L ..] (q = 0..K−1) and their lane-wise maximum
     * into w[(2K + 1)·L ..] (arrays, not a returned vector: see {@link LaneMath}).
     */
    private void activeLogits(double[] g, int t, double[] w) {
        DoubleVector xv = DoubleVector.fromArray(S, x, t);
        DoubleVector lm = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        for (int q = 0; q < topK; q++) {
            int i = act[q * n + t];
            DoubleVector l = i == k - 1 ? DoubleVector.zero(S) : xv.lanewise(VectorOperators.FMA, g[i * 2 + 1], g[i * 2]);
            l.intoArray(w, q * L);
            lm = lm.max(l);
        }
        lm.intoArray(w, (2 * topK + 1) * L);
    }

    /**
     * From the logits in w[q·L ..] and their maximum: the softmax weights into w[(K + q)·L ..] and the log-sum-exp into
     * w[2K·L ..].
     */
    private void lanesLogSumExp(double[] w) {
        int kl = topK * L;
        DoubleVector lm = DoubleVector.fromArray(S, w, 2 * kl + L);
        for (int q = 0; q < topK; q++) DoubleVector.fromArray(S, w, q * L).sub(lm).intoArray(w, kl + q * L);
        LaneMath.expNonPositive(w, kl, 2 * kl);
        DoubleVector s = DoubleVector.fromArray(S, w, kl);
        for (int q = 1; q < topK; q++) s = s.add(DoubleVector.fromArray(S, w, kl + q * L));
        for (int q = 0; q < topK; q++) DoubleVector.fromArray(S, w, kl + q * L).div(s).intoArray(w, kl + q * L);
        s.intoArray(w, 2 * kl);
        LaneMath.log(w, 2 * kl, 2 * kl + L);
        DoubleVector.fromArray(S, w, 2 * kl).add(lm).intoArray(w, 2 * kl);
    }

    /** Point t's term of Q(g); leaves its active logits in pointLogits and weights in pointWeights. */
    private double qPoint(double[] g, int t) {
        double lm = pointLogits(g, t);
        double s = 0;
        for (int q = 0; q < topK; q++) {
            pointWeights[q] = LaneMath.expNonPositive(pointLogits[q] - lm);
            s += pointWeights[q];
        }
        double lse = lm + LaneMath.log(s);
        double sum = 0;
        for (int q = 0; q < topK; q++) {
            sum += resp[q * n + t] * (pointLogits[q] - lse);
            pointWeights[q] /= s;
        }
        return sum;
    }

    /** Point t's frozen active logits under g into pointLogits; returns their maximum. */
    private double pointLogits(double[] g, int t) {
        int off = t * d;
        double lm = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < topK; q++) {
            int i = act[q * n + t];
            double v = 0;
            if (i < k - 1) {
                v = g[i * p];
                for (int j = 0; j < d; j++) v = Math.fma(x[off + j], g[i * p + 1 + j], v);
            }
            pointLogits[q] = v;
            lm = Math.max(lm, v);
        }
        return lm;
    }

    /** Up to steps damped Newton steps on Q with the sets frozen. */
    void gateStep(int steps) {
        int dim = (k - 1) * p;
        double[] g = new double[dim];
        for (int i = 0; i < k - 1; i++) {
            g[i * p] = b0[i];
            for (int j = 0; j < d; j++) g[i * p + 1 + j] = b1[i * d + j];
        }
        double qOld = q(g);
        double[] trial = new double[dim];
        for (int s = 0; s < steps; s++) {
            double[] grad = new double[dim];
            double[] h = new double[dim * dim]; // negative Hessian (positive semi-definite)
            gradientAndHessian(g, grad, h);
            double trace = 0;
            for (int u = 0; u < dim; u++) trace += h[u * dim + u];
            double ridge = 1e-9 * trace / dim + 1e-12;
            for (int u = 0; u < dim; u++) h[u * dim + u] += ridge;
            double[] delta = LinearSolve.spd(h, grad, dim, 0);
            if (delta == null) break;
            double tStep = 1;
            boolean moved = false;
            for (int half = 0; half < 30; half++) {
                for (int u = 0; u < dim; u++) trial[u] = g[u] + tStep * delta[u];
                double qNew = q(trial);
                if (qNew >= qOld) {
                    System.arraycopy(trial, 0, g, 0, dim);
                    moved = qNew > qOld;
                    qOld = qNew;
                    break;
                }
                tStep *= 0.5;
            }
            if (!moved) break;
        }
        for (int i = 0; i < k - 1; i++) {
            b0[i] = g[i * p];
            for (int j = 0; j < d; j++) b1[i * d + j] = g[i * p + 1 + j];
        }
    }

    /** ∇Q and −∇²Q at g (dim = (k − 1)·p, row-major). */
    private void gradientAndHessian(double[] g, double[] grad, double[] h) {
        int dim = (k - 1) * p;
        int kr = k - 1;
        // d = 1, in lanes: gradient slots (2i + u), then Hessian slots 2kr + 3(i·kr + j) + m for Σc·x^m
        int hBase = 2 * kr;
        Arrays.fill(lanes, 0, (hBase + 3 * kr * kr) * L, 0);
        double[] w = work;
        int kl = topK * L;
        for (int blk = 0; blk < blocks; blk++) {
            int t = blk * L;
            if (!uniform[blk]) {
                for (int u = t; u < t + L; u++) addPointDerivatives(g, u, grad, h);
                continue;
            }
            DoubleVector xv = DoubleVector.fromArray(S, x, t);
            DoubleVector x2 = xv.mul(xv);
            activeLogits(g, t, w);
            lanesLogSumExp(w);
            for (int q = 0; q < topK; q++) {
                int i = act[q * n + t];
                if (i == k - 1) continue;
                DoubleVector wq = DoubleVector.fromArray(S, w, kl + q * L);
                DoubleVector gq = DoubleVector.fromArray(S, resp, q * n + t).sub(wq);
                accumulate((2 * i) * L, gq);
                accumulate((2 * i + 1) * L, gq.mul(xv));
                for (int q2 = 0; q2 < topK; q2++) {
                    int j = act[q2 * n + t];
                    if (j == k - 1) continue;
                    DoubleVector wq2 = DoubleVector.fromArray(S, w, kl + q2 * L);
                    DoubleVector c = q == q2 ? wq.sub(wq.mul(wq2)) : wq.mul(wq2).neg();
                    int slot = (hBase + 3 * (i * kr + j)) * L;
                    accumulate(slot, c);
                    accumulate(slot + L, c.mul(xv));
                    accumulate(slot + 2 * L, c.mul(x2));
                }
            }
        }
        for (int t = blocks * L; t < n; t++) addPointDerivatives(g, t, grad, h);
        if (blocks == 0) return;
        for (int i = 0; i < kr; i++) {
            grad[i * 2] += reduce((2 * i) * L);
            grad[i * 2 + 1] += reduce((2 * i + 1) * L);
            for (int j = 0; j < kr; j++) {
                int slot = (hBase + 3 * (i * kr + j)) * L;
                double s0 = reduce(slot);
                double s1 = reduce(slot + L);
                double s2 = reduce(slot + 2 * L);
                h[(i * 2) * dim + j * 2] += s0;
                h[(i * 2) * dim + j * 2 + 1] += s1;
                h[(i * 2 + 1) * dim + j * 2] += s1;
                h[(i * 2 + 1) * dim + j * 2 + 1] += s2;
            }
        }
    }

    private void addPointDerivatives(double[] g, int t, double[] grad, double[] h) {
        int dim = (k - 1) * p;
        int off = t * d;
        qPoint(g, t);
        for (int q = 0; q < topK; q++) {
            int i = act[q * n + t];
            if (i == k - 1) continue;
            double gi = resp[q * n + t] - pointWeights[q];
            for (int u = 0; u < p; u++) grad[i * p + u] += gi * z(off, u);
            for (int q2 = 0; q2 < topK; q2++) {
                int j = act[q2 * n + t];
                if (j == k - 1) continue;
                double c = (q == q2 ? pointWeights[q] : 0) - pointWeights[q] * pointWeights[q2];
                if (c == 0) continue;
                for (int u = 0; u < p; u++) {
                    double cu = c * z(off, u);
                    int row = (i * p + u) * dim + j * p;
                    for (int v = 0; v < p; v++) h[row + v] += cu * z(off, v);
                }
            }
        }
    }
}
