package lab.softmax.engine.ghosts;

import java.util.HashMap;
import java.util.Map;
import lab.softmax.engine.task.Cancellation;

/**
 * Certified winding number of G along the boundary of an axis-parallel box.
 *
 * <p>Each edge is marched in steps short enough that |G(x) − G(x_i)| < |G(x_i)|/1.05 on the whole step,
 * so every arg increment is the principal value. Two bounds certify a step and the longer wins: the
 * Lipschitz bound |G(x) − G(x_i)| ≤ L·h with L = Σ|b_k||term_k|, and the Taylor bound
 * |G'(x_i)|·h + M₂h²/2 with M₂ = Σ b_k²|term_k| (exact for the moduli e^{b_k u}). The second keeps
 * the steps geometric near a (near-)double zero, where the first would shrink like d². On a horizontal edge the phases are fixed and only the moduli vary; on a vertical
 * edge the moduli are fixed and only the phases turn, so each sample needs one transcendental per term
 * instead of three. When the step falls below 1e-13 of the coordinate scale a zero sits (numerically)
 * on the contour and {@link ContourHitException} is thrown, so the caller can move the contour.
 * Edge increments are cached, so boxes sharing an edge with an earlier box do not march it again.
 * The cancellation is checked every {@link #CHECK_EVERY} samples (an edge can take 2·10⁵ samples of K terms).
 */
final class WindingCounter {
    private static final double SAFETY = 1.05;
    private static final double STEP_FRACTION = 0.999;
    private static final double CONTOUR_HIT = 1e-13;
    private static final long MAX_SAMPLES_PER_EDGE = 200_000;
    /** On a horizontal step of length h the moduli grow by at most e^{B h}; steps are capped so that this is ≤ 1.1. */
    private static final double GROWTH = 1.1;
    private static final int CHECK_EVERY = 256;

    private final double[] logWeights;
    private final double[] slopes;
    private final double maxAbsSlope;
    private final double[] scratchA;
    private final double[] scratchB;
    private final Map<Edge, Double> cache = new HashMap<>();
    private final Cancellation cancellation;
    private long samples;

    WindingCounter(ExponentialSum f, Cancellation cancellation) {
        this.cancellation = cancellation;
        int n = f.termCount();
        logWeights = new double[n];
        slopes = new double[n];
        double maxAbs = 0;
        for (int k = 0; k < n; k++) {
            logWeights[k] = f.logWeight(k);
            slopes[k] = f.slope(k);
            maxAbs = Math.max(maxAbs, Math.abs(slopes[k]));
        }
        maxAbsSlope = maxAbs;
        scratchA = new double[n];
        scratchB = new double[n];
    }

    long samples() { return samples; }

    /** Number of zeros inside the box (counted with multiplicity). */
    int count(Box box) {
        double total = increment(box.x0(), box.y0(), box.x1(), box.y0())
                + increment(box.x1(), box.y0(), box.x1(), box.y1())
                - increment(box.x0(), box.y1(), box.x1(), box.y1())
                - increment(box.x0(), box.y0(), box.x0(), box.y1());
        double turns = total / (2 * Math.PI);
        if (!Double.isFinite(turns)) throw new ContourHitException();
        long n = Math.round(turns);
        if (Math.abs(turns - n) > 0.25 || n < 0) throw new ContourHitException();
        return (int) n;
    }

    /** Arg increment of G along an edge in increasing coordinate direction. */
    private double increment(double x0, double y0, double x1, double y1) {
        Edge key = new Edge(x0, y0, x1, y1);
        Double cached = cache.get(key);
        if (cached != null) return cached;
        double value = y0 == y1 ? horizontal(y0, x0, x1) : vertical(x0, y0, y1);
        cache.put(key, value);
        return value;
    }

    private double horizontal(double y, double u0, double u1) {
        int n = slopes.length;
        double[] cos = scratchA;
        double[] sin = scratchB;
        for (int k = 0; k < n; k++) {
            cos[k] = Math.cos(slopes[k] * y);
            sin[k] = Math.sin(slopes[k] * y);
        }
        double tiny = CONTOUR_HIT * Math.max(Math.max(Math.abs(u0), Math.abs(u1)), Math.max(Math.abs(y), u1 - u0));
        double total = 0;
        double u = u0;
        double[] prev = horizontalSample(u, cos, sin);
        long count = 0;
        while (u < u1) {
            double remaining = u1 - u;
            double c = certifiedRadius(prev);
            // c is infinite when every sloped term underflowed here (only a flat term is left): such
            // terms stay negligible over a step of 1/B, where they grow by at most e.
            double lipschitzStep = Double.isInfinite(c) ? 1 / maxAbsSlope
                    : Math.max(c * Math.exp(-maxAbsSlope * c), Math.min(c / Math.E, 1 / maxAbsSlope));
            double taylorStep = Math.min(taylorRadius(prev, GROWTH), Math.log(GROWTH) / maxAbsSlope);
            double h = Math.max(lipschitzStep, taylorStep) * STEP_FRACTION;
            if (h >= remaining) {
                h = remaining;
            } else if (!(h >= tiny) || ++count > MAX_SAMPLES_PER_EDGE) {
                throw new ContourHitException();
            }
            u = h == remaining ? u1 : u + h;
            double[] next = horizontalSample(u, cos, sin);
            total += principalArg(prev, next);
            prev = next;
        }
        return total;
    }

    /** {Re S, Im S, Σ|b_k| p_k, Σ p_k, Re S', Im S', Σ b_k² p_k} at u on a horizontal edge with precomputed phases. */
    private double[] horizontalSample(double u, double[] cos, double[] sin) {
        if (++samples % CHECK_EVERY == 0) cancellation.throwIfCancelled();
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < slopes.length; k++) m = Math.max(m, logWeights[k] + slopes[k] * u);
        double re = 0, im = 0, lipschitz = 0, total = 0, dre = 0, dim = 0, curvature = 0;
        for (int k = 0; k < slopes.length; k++) {
            double b = slopes[k];
            double p = Math.exp(logWeights[k] + b * u - m);
            double c = p * cos[k];
            double s = p * sin[k];
            re += c;
            im += s;
            dre += b * c;
            dim += b * s;
            lipschitz += Math.abs(b) * p;
            curvature += b * b * p;
            total += p;
        }
        return new double[] {re, im, lipschitz, total, dre, dim, curvature};
    }

    private double vertical(double u, double y0, double y1) {
        int n = slopes.length;
        double[] p = scratchA;
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) m = Math.max(m, logWeights[k] + slopes[k] * u);
        double lipschitz = 0, moduli = 0, curvature = 0;
        for (int k = 0; k < n; k++) {
            p[k] = Math.exp(logWeights[k] + slopes[k] * u - m);
            lipschitz += Math.abs(slopes[k]) * p[k];
            curvature += slopes[k] * slopes[k] * p[k];
            moduli += p[k];
        }
        double tiny = CONTOUR_HIT * Math.max(Math.max(Math.abs(y0), Math.abs(y1)), Math.max(Math.abs(u), y1 - y0));
        double total = 0;
        double y = y0;
        double[] prev = verticalSample(y, p, lipschitz, moduli, curvature);
        long count = 0;
        while (y < y1) {
            double remaining = y1 - y;
            double h = Math.max(certifiedRadius(prev), taylorRadius(prev, 1)) * STEP_FRACTION;
            if (h >= remaining) {
                h = remaining;
            } else if (!(h >= tiny) || ++count > MAX_SAMPLES_PER_EDGE) {
                throw new ContourHitException();
            }
            y = h == remaining ? y1 : y + h;
            double[] next = verticalSample(y, p, lipschitz, moduli, curvature);
            total += principalArg(prev, next);
            prev = next;
        }
        return total;
    }

    private double[] verticalSample(double y, double[] p, double lipschitz, double moduli, double curvature) {
        if (++samples % CHECK_EVERY == 0) cancellation.throwIfCancelled();
        double re = 0, im = 0, dre = 0, dim = 0;
        for (int k = 0; k < slopes.length; k++) {
            double phase = slopes[k] * y;
            double c = p[k] * Math.cos(phase);
            double s = p[k] * Math.sin(phase);
            re += c;
            im += s;
            dre += slopes[k] * c;
            dim += slopes[k] * s;
        }
        return new double[] {re, im, lipschitz, moduli, dre, dim, curvature};
    }

    /**
     * Distance over which |G'| ≤ L keeps G within |G|/1.05 of its value here; the modulus is first
     * reduced by a bound on the rounding error of the sum, so cancellation cannot fake a certificate.
     */
    private double certifiedRadius(double[] sample) {
        double roundoff = 4e-16 * (slopes.length + 2) * sample[3];
        double modulus = Math.hypot(sample[0], sample[1]) - roundoff;
        if (modulus <= 0 || sample[2] == 0) return modulus <= 0 ? 0 : Double.POSITIVE_INFINITY;
        return modulus / (SAFETY * sample[2]);
    }

    /**
     * Largest h with |G'|h + growth·M₂h²/2 < (|G| − rounding)/1.05, where growth bounds how much the
     * moduli (hence M₂) can grow over the step.
     */
    private double taylorRadius(double[] sample, double growth) {
        double roundoff = 4e-16 * (slopes.length + 2);
        double c = (Math.hypot(sample[0], sample[1]) - roundoff * sample[3]) / SAFETY;
        if (c <= 0) return 0;
        double b = Math.hypot(sample[4], sample[5]) + roundoff * sample[2];
        double a = 0.5 * growth * sample[6];
        if (a == 0) return b == 0 ? Double.POSITIVE_INFINITY : c / b;
        return 2 * c / (b + Math.sqrt(b * b + 4 * a * c));
    }

    private static double principalArg(double[] from, double[] to) {
        double dot = from[0] * to[0] + from[1] * to[1];
        double cross = from[0] * to[1] - from[1] * to[0];
        return Math.atan2(cross, dot);
    }

    private record Edge(double x0, double y0, double x1, double y1) { }
}
