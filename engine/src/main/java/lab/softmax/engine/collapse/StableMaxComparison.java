package lab.softmax.engine.collapse;

import java.util.function.DoubleSupplier;
import lab.softmax.engine.nn.Rounding;
import lab.softmax.engine.nn.SoftmaxCrossEntropy;
import lab.softmax.engine.nn.StableMaxCrossEntropy;
import lab.softmax.engine.numeric.Precision;

/**
 * Softmax and StableMax on the same logits ({@link lab.softmax.engine.nn.SoftmaxCrossEntropy},
 * {@link lab.softmax.engine.nn.StableMaxCrossEntropy}): the probabilities, the
 * normaliser's sum relative to its largest term, the loss -ln p_c of the target and its gradient
 * with respect to the logits, for one sample (batch size 1, so no 1/N).
 *
 * <p>Softmax runs in the chosen precision with the engine's loss ({@link SoftmaxCrossEntropy}, torch's
 * order of operations, so the target's gradient is exactly 0 once the sum rounds to 1). StableMax runs in
 * float64, as the official code does whatever the precision flag says. Its gradient is
 * dL/dz_k = s'(z_k)/S - [k = c] s'(z_c)/s(z_c) = (p_k - [k = c]) s'(z_k)/s(z_k), with S = sum_j s(z_j).
 *
 * @param logits        the logits both normalisers see: the given ones times the scale, in float64
 * @param scale         the factor the given logits were multiplied by
 * @param collapseScale the first factor in [1, {@link #MAX_SCALE}] at which softmax collapses in the precision:
 *                      found on a log grid of step 2e-6 in ln(scale) and refined by bisection
 *                      to about 1e-7 relative; 1 when it has collapsed already, NaN when it does not
 *                      collapse on the grid (or only past the scale where a logit overflows the precision). In fp16
 *                      and bf16 collapse can switch off and on again above this first onset (see
 *                      {@code CollapseScaleSearch} for why); in fp32 and fp64 it stays on.
 */
public record StableMaxComparison(double[] logits, int target, double scale, Precision precision,
                                   Normaliser softmax, Normaliser stableMax, double collapseScale) {
    public static final double MAX_SCALE = 1000;

    /**
     * One normaliser's read-outs.
     *
     * @param probabilities p_j (softmax: exp(log-softmax) in the precision; StableMax: s(z_j)/S in fp64)
     * @param sum           softmax: sum_j exp(z_j - max) in the precision, as the SC metric adds it;
     *                      StableMax: sum_j s(z_j)/s(z_max) in fp64. Exactly 1 means every other term vanished.
     * @param loss          -ln p_c as the loss computes it (exactly 0 once softmax has collapsed)
     * @param gradient      dL/dz_j for this one sample
     */
    public record Normaliser(String name, Precision precision, double[] probabilities, double sum, double loss,
                             double[] gradient) {
        public boolean sumIsOne() { return sum == 1.0; }

        public double targetGradient(int target) { return gradient[target]; }

        /** The largest |dL/dz_j| over the non-target classes. */
        public double largestOtherGradient(int target) {
            double m = 0;
            for (int j = 0; j < gradient.length; j++) if (j != target) m = Math.max(m, Math.abs(gradient[j]));
            return m;
        }
    }

    /** True when a scaled logit is beyond the softmax precision's largest finite value (fp16: 65504): its loss is then NaN. */
    public boolean softmaxOverflows() {
        for (double v : logits) if (Math.abs(v) > precision.maxFinite() && Double.isInfinite(Rounding.round(precision, v))) return true;
        return false;
    }

    /** Compares the two normalisers on logits times scale; softmax in precision, StableMax in fp64. */
    public static StableMaxComparison of(double[] logits, int target, Precision precision, double scale) {
        return of(logits, target, precision, scale, () -> collapseScale(logits, precision));
    }

    /**
     * As {@link #of(double[], int, Precision, double)} with the collapse scale already known from
     * {@link #collapseScale(double[], Precision)} on the same logits and precision (it does not depend on the scale,
     * so a slider can skip the search).
     */
    public static StableMaxComparison of(double[] logits, int target, Precision precision, double scale, double knownCollapseScale) {
        return of(logits, target, precision, scale, () -> knownCollapseScale);
    }

    private static StableMaxComparison of(double[] logits, int target, Precision precision, double scale,
                                           DoubleSupplier collapseScale) {
        int classes = logits.length;
        if (classes < 2) throw new IllegalArgumentException("logits: need at least 2 classes, got " + classes);
        if (target < 0 || target >= classes) {
            throw new IllegalArgumentException("target: " + target + " is outside 0.." + (classes - 1));
        }
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("scale: " + scale + " must be > 0");
        double[] z = new double[classes];
        for (int j = 0; j < classes; j++) {
            if (!Double.isFinite(logits[j])) throw new IllegalArgumentException("logits[" + j + "]: " + logits[j] + " is not finite");
            z[j] = logits[j] * scale;
        }
        return new StableMaxComparison(z, target, scale, precision, softmax(z, target, precision), stableMax(z, target),
                collapseScale.getAsDouble());
    }

    static Normaliser softmax(double[] z, int target, Precision precision) {
        int classes = z.length;
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(precision);
        double[] p = new double[classes];
        double[] grad = new double[classes];
        ce.probabilities(z, classes, p);
        double loss = ce.evaluate(z, classes, target, 1, grad);
        return new Normaliser("softmax", precision, p, SoftmaxCollapse.sumExp(z, classes, precision), loss, grad);
    }

    static Normaliser stableMax(double[] z, int target) {
        int classes = z.length;
        double[] grad = new double[classes];
        double loss = new StableMaxCrossEntropy().evaluate(z, classes, target, 1, grad);
        double total = 0;
        for (double v : z) total += StableMaxCrossEntropy.s(v);
        double[] p = new double[classes];
        for (int j = 0; j < classes; j++) p[j] = StableMaxCrossEntropy.s(z[j]) / total;
        int argmax = CollapseTrainer.argmax(z, classes);
        double top = StableMaxCrossEntropy.s(z[argmax]);
        double sum = 1.0;   // the largest term first, then the others in index order, as for softmax
        for (int j = 0; j < classes; j++) if (j != argmax) sum += StableMaxCrossEntropy.s(z[j]) / top;
        return new Normaliser("StableMax", Precision.FP64, p, sum, loss, grad);
    }

    /**
     * The first scale in [1, {@link #MAX_SCALE}] at which softmax collapses in the precision (see
     * {@link CollapseScaleSearch}); 1 when collapsed already, NaN when it does not collapse below the bound or an
     * overflow. In fp16 and bf16 collapse can switch off and on again above this first onset.
     */
    public static double collapseScale(double[] logits, Precision precision) {
        return CollapseScaleSearch.firstCollapse(logits, precision, MAX_SCALE);
    }
}
