package lab.softmax.engine.moe;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The observed log-likelihood of one sample under many parameter sets (the objective of the fit's polish, evaluated
 * thousands of times per fit), and the E-step's responsibilities. Same value as
 * {@link GaussianMoe#logLikelihood(MoeData)} to ~1e−15 relative, and for d = 1 about ten times faster:
 * <ul>
 *   <li>the sample is sorted by x once, so neighbouring points share their top-K set (it changes only where two gate
 *       lines cross) and a block of {@link LaneMath#S} points is routed with one check per (member, outsider) pair;</li>
 *   <li>a block whose points share a set is evaluated in SIMD lanes (exp and log of {@link LaneMath}: the same bits in
 *       every JIT tier); a block that straddles a boundary point by point, with the same formula in scalars.</li>
 * </ul>
 * For d &gt; 1 every point takes the scalar path. Not thread-safe (scratch buffers): one per fit.
 */
final class MoeLikelihood {
    static final VectorSpecies<Double> S = LaneMath.S;
    static final int L = S.length();
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final MoeData data;
    private final double[] x;
    private final double[] y;
    private final int d;
    private final int n;
    private double[] logits = new double[0];
    private double[] dense = new double[0];
    private double[] terms = new double[0];
    private double[] work = new double[0];
    private final double[] ratio = new double[L];
    private final double[] sums = new double[L];

    private MoeLikelihood(MoeData data) {
        this.data = data;
        this.x = data.xs();
        this.y = data.ys();
        this.d = data.d();
        this.n = data.n();
    }

    /** An evaluator for data; for d = 1 its points are first sorted by x (the sum does not depend on their order). */
    static MoeLikelihood of(MoeData data) {
        if (data.d() != 1) return new MoeLikelihood(data);
        int n = data.n();
        double[] xs = data.xs();
        double[] ys = data.ys();
        Integer[] order = new Integer[n];
        for (int t = 0; t < n; t++) order[t] = t;
        Arrays.sort(order, (p, q) -> Double.compare(xs[p], xs[q]));
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int t = 0; t < n; t++) {
            sx[t] = xs[order[t]];
            sy[t] = ys[order[t]];
        }
        return new MoeLikelihood(new MoeData(1, sx, sy));
    }

    /** The sample in the evaluator's order (sorted by x for d = 1). */
    MoeData data() { return data; }

    int n() { return n; }

    /** Points [0, vectorEnd()) come in blocks of {@link #L} that {@link #evaluate} may route as one; the rest singly. */
    int vectorEnd() { return d == 1 ? S.loopBound(n) : 0; }

    /** Σ_n ln p(y_n | x_n) under m. */
    double of(GaussianMoe m) {
        if (m.dimension() != d) throw new IllegalArgumentException("model: dimension " + m.dimension() + " but the data have " + d);
        int k = m.experts();
        double[] b0 = m.beta0();
        double[] b1 = new double[k * d];
        double[] a = new double[k * d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                b1[i * d + j] = m.beta1(i, j);
                a[i * d + j] = m.a(i, j);
            }
        }
        return evaluate(b0, b1, a, m.b(), m.nu(), m.topK(), null, null, null);
    }

    /**
     * Σ_n ln p(y_n | x_n) for gates (b0, b1) and experts (a, b, ν) of k experts (b1 and a row-major k × d); with act
     * and resp (K × n, point t of row q at q·n + t) also the top-K sets and the responsibilities within them, and with
     * uniform (one entry per block below {@link #vectorEnd()}) whether a block's points all have the set of its first.
     */
    double evaluate(double[] b0, double[] b1, double[] a, double[] b, double[] nu, int topK, int[] act, double[] resp,
                    boolean[] uniform) {
        int k = b0.length;
        double[] c = new double[k];
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            c[i] = -0.5 * (LOG_2PI + Math.log(nu[i]));
            h[i] = 0.5 / nu[i];
        }
        if (logits.length < k * L) {
            logits = new double[k * L];
            dense = new double[k];
            terms = new double[k];
            work = new double[2 * k * L];
        }
        int[] set = new int[topK];
        int[] out = new int[k - topK];
        int[] lane = new int[topK];
        boolean known = false;
        int upper = vectorEnd();
        Arrays.fill(sums, 0);
        double tail = 0;
        for (int t = 0; t < upper; t += L) {
            DoubleVector xv = DoubleVector.fromArray(S, x, t);
            for (int i = 0; i < k; i++) xv.lanewise(VectorOperators.FMA, b1[i], b0[i]).intoArray(logits, i * L);
            if (!known || !sameSet(logits, set, out)) {
                // A block at a region boundary: route each point; if they all agree, adopt that set.
                boolean same = true;
                for (int p = 0; p < L; p++) {
                    for (int i = 0; i < k; i++) dense[i] = logits[i * L + p];
                    TopK.select(dense, k, topK, p == 0 ? set : lane);
                    if (p > 0 && !Arrays.equals(set, lane)) same = false;
                }
                if (!same) {
                    for (int p = 0; p < L; p++) tail += point(t + p, k, topK, b0, b1, a, b, c, h, set, act, resp);
                    if (uniform != null) uniform[t / L] = false;
                    known = false;
                    continue;
                }
                complement(set, k, out);
                known = true;
            }
            if (uniform != null) uniform[t / L] = true;
            block(t, set, a, b, c, h, act, resp);
        }
        for (int t = upper; t < n; t++) tail += point(t, k, topK, b0, b1, a, b, c, h, set, act, resp);
        double total = tail;
        for (double v : sums) total += v;
        return total;
    }

    /**
     * Whether every lane's logits (expert i's lanes at logits[i·L ..]) still rank the members of set above the outsiders
     * out, ties going to the lower index (the rule of {@link TopK}).
     */
    static boolean sameSet(double[] logits, int[] set, int[] out) {
        VectorMask<Double> ok = S.maskAll(true);
        for (int i : set) {
            DoubleVector li = DoubleVector.fromArray(S, logits, i * L);
            for (int j : out) {
                DoubleVector lj = DoubleVector.fromArray(S, logits, j * L);
                // (the operator must be a constant for the JIT to compile the compare to one instruction)
                ok = ok.and(i < j ? li.compare(VectorOperators.GE, lj) : li.compare(VectorOperators.GT, lj));
            }
        }
        return ok.allTrue();
    }

    private static void complement(int[] set, int k, int[] out) {
        int o = 0;
        int q = 0;
        for (int i = 0; i < k; i++) {
            if (q < set.length && set[q] == i) q++;
            else out[o++] = i;
        }
    }

    /**
     * Adds ln p(y | x) of the L points from t, all routed to set, to {@link #sums} lane by lane (their logits are in
     * {@link #logits}), and writes their sets and responsibilities when asked. Vectors go through arrays between the
     * steps (see {@link LaneMath}).
     */
    private void block(int t, int[] set, double[] a, double[] b, double[] c, double[] h, int[] act, double[] resp) {
        int topK = set.length;
        double[] w = work;
        DoubleVector xv = DoubleVector.fromArray(S, x, t);
        DoubleVector yv = DoubleVector.fromArray(S, y, t);
        DoubleVector lm = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
        DoubleVector em = lm;
        for (int q = 0; q < topK; q++) {
            int i = set[q];
            DoubleVector l = DoubleVector.fromArray(S, logits, i * L);
            DoubleVector r = yv.sub(xv.lanewise(VectorOperators.FMA, a[i], b[i]));
            DoubleVector ev = r.mul(r).lanewise(VectorOperators.FMA, -h[i], l.add(c[i]));
            l.intoArray(w, q * L);
            ev.intoArray(w, (topK + q) * L);
            lm = lm.max(l);
            em = em.max(ev);
        }
        for (int q = 0; q < topK; q++) {
            DoubleVector.fromArray(S, w, q * L).sub(lm).intoArray(w, q * L);
            DoubleVector.fromArray(S, w, (topK + q) * L).sub(em).intoArray(w, (topK + q) * L);
        }
        LaneMath.expNonPositive(w, 0, 2 * topK * L);
        DoubleVector sl = DoubleVector.fromArray(S, w, 0);
        DoubleVector se = DoubleVector.fromArray(S, w, topK * L);
        for (int q = 1; q < topK; q++) {
            sl = sl.add(DoubleVector.fromArray(S, w, q * L));
            se = se.add(DoubleVector.fromArray(S, w, (topK + q) * L));
        }
        if (resp != null) {
            for (int q = 0; q < topK; q++) {
                DoubleVector.fromArray(S, w, (topK + q) * L).div(se).intoArray(resp, q * n + t);
                Arrays.fill(act, q * n + t, q * n + t + L, set[q]);
            }
        }
        se.div(sl).intoArray(ratio, 0);
        LaneMath.log(ratio, 0, L);
        DoubleVector.fromArray(S, sums, 0).add(em.sub(lm)).add(DoubleVector.fromArray(S, ratio, 0)).intoArray(sums, 0);
    }

    /**
     * ln p(y | x) of point t, routed on its own (any d): the same formula as {@link #block}, in scalars; set is
     * scratch, left holding the point's set.
     */
    private double point(int t, int k, int topK, double[] b0, double[] b1, double[] a, double[] b, double[] c, double[] h,
                         int[] set, int[] act, double[] resp) {
        int off = t * d;
        for (int i = 0; i < k; i++) {
            double l = b0[i];
            for (int j = 0; j < d; j++) l = Math.fma(x[off + j], b1[i * d + j], l);
            dense[i] = l;
        }
        TopK.select(dense, k, topK, set);
        double yt = y[t];
        double lm = Double.NEGATIVE_INFINITY;
        double em = Double.NEGATIVE_INFINITY;
        double[] e = terms;
        for (int q = 0; q < topK; q++) {
            int i = set[q];
            double mu = b[i];
            for (int j = 0; j < d; j++) mu = Math.fma(x[off + j], a[i * d + j], mu);
            double r = yt - mu;
            e[q] = Math.fma(r * r, -h[i], dense[i] + c[i]);
            lm = Math.max(lm, dense[i]);
            em = Math.max(em, e[q]);
        }
        double sl = 0;
        double se = 0;
        for (int q = 0; q < topK; q++) {
            sl += LaneMath.expNonPositive(dense[set[q]] - lm);
            e[q] = LaneMath.expNonPositive(e[q] - em);
            se += e[q];
        }
        if (resp != null) {
            for (int q = 0; q < topK; q++) {
                resp[q * n + t] = e[q] / se;
                act[q * n + t] = set[q];
            }
        }
        return em - lm + LaneMath.log(se / sl);
    }
}
