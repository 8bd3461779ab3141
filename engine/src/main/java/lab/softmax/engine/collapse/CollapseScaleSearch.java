package lab.softmax.engine.collapse;

import lab.softmax.engine.nn.Rounding;
import lab.softmax.engine.numeric.Precision;

/**
 * Where softmax(s z) first collapses as the scale s grows: the smallest s whose sum of exp terms, rounded as
 * {@link SoftmaxCollapse} adds them, is exactly 1, on a fine log grid refined by bisection.
 */
final class CollapseScaleSearch {
    /** Resolution of the search for the first collapsed scale: the grid's step in ln(scale) (0.0002 %). */
    static final double GRID_STEP = 2e-6;
    /** How many of the largest non-top terms the cheap pre-test adds up before a full check. */
    private static final int PRETEST_TERMS = 8;

    private CollapseScaleSearch() { }

    /**
     * The first scale in [1, upper] at which softmax collapses in the precision (upper: maxScale, or lower where a
     * logit would overflow the precision), found on a log-spaced grid and refined
     * by bisection between the last grid point that has not collapsed and the first that has.
     *
     * <p>Why not plain bisection: in fp64 and fp32 the rounded sum only falls as the scale grows, so collapse switches
     * on once and stays on. In fp16 and bf16 the scaled logits are rounded to the precision first, and the rounded gap
     * round(a s) - round(b s) is not monotone in s, so collapse can switch on, off and on again (fp16 {100, 99.5}:
     * first at x14.005, where bisection over 1..1000 landed on x14.85). The first on-windows can be a few 1e-6 wide
     * (fp16 {100, 99, 0}: on from x7.50250 to x7.50253, next from x7.50750 to x7.50758, windows widening as the scale
     * grows), so the grid is fine ({@link #GRID_STEP} in ln s) and starts at a scale below which collapse is impossible
     * ({@link #noCollapseBelow}); a cheap pre-test on the largest terms lets most points skip the full sum. A window
     * narrower than one grid step can be missed: the result is the first onset on the grid's resolution (tests hold it
     * to within 0.1 % of a scan with half the step). It does not depend on the scale, so callers that vary only the
     * scale should compute it once: it takes well under a millisecond in fp32/fp64 and milliseconds in fp16 (up to some
     * tens of milliseconds for a couple of hundred bf16 classes on a slow machine).
     */
    static double firstCollapse(double[] logits, Precision precision, double maxScale) {
        if (collapsedAt(logits, precision, 1)) return 1;
        double maxAbs = 0;
        for (double v : logits) maxAbs = Math.max(maxAbs, Math.abs(v));
        // past maxFinite / max|z| a logit rounds to infinity and the sum is NaN: search below that
        double upper = Math.min(maxScale, maxAbs == 0 ? maxScale : precision.maxFinite() / maxAbs);
        double start = Math.max(1, noCollapseBelow(logits, precision));
        if (!(upper > start)) return Double.NaN;
        double span = Math.log(upper / start);
        int steps = (int) Math.ceil(span / GRID_STEP);
        int[] largest = largestFirst(logits, PRETEST_TERMS + 1);
        // fp32 and fp64 absorb term by term, so only the second term is a sure sign; fp16/bf16 add all terms in fp32
        int pretest = Rounding.internal(precision) == precision ? 1 : largest.length - 1;
        double lo = Math.log(start);
        for (int i = 1; i <= steps; i++) {
            double hi = i == steps ? Math.log(upper) : Math.log(start) + span * i / steps;
            double scale = Math.exp(hi);
            if (largestTermsMayVanish(logits, largest, pretest, scale, precision) && collapsedAt(logits, precision, scale)) {
                return bisect(logits, precision, lo, hi);
            }
            lo = hi;
        }
        return Double.NaN;
    }

    /**
     * A scale below which softmax cannot have collapsed in the precision, from the two largest logits a >= b alone.
     * Collapse needs the second term round(exp(round(round(b s) - round(a s)))) to vanish against 1, so to be at most
     * u (the unit roundoff): a term above {@link #vanishing} makes the rounded sum exceed 1 whatever the other terms do.
     * Each rounding moves a value by at most u relative, so the rounded gap is at most ((a - b) + u (|a| + |b|)) s
     * (1 + u), and the term is at least exp(-that) / (1 + u) (the (1 + u) factors take the subtraction's and exp's
     * rounding; subnormal logits, with an absolute error of at most 2^-25 in fp16, fit in the threshold's margin). Returns +infinity when a term can never get that small.
     */
    static double noCollapseBelow(double[] logits, Precision precision) {
        int[] topTwo = largestFirst(logits, 2);
        int top = topTwo[0];
        double second = logits[topTwo[1]];
        double u = precision.unitRoundoff();
        double a = logits[top];
        double rate = ((a - second) + u * (Math.abs(a) + Math.abs(second))) * (1 + u);
        if (!(rate > 0)) return Double.POSITIVE_INFINITY;
        double below = Math.log(1 / (vanishing(precision, 1) * (1 + u))) / rate;
        if (Rounding.internal(precision) == precision) return below;
        // fp16/bf16 add their terms in fp32 and round once at the end, so all the terms together must stay below
        // about u: the same per-term bounds, summed, fall with the scale; bisect for where they reach the threshold
        double lo = below;
        double hi = Math.max(below, 1) * 2;
        for (int i = 0; i < 60 && termsBoundAbove(logits, top, precision, hi); i++) hi *= 2;
        if (termsBoundAbove(logits, top, precision, hi)) return Double.POSITIVE_INFINITY;
        for (int i = 0; i < 50; i++) {
            double mid = 0.5 * (lo + hi);
            if (termsBoundAbove(logits, top, precision, mid)) lo = mid; else hi = mid;
        }
        return lo;
    }

    /** True when the lower bounds of the non-top terms at this scale add up to more than {@link #vanishing} (no collapse). */
    private static boolean termsBoundAbove(double[] logits, int top, Precision precision, double scale) {
        double u = precision.unitRoundoff();
        double a = logits[top];
        double total = 0;
        for (int j = 0; j < logits.length; j++) {
            if (j == top) continue;
            double rate = ((a - logits[j]) + u * (Math.abs(a) + Math.abs(logits[j]))) * (1 + u);
            total += Math.exp(-rate * scale) / (1 + u);
        }
        return total > vanishing(precision, logits.length - 1);
    }

    /** Indices of the n largest logits (fewer if there are fewer), largest first. */
    private static int[] largestFirst(double[] logits, int n) {
        Integer[] order = new Integer[logits.length];
        for (int j = 0; j < order.length; j++) order[j] = j;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(logits[y], logits[x]));
        int[] out = new int[Math.min(n, order.length)];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }

    /**
     * A cheap necessary condition for collapse, so most grid points skip the full sum: the terms
     * exp(round(round(z_j s) - round(z_top s))) of the next-largest logits, rounded as {@link SoftmaxCollapse} rounds
     * them, add up to at most {@link #vanishing}. Rounding is monotone, so round(z_top s) is the rounded maximum; a larger part sum
     * keeps the rounded sum above 1 (term by term in fp32/fp64, where only the second term is used; fp16/bf16 add all
     * terms in fp32 and round once).
     */
    private static boolean largestTermsMayVanish(double[] logits, int[] largest, int terms, double scale, Precision precision) {
        double max = Rounding.round(precision, logits[largest[0]] * scale);
        double total = 0;
        for (int i = 1; i <= terms; i++) {
            double off = Rounding.round(precision, Rounding.round(precision, logits[largest[i]] * scale) - max);
            total += Rounding.round(precision, Math.exp(off));
        }
        return !(total > vanishing(precision, terms));
    }

    /**
     * The largest total of {@code terms} non-top terms that can still round away against 1: u itself (1 + u is a tie
     * that rounds to the even 1) with a relative margin of 2^-20, plus, for fp16/bf16, 2^-24 per term: their fp32
     * accumulation can lose up to half an fp32 ulp of 1 at each addition before the final rounding to the precision.
     * Larger is safe (the bounds and pre-tests only get weaker).
     */
    private static double vanishing(Precision precision, int terms) {
        double lost = Rounding.internal(precision) == precision ? 0 : terms * 0x1p-24;
        return precision.unitRoundoff() * (1 + 0x1p-20) + lost;
    }

    /** Narrows [lo, hi] in ln(scale), lo not collapsed and hi collapsed, to 1e-7; returns the collapsed end. */
    private static double bisect(double[] logits, Precision precision, double lo, double hi) {
        while (hi - lo > 1e-7) {
            double mid = 0.5 * (lo + hi);
            if (collapsedAt(logits, precision, Math.exp(mid))) hi = mid; else lo = mid;
        }
        return Math.exp(hi);
    }

    private static boolean collapsedAt(double[] logits, Precision precision, double scale) {
        double[] z = new double[logits.length];
        for (int j = 0; j < z.length; j++) z[j] = logits[j] * scale;
        return SoftmaxCollapse.isCollapsed(z, z.length, precision);
    }
}
