package lab.softmax.engine.ghosts;

import lab.softmax.engine.io.InputException;
import java.util.Arrays;

/**
 * F(t) = Σ_k exp(z_k + a_k t), normalised so that it can be evaluated anywhere without overflow:
 * terms with equal slopes are merged (their phases agree for every t, so they add exactly), the
 * log-weights are shifted to a maximum of 0 and the slopes are centred on (max a + min a)/2.
 * Both shifts multiply F by a non-vanishing factor, so the zeros are unchanged.
 * Masked logits (-Infinity) contribute nothing and are dropped.
 */
public final class ExponentialSum {
    private final double[] logWeights;
    private final double[] slopes;
    private final double deltaA;
    private final int inputSize;
    private final double logitShift;
    private final double slopeShift;

    private ExponentialSum(double[] logWeights, double[] slopes, double deltaA, int inputSize,
                           double logitShift, double slopeShift) {
        this.logWeights = logWeights;
        this.slopes = slopes;
        this.deltaA = deltaA;
        this.inputSize = inputSize;
        this.logitShift = logitShift;
        this.slopeShift = slopeShift;
    }

    /**
     * The largest Δa taken: its ρ_a = π/Δa ≈ 3e-300 is still a normal double with room for the search's boxes (at
     * Δa ≈ 1.8e308 the radius falls among the subnormals, where no contour can be placed).
     */
    static final double MAX_SPREAD = 1e300;

    /**
     * @param logits    z_k; -Infinity masks a class; NaN and +Infinity are rejected
     * @param direction a_k = ∇z_k·v, finite, its spread max − min at most {@link #MAX_SPREAD}
     * @throws IllegalArgumentException naming the field and index at fault
     */
    public static ExponentialSum of(double[] logits, double[] direction) {
        if (logits.length == 0) throw new InputException("logits", "empty");
        if (direction.length != logits.length) {
            throw new InputException("direction", "length " + direction.length + " differs from logits length " + logits.length);
        }
        int active = 0;
        for (int k = 0; k < logits.length; k++) {
            if (Double.isNaN(logits[k]) || logits[k] == Double.POSITIVE_INFINITY) {
                throw new InputException("logits[" + k + "]", logits[k] + " is not allowed");
            }
            if (!Double.isFinite(direction[k])) {
                throw new InputException("direction[" + k + "]", direction[k] + " is not finite");
            }
            if (logits[k] != Double.NEGATIVE_INFINITY) active++;
        }
        if (active == 0) throw new InputException("logits", "every entry is masked (-Infinity)");
        Integer[] order = new Integer[active];
        int n = 0;
        double zMax = Double.NEGATIVE_INFINITY;
        double aMin = Double.POSITIVE_INFINITY;
        double aMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            if (logits[k] == Double.NEGATIVE_INFINITY) continue;
            order[n++] = k;
            zMax = Math.max(zMax, logits[k]);
            aMin = Math.min(aMin, direction[k]);
            aMax = Math.max(aMax, direction[k]);
        }
        if (!(aMax - aMin <= MAX_SPREAD)) {
            throw new InputException("direction", String.format(java.util.Locale.ROOT, "spread max - min = %.3g: the zeros would lie "
                    + "within pi/%.3g of 0, below what double precision resolves (spreads up to %.0g are taken)", aMax - aMin, aMax - aMin, MAX_SPREAD));
        }
        Arrays.sort(order, (i, j) -> Double.compare(direction[i], direction[j]));
        double centre = aMin + 0.5 * (aMax - aMin);
        double[] w = new double[active];
        double[] b = new double[active];
        int groups = 0;
        for (int i = 0; i < active; ) {
            int j = i;
            double slope = direction[order[i]];
            double groupMax = Double.NEGATIVE_INFINITY;
            while (j < active && direction[order[j]] == slope) groupMax = Math.max(groupMax, logits[order[j++]]);
            double sum = 0;
            for (int m = i; m < j; m++) sum += Math.exp(logits[order[m]] - groupMax);
            w[groups] = groupMax + Math.log(sum) - zMax;
            b[groups] = slope - centre;
            groups++;
            i = j;
        }
        return new ExponentialSum(Arrays.copyOf(w, groups), Arrays.copyOf(b, groups), aMax - aMin, logits.length, zMax, centre);
    }

    /** Δa = max_k a_k − min_k a_k over the unmasked classes. */
    public double deltaA() { return deltaA; }

    /** ρ_a = π/Δa, the zero-free-disc radius; +Infinity when Δa = 0. */
    public double rhoA() { return deltaA == 0 ? Double.POSITIVE_INFINITY : Math.PI / deltaA; }

    /** Number of distinct slopes after merging ties (2 means the exactly solvable binary case). */
    public int termCount() { return slopes.length; }

    public int inputSize() { return inputSize; }

    /** Merged log-weights, shifted to a maximum of 0, in increasing slope order. */
    public double[] logWeights() { return logWeights.clone(); }

    /** The centre c the slopes were shifted by: F(t) = e^{c t + z_max} G(t). */
    public double slopeCentre() { return slopeShift; }

    /** Centred slopes b_k, increasing. */
    public double[] slopes() { return slopes.clone(); }

    double logWeight(int k) { return logWeights[k]; }

    double slope(int k) { return slopes[k]; }

    /**
     * G, G' and G'' at t = u + iy, all divided by the common factor e^m (m = max_k Re exponent),
     * with the sum of the term moduli in the same units.
     */
    public ScaledValue evaluate(double u, double y) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < slopes.length; k++) m = Math.max(m, logWeights[k] + slopes[k] * u);
        double re = 0, im = 0, d1re = 0, d1im = 0, d2re = 0, d2im = 0, total = 0;
        for (int k = 0; k < slopes.length; k++) {
            double p = Math.exp(logWeights[k] + slopes[k] * u - m);
            double phase = slopes[k] * y;
            double c = p * Math.cos(phase);
            double s = p * Math.sin(phase);
            double b = slopes[k];
            re += c;
            im += s;
            d1re += b * c;
            d1im += b * s;
            d2re += b * b * c;
            d2im += b * b * s;
            total += p;
        }
        return new ScaledValue(re, im, d1re, d1im, d2re, d2im, total, m);
    }

    /**
     * The same sum without the terms that are negligible for every Re t in [x0, x1]: a term is dropped
     * when even its largest modulus there is below e^{-40}/K of the largest term's smallest modulus
     * (their total moves a simple zero by ~1e-17·ρ_a). Δa, ρ_a and the shifts stay those of the full
     * sum, so zero-free-strip bounds remain valid. Returns this sum when nothing can be dropped.
     */
    public ExponentialSum restrictedTo(double x0, double x1) {
        double floor = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < slopes.length; k++) {
            floor = Math.max(floor, logWeights[k] + Math.min(slopes[k] * x0, slopes[k] * x1));
        }
        floor -= 40 + Math.log(slopes.length);
        int kept = 0;
        boolean[] keep = new boolean[slopes.length];
        for (int k = 0; k < slopes.length; k++) {
            keep[k] = logWeights[k] + Math.max(slopes[k] * x0, slopes[k] * x1) >= floor;
            if (keep[k]) kept++;
        }
        if (kept == slopes.length) return this;
        double[] w = new double[kept];
        double[] b = new double[kept];
        for (int k = 0, j = 0; k < slopes.length; k++) {
            if (keep[k]) {
                w[j] = logWeights[k];
                b[j++] = slopes[k];
            }
        }
        return new ExponentialSum(w, b, deltaA, inputSize, logitShift, slopeShift);
    }

    /** log|F(u + iy)| of the original (unshifted) sum, for heat maps; -Infinity at a zero. */
    public double logAbsF(double u, double y) {
        ScaledValue v = evaluate(u, y);
        return v.logAbs() + logitShift + slopeShift * u;
    }

    /** F's value and derivatives at one point in units of e^{logScale} (see {@link #evaluate}). */
    public record ScaledValue(double re, double im, double d1re, double d1im, double d2re, double d2im,
                              double moduliSum, double logScale) {
        public double abs() { return Math.hypot(re, im); }

        /** |F| / Σ|terms|: 0 at a zero, 1 when all terms point the same way. */
        public double relativeModulus() { return abs() / moduliSum; }

        /** log|G(t)| of the normalised sum G (the logit and slope shifts are not undone). */
        public double logAbs() { return logScale + Math.log(abs()); }
    }
}
