package lab.softmax.engine.moe;

import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;

/**
 * Maximum-likelihood fitting of a {@link GaussianMoe}: generalised EM ({@link MoeEm}), then a derivative-free likelihood
 * polish ({@link Powell} on {@link MoeLikelihood}).
 *
 * EM never moves the boundaries between top-K regions (the E-step gives no mass outside the current sets, the gate
 * step keeps them frozen), so the fit ends with Powell's method on the observed log-likelihood, which recomputes the
 * top-K sets at every evaluation; parameters: (β_0, β_1) of the non-reference experts, a, b and ln ν of all.
 * Then {@link Settings#restarts()} more fits start from the best fit so far plus seeded, n-independent noise, and the
 * best log-likelihood wins: a single start left some fits in local optima far below the truth's likelihood.
 */
public final class MoeFit {
    private static final double NU_FLOOR = MoeEm.NU_FLOOR;

    private MoeFit() { }

    /**
     * @param emIterations   most EM iterations
     * @param emTolerance    stop EM when an iteration gains less than this many nats per point
     * @param newtonSteps    gate Newton steps per M-step
     * @param polishRuns     most rounds of (Powell on the gates alone, then EM) before the final Powell on all
     *                       parameters (0 = EM only)
     * @param polishSweeps   most Powell sweeps per run
     * @param xtol           Powell's line-search tolerance (relative on the step)
     * @param ftol           Powell stops when a sweep gains less than this many nats (absolute: an optimisation error of
     *                       δ nats moves parameters by ~√(2δ) standard errors, so 1e−3 is statistically negligible)
     * @param restarts       extra fits after the first, each started from the best fit so far plus seeded noise
     *                       (0 = a single fit)
     * @param restartNoise   σ of the restart noise: N(0, σ²) on every non-reference (β_0, β_1), on a and b, and on
     *                       ln ν; it does not depend on n
     * @param restartSeed    seed of the restart noise (restart r draws from its own stream, so the fit is
     *                       deterministic)
     * @param gateScaleDirections Powell's first direction for each non-reference gate is its own (β_0, β_1)
     *                       ("radial": it rescales the gate, so the boundary with the reference stays put), the
     *                       others orthonormal to it; false = coordinate directions
     */
    public record Settings(int emIterations, double emTolerance, int newtonSteps, int polishRuns, int polishSweeps,
                           double xtol, double ftol, int restarts, double restartNoise, long restartSeed,
                           boolean gateScaleDirections) {
        public Settings {
            if (emIterations < 0 || newtonSteps < 0 || polishRuns < 0 || polishSweeps < 1 || restarts < 0) throw new IllegalArgumentException("fit settings: negative counts");
            if (!(emTolerance >= 0) || !(xtol > 0) || !(ftol >= 0)) throw new IllegalArgumentException("fit settings: tolerances must be >= 0");
            if (!(restartNoise >= 0) || restartNoise > 10) throw new IllegalArgumentException("fit settings: restartNoise " + restartNoise + " is outside 0..10");
        }

        /** A single fit, no restarts (the settings before restarts existed). */
        public Settings(int emIterations, double emTolerance, int newtonSteps, int polishRuns, int polishSweeps,
                        double xtol, double ftol) {
            this(emIterations, emTolerance, newtonSteps, polishRuns, polishSweeps, xtol, ftol, 0, 0, 0, false);
        }

        /** The fitter of the lab's experiment: 3 restarts at σ = 0.3, gate-scale directions on. */
        public static Settings defaults() { return new Settings(100, 1e-7, 3, 4, 30, 1e-3, 1e-3, DEFAULT_RESTARTS, DEFAULT_RESTART_NOISE, 0x6D6F652D66697421L, true); }

        /** EM alone: no polish and no restarts. */
        public Settings withoutPolish() { return new Settings(emIterations, emTolerance, newtonSteps, 0, polishSweeps, xtol, ftol, 0, restartNoise, restartSeed, gateScaleDirections); }

        /** The same settings with another number of restarts. */
        public Settings withRestarts(int count) { return new Settings(emIterations, emTolerance, newtonSteps, polishRuns, polishSweeps, xtol, ftol, count, restartNoise, restartSeed, gateScaleDirections); }

        /** The same settings with another restart noise σ. */
        public Settings withRestartNoise(double sigma) { return new Settings(emIterations, emTolerance, newtonSteps, polishRuns, polishSweeps, xtol, ftol, restarts, sigma, restartSeed, gateScaleDirections); }

        /** The same settings with or without gate-scale directions in the polish. */
        public Settings withGateScaleDirections(boolean on) { return new Settings(emIterations, emTolerance, newtonSteps, polishRuns, polishSweeps, xtol, ftol, restarts, restartNoise, restartSeed, on); }
    }

    /** Restarts of {@link Settings#defaults()}: 2 left some of the recorded stuck fits stuck, 3 freed all of them. */
    static final int DEFAULT_RESTARTS = 3;
    /** Restart σ of {@link Settings#defaults()}: 0.6 left more recorded stuck fits stuck than 0.3. */
    static final double DEFAULT_RESTART_NOISE = 0.3;

    /** The fitted model, its log-likelihood (nats, summed), and the work done. */
    public record Result(GaussianMoe model, double logLikelihood, double emLogLikelihood, int emIterations,
                         int polishEvaluations) { }

    /**
     * Fits from init, then {@link Settings#restarts()} times from the best fit so far plus seeded noise; returns the
     * fit with the highest log-likelihood (the first on ties). emIterations and polishEvaluations add up every start.
     */
    public static Result fit(GaussianMoe init, MoeData data, Settings s, Cancellation cancel) {
        MoeLikelihood ev = MoeLikelihood.of(data);
        Result best = polishAll(fitGates(init, ev, s, cancel), ev, s, cancel);
        int em = best.emIterations();
        int evals = best.polishEvaluations();
        for (int r = 1; r <= s.restarts(); r++) {
            cancel.throwIfCancelled();
            SplitMix64 rng = new SplitMix64(s.restartSeed() ^ (0x9E3779B97F4A7C15L * r));
            Result next = polishAll(fitGates(perturb(best.model(), s.restartNoise(), rng), ev, s, cancel), ev, s, cancel);
            em += next.emIterations();
            evals += next.polishEvaluations();
            if (next.logLikelihood() > best.logLikelihood()) best = next;
        }
        return new Result(best.model(), best.logLikelihood(), best.emLogLikelihood(), em, evals);
    }

    /** m plus N(0, σ²) on the non-reference (β_0, β_1), on a and b, and on ln ν (floored); the reference stays at 0. */
    static GaussianMoe perturb(GaussianMoe m, double sigma, SplitMix64 rng) {
        int k = m.experts();
        int d = m.dimension();
        double[] b0 = m.beta0();
        double[][] b1 = m.beta1();
        double[][] a = m.a();
        double[] b = m.b();
        double[] nu = m.nu();
        for (int i = 0; i < k; i++) {
            if (i < k - 1) {
                b0[i] += sigma * rng.nextGaussian();
                for (int j = 0; j < d; j++) b1[i][j] += sigma * rng.nextGaussian();
            }
            for (int j = 0; j < d; j++) a[i][j] += sigma * rng.nextGaussian();
            b[i] += sigma * rng.nextGaussian();
            nu[i] = Math.max(NU_FLOOR, nu[i] * Math.exp(sigma * rng.nextGaussian()));
        }
        return new GaussianMoe(b0, b1, a, b, nu, m.topK());
    }

    /** EM, then rounds of (Powell on the gates, EM) from init, whose last expert must be the reference with zero gate. */
    static Result fitGates(GaussianMoe init, MoeLikelihood ev, Settings s, Cancellation cancel) {
        MoeData data = ev.data();
        int k = init.experts();
        int d = init.dimension();
        if (data.d() != d) throw new IllegalArgumentException("data: dimension " + data.d() + " but the model has " + d);
        if (k < 2) throw new IllegalArgumentException("init: need at least two experts");
        if (init.beta0(k - 1) != 0 || nonZero(init, k - 1)) throw new IllegalArgumentException("init: the last expert is the reference and needs (beta0, beta1) = (0, 0)");
        MoeEm em = new MoeEm(init, ev);
        double llEm = em.run(s, cancel);
        int emIterations = em.iterations;
        GaussianMoe model = em.model();
        double ll = llEm;
        int evals = 0;
        if (s.polishRuns() > 0) {
            double scale = Math.max(1e-3, 10 / Math.sqrt(data.n()));
            // Rounds of: Powell on the gates alone (moves the region boundaries), then EM from there.
            for (int round = 0; round < s.polishRuns(); round++) {
                GaussianMoe experts = model;
                double[] g = packGates(model);
                double[] step = new double[g.length];
                java.util.Arrays.fill(step, scale);
                double[][] basis = s.gateScaleDirections() ? gateBasis(g, d, g.length) : null;
                double[] g0 = g;
                Powell pg = new Powell(th -> -ev.of(withGates(experts, mapGates(g0, basis, th))), g.length, cancel);
                Powell.Result r = pg.minimise(basis == null ? g : new double[g.length], step, s.polishSweeps(), s.xtol(), s.ftol());
                evals += r.evaluations();
                GaussianMoe moved = -r.value() > ll ? withGates(experts, mapGates(g0, basis, r.x())) : model;
                MoeEm again = new MoeEm(moved, ev);
                double llAgain = again.run(s, cancel);
                emIterations += again.iterations;
                double gain = Math.max(-r.value(), llAgain) - ll;
                if (llAgain >= -r.value() && llAgain > ll) {
                    model = again.model();
                    ll = llAgain;
                } else if (-r.value() > ll) {
                    model = moved;
                    ll = -r.value();
                }
                if (gain <= s.ftol()) break;
            }
        }
        return new Result(model, ll, llEm, emIterations, evals);
    }

    /** Powell on all parameters from r's model; returns r with the better model and the evaluations added. */
    static Result polishAll(Result r, MoeLikelihood ev, Settings s, Cancellation cancel) {
        if (s.polishRuns() == 0) return r;
        GaussianMoe model = r.model();
        int k = model.experts();
        int d = model.dimension();
        int topK = model.topK();
        double scale = Math.max(1e-3, 10 / Math.sqrt(ev.n()));
        double ll = r.logLikelihood();
        int evals = r.polishEvaluations();
        {
            double[] theta = pack(model);
            double[] step = new double[theta.length];
            java.util.Arrays.fill(step, scale);
            double[][] basis = s.gateScaleDirections() ? gateBasis(theta, d, (k - 1) * (d + 1)) : null;
            double[] t0 = theta;
            Powell p = new Powell(th -> -ev.of(unpack(mapGates(t0, basis, th), k, d, topK)), theta.length, cancel);
            Powell.Result pr = p.minimise(basis == null ? theta : new double[theta.length], step, s.polishSweeps(), s.xtol(), s.ftol());
            evals += pr.evaluations();
            if (-pr.value() > ll) {
                model = unpack(mapGates(t0, basis, pr.x()), k, d, topK);
                ll = ev.of(model);
            }
        }
        return new Result(model, ll, r.emLogLikelihood(), r.emIterations(), evals);
    }

    private static boolean nonZero(GaussianMoe m, int i) {
        for (int j = 0; j < m.dimension(); j++) {
            if (m.beta1(i, j) != 0) return true;
        }
        return false;
    }

    /**
     * An orthonormal basis of the first gateLength coordinates of t (blocks of d + 1 per non-reference expert): per
     * block, the block's own direction first (if non-zero), then the unit vectors made orthogonal to it
     * (Gram–Schmidt, dropping the one that vanishes). Coordinates after gateLength keep their unit vectors.
     */
    static double[][] gateBasis(double[] t, int d, int gateLength) {
        int m = t.length;
        int p = d + 1;
        double[][] basis = new double[m][];
        for (int i = gateLength; i < m; i++) {
            basis[i] = new double[m];
            basis[i][i] = 1;
        }
        for (int off = 0; off < gateLength; off += p) {
            java.util.List<double[]> vs = new java.util.ArrayList<>();
            double[] r = new double[p];
            double norm = 0;
            for (int u = 0; u < p; u++) norm += t[off + u] * t[off + u];
            norm = Math.sqrt(norm);
            if (norm > 1e-9) {
                for (int u = 0; u < p; u++) r[u] = t[off + u] / norm;
                vs.add(r);
            }
            for (int e = 0; e < p && vs.size() < p; e++) {
                double[] v = new double[p];
                v[e] = 1;
                for (double[] w : vs) {
                    double dot = 0;
                    for (int u = 0; u < p; u++) dot += v[u] * w[u];
                    for (int u = 0; u < p; u++) v[u] -= dot * w[u];
                }
                double nv = 0;
                for (int u = 0; u < p; u++) nv += v[u] * v[u];
                nv = Math.sqrt(nv);
                if (nv < 1e-6) continue;
                for (int u = 0; u < p; u++) v[u] /= nv;
                vs.add(v);
            }
            for (int q = 0; q < p; q++) {
                double[] full = new double[m];
                for (int u = 0; u < p; u++) full[off + u] = vs.get(q)[u];
                basis[off + q] = full;
            }
        }
        return basis;
    }

    /** t0 + Σ_q θ_q·basis[q], or θ itself when basis is null. */
    static double[] mapGates(double[] t0, double[][] basis, double[] theta) {
        if (basis == null) return theta;
        double[] out = t0.clone();
        for (int q = 0; q < theta.length; q++) {
            if (theta[q] == 0) continue;
            double[] b = basis[q];
            for (int u = 0; u < out.length; u++) out[u] += theta[q] * b[u];
        }
        return out;
    }

    /** (β_0, β_1) of experts 0..k−2. */
    static double[] packGates(GaussianMoe m) {
        int k = m.experts();
        int d = m.dimension();
        double[] t = new double[(k - 1) * (d + 1)];
        int p = 0;
        for (int i = 0; i < k - 1; i++) {
            t[p++] = m.beta0(i);
            for (int j = 0; j < d; j++) t[p++] = m.beta1(i, j);
        }
        return t;
    }

    /** m's experts with the gates of experts 0..k−2 taken from g (the reference stays at 0). */
    static GaussianMoe withGates(GaussianMoe m, double[] g) {
        int k = m.experts();
        int d = m.dimension();
        double[] b0 = new double[k];
        double[][] b1 = new double[k][d];
        int p = 0;
        for (int i = 0; i < k - 1; i++) {
            b0[i] = g[p++];
            for (int j = 0; j < d; j++) b1[i][j] = g[p++];
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(b0[i])) return unusable(k, d, m.topK());
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(b1[i][j])) return unusable(k, d, m.topK());
            }
        }
        return new GaussianMoe(b0, b1, m.a(), m.b(), m.nu(), m.topK());
    }

    /** (β_0, β_1) of experts 0..k−2, then (a, b, ln ν) of every expert. */
    static double[] pack(GaussianMoe m) {
        int k = m.experts();
        int d = m.dimension();
        double[] t = new double[(k - 1) * (d + 1) + k * (d + 2)];
        int p = 0;
        for (int i = 0; i < k - 1; i++) {
            t[p++] = m.beta0(i);
            for (int j = 0; j < d; j++) t[p++] = m.beta1(i, j);
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) t[p++] = m.a(i, j);
            t[p++] = m.b(i);
            t[p++] = Math.log(m.nu(i));
        }
        return t;
    }

    static GaussianMoe unpack(double[] t, int k, int d, int topK) {
        double[] b0 = new double[k];
        double[][] b1 = new double[k][d];
        double[][] a = new double[k][d];
        double[] b = new double[k];
        double[] nu = new double[k];
        int p = 0;
        for (int i = 0; i < k - 1; i++) {
            b0[i] = t[p++];
            for (int j = 0; j < d; j++) b1[i][j] = t[p++];
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) a[i][j] = t[p++];
            b[i] = t[p++];
            nu[i] = Math.max(NU_FLOOR, Math.exp(Math.max(-700, Math.min(700, t[p++]))));
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(b0[i]) || !Double.isFinite(b[i])) return unusable(k, d, topK);
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(b1[i][j]) || !Double.isFinite(a[i][j])) return unusable(k, d, topK);
            }
        }
        return new GaussianMoe(b0, b1, a, b, nu, topK);
    }

    /** A model far from any data, for a Powell trial point that left the finite numbers. */
    private static GaussianMoe unusable(int k, int d, int topK) {
        double[] b = new double[k];
        java.util.Arrays.fill(b, 1e150);
        double[] nu = new double[k];
        java.util.Arrays.fill(nu, NU_FLOOR);
        return new GaussianMoe(new double[k], new double[k][d], new double[k][d], b, nu, topK);
    }
}
