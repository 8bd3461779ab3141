package lab.softmax.engine.moe;

/**
 * Voronoi losses between a fitted mixing measure G = Σ_i e^{β_0i} δ_{θ_i} and the true G* (Nguyen, Akbarian, Yan and
 * Ho, ICLR 2024, arXiv 2309.13850), with θ_i = (β_1i, a_i, b_i, ν_i). Both models must keep the same reference expert
 * at (β_0, β_1) = (0, 0), which is what gives e^{β_0} a meaning.
 *
 * <p>Cells: fitted atom i belongs to A_j for the true atom j nearest in ‖Δβ_1‖₁ + ‖Δa‖₁ + |Δb| + |Δν| (ties: lowest
 * j). Losses (‖·‖ Euclidean):
 * <pre>
 * D1 = Σ_j |Σ_{i∈A_j} e^{β_0i} − e^{β*_0j}| + Σ_j Σ_{i∈A_j} e^{β_0i} (‖Δβ_1ij‖ + ‖Δa_ij‖ + |Δb_ij| + |Δν_ij|)
 * D2 = Σ_j |Σ_{i∈A_j} e^{β_0i} − e^{β*_0j}|
 *    + Σ_{|A_j|=1} Σ_{i∈A_j} e^{β_0i} (‖Δβ_1ij‖ + ‖Δa_ij‖ + |Δb_ij| + |Δν_ij|)
 *    + Σ_{|A_j|&gt;1} Σ_{i∈A_j} e^{β_0i} (‖Δβ_1ij‖^r̄ + |Δb_ij|^r̄ + ‖Δa_ij‖^{r̄/2} + |Δν_ij|^{r̄/2}),  r̄ = r̄(|A_j|)
 * </pre>
 * r̄(1) = 1, r̄(2) = 4, r̄(3) = 6 (the orders of the paper's polynomial system). r̄ is not known here beyond 3 atoms;
 * larger cells use 6, which can only overstate D2 against the true, larger r̄.
 */
public final class VoronoiLoss {
    private static final int[] RBAR = {0, 1, 4, 6};

    private VoronoiLoss() { }

    /** r̄(m) for a cell of m ≥ 1 atoms (6 for m &gt; 3, see the class comment). */
    public static int rbar(int m) {
        if (m < 1) throw new IllegalArgumentException("cell size " + m);
        return RBAR[Math.min(m, RBAR.length - 1)];
    }

    /** Per fitted atom, the index of its true atom's cell. */
    public static int[] cells(GaussianMoe fit, GaussianMoe truth) {
        check(fit, truth);
        int[] cell = new int[fit.experts()];
        for (int i = 0; i < fit.experts(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < truth.experts(); j++) {
                double dist = 0;
                for (int q = 0; q < fit.dimension(); q++) {
                    dist += Math.abs(fit.beta1(i, q) - truth.beta1(j, q)) + Math.abs(fit.a(i, q) - truth.a(j, q));
                }
                dist += Math.abs(fit.b(i) - truth.b(j)) + Math.abs(fit.nu(i) - truth.nu(j));
                if (dist < best) {
                    best = dist;
                    cell[i] = j;
                }
            }
        }
        return cell;
    }

    public static double d1(GaussianMoe fit, GaussianMoe truth) { return loss(fit, truth, false); }

    public static double d2(GaussianMoe fit, GaussianMoe truth) { return loss(fit, truth, true); }

    private static double loss(GaussianMoe fit, GaussianMoe truth, boolean second) {
        int[] cell = cells(fit, truth);
        int kt = truth.experts();
        double[] mass = new double[kt];
        int[] size = new int[kt];
        for (int i = 0; i < cell.length; i++) {
            mass[cell[i]] += Math.exp(fit.beta0(i));
            size[cell[i]]++;
        }
        double loss = 0;
        for (int j = 0; j < kt; j++) loss += Math.abs(mass[j] - Math.exp(truth.beta0(j)));
        for (int i = 0; i < cell.length; i++) {
            int j = cell[i];
            double w = Math.exp(fit.beta0(i));
            double db1 = norm(fit, truth, i, j, true);
            double da = norm(fit, truth, i, j, false);
            double db = Math.abs(fit.b(i) - truth.b(j));
            double dnu = Math.abs(fit.nu(i) - truth.nu(j));
            if (!second || size[j] == 1) {
                loss += w * (db1 + da + db + dnu);
            } else {
                int r = rbar(size[j]);
                loss += w * (Math.pow(db1, r) + Math.pow(db, r) + Math.pow(da, r / 2.0) + Math.pow(dnu, r / 2.0));
            }
        }
        return loss;
    }

    /**
     * Raw errors in the cell with the most fitted atoms (lowest j on ties): the largest ‖Δβ_1‖, ‖Δa‖, |Δb|, |Δν| over
     * its atoms, the error of its summed gate mass, and the largest error of any singleton cell (sum of its parameter
     * errors and its mass error).
     */
    public record CellErrors(int cell, int atoms, double beta1, double a, double b, double nu, double mass, double singleton) { }

    public static CellErrors largestCell(GaussianMoe fit, GaussianMoe truth) {
        int[] cell = cells(fit, truth);
        int kt = truth.experts();
        int[] size = new int[kt];
        double[] mass = new double[kt];
        for (int i = 0; i < cell.length; i++) {
            size[cell[i]]++;
            mass[cell[i]] += Math.exp(fit.beta0(i));
        }
        int big = 0;
        for (int j = 1; j < kt; j++) {
            if (size[j] > size[big]) big = j;
        }
        double eb1 = 0, ea = 0, eb = 0, enu = 0, single = 0;
        for (int i = 0; i < cell.length; i++) {
            int j = cell[i];
            double db1 = norm(fit, truth, i, j, true);
            double da = norm(fit, truth, i, j, false);
            double db = Math.abs(fit.b(i) - truth.b(j));
            double dnu = Math.abs(fit.nu(i) - truth.nu(j));
            if (j == big) {
                eb1 = Math.max(eb1, db1);
                ea = Math.max(ea, da);
                eb = Math.max(eb, db);
                enu = Math.max(enu, dnu);
            }
            if (size[j] == 1) {
                single = Math.max(single, db1 + da + db + dnu + Math.abs(mass[j] - Math.exp(truth.beta0(j))));
            }
        }
        return new CellErrors(big, size[big], eb1, ea, eb, enu, Math.abs(mass[big] - Math.exp(truth.beta0(big))), single);
    }

    private static double norm(GaussianMoe fit, GaussianMoe truth, int i, int j, boolean gate) {
        double s = 0;
        for (int q = 0; q < fit.dimension(); q++) {
            double v = gate ? fit.beta1(i, q) - truth.beta1(j, q) : fit.a(i, q) - truth.a(j, q);
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void check(GaussianMoe fit, GaussianMoe truth) {
        if (fit.dimension() != truth.dimension()) throw new IllegalArgumentException("fit and truth differ in dimension");
    }
}
