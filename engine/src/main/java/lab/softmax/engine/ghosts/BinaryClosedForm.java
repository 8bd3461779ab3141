package lab.softmax.engine.ghosts;

import java.util.ArrayList;
import java.util.List;

/**
 * The exactly solvable case: after merging tied slopes F has two terms, w_lo e^{a_lo t} + w_hi e^{a_hi t}.
 * F = 0 ⇔ (a_hi − a_lo) t = ln(w_lo/w_hi) + iπ(2k+1), so the zeros are
 * t_k = (δ + iπ(2k+1))/Δa with δ = ln w_lo − ln w_hi (the slower class's log-weight minus the faster's).
 * In the paper's notation, with δ = z_y − z_c and Δ = a_y − a_c, this is t = (−δ + iπ)/Δ: the sign of the
 * real part in Eq. (13) of Sao, "Ghosts of Softmax" (arXiv 2603.13552, 2026), which writes (δ + iπ)/Δ, is
 * wrong: for z = (2, 0), a = (1, 0) the zero is −2 + iπ (e^{2−2+iπ} + e^0 = 0), where Eq. (13) gives
 * 2 + iπ. Its modulus, |t_0| = √(δ² + π²)/Δa (Thm 4.3), is right.
 */
public final class BinaryClosedForm {
    private BinaryClosedForm() { }

    public static boolean applies(ExponentialSum f) { return f.termCount() == 2; }

    /** ρ* = √(δ² + π²)/Δa for a logit gap δ and slope spread Δa > 0. */
    public static double rhoStar(double logitGap, double deltaA) { return Math.hypot(logitGap, Math.PI) / deltaA; }

    /** The zero with Im t = π(2k+1)/Δa (k ≥ 0 gives the upper half plane). */
    public static Zero zero(ExponentialSum f, int k) {
        requireBinary(f);
        double gap = f.logWeight(0) - f.logWeight(1);
        double re = gap / f.deltaA();
        double im = Math.PI * (2.0 * k + 1) / f.deltaA();
        return new Zero(re, im, 1, f.evaluate(re, im).relativeModulus());
    }

    /** Every upper-half-plane zero with |t| ≤ radius·(1 + 1e-9), by increasing modulus. */
    public static List<Zero> zerosWithin(ExponentialSum f, double radius) {
        requireBinary(f);
        List<Zero> out = new ArrayList<>();
        double limit = radius * (1 + 1e-9);
        for (int k = 0; ; k++) {
            Zero z = zero(f, k);
            if (!(z.abs() <= limit)) break;
            out.add(z);
        }
        return out;
    }

    private static void requireBinary(ExponentialSum f) {
        if (!applies(f)) throw new IllegalArgumentException("not a two-slope sum: " + f.termCount() + " distinct slopes");
    }
}
