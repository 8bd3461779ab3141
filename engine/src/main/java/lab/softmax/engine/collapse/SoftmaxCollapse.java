package lab.softmax.engine.collapse;

import lab.softmax.engine.nn.Rounding;
import lab.softmax.engine.numeric.Precision;

/**
 * The Softmax Collapse test of the official logger (Prieto et al., arXiv 2501.04697; logger.py,
 * compute_softmax_collapse): cast the logits to
 * the precision, subtract the row maximum, exponentiate and sum, all rounded to the precision after
 * every operation; the sample has collapsed when the sum is exactly 1.
 *
 * <p>Summation order: the maximal term (exp 0 = 1) first, then the others in index order. In
 * fp32 and fp64 every partial sum is rounded to the precision, so a sample collapses exactly when
 * each other term is absorbed by 1, i.e. when its gap to the maximum exceeds p ln 2 (16.64 in fp32,
 * 36.74 in fp64). For fp16/bf16 the terms are rounded to the 16-bit format but, as torch.sum does
 * for half tensors, accumulated in float32 and the total rounded to the format: the sample
 * collapses when all small terms together stay below half an ulp of 1 (a single term: gap 7.62 in
 * fp16, 5.55 in bf16). That is also roughly when the fp16 loss gradient flushes to zero.
 * torch's fp32 reductions add small terms to each other first, so there the onset comes a little
 * later when many terms sit near the threshold.
 */
public final class SoftmaxCollapse {
    private SoftmaxCollapse() { }

    public static boolean isCollapsed(double[] z, int classes, Precision p) {
        return sumExp(z, classes, p) == 1.0;
    }

    /** sum_j exp(z_j - max z) in precision p, maximal term first (16-bit formats accumulate in float32). */
    public static double sumExp(double[] z, int classes, Precision p) {
        int argmax = roundedArgmax(z, classes, p);
        double max = Rounding.round(p, z[argmax]);
        Precision accumulate = Rounding.internal(p);
        double sum = 1.0;
        for (int j = 0; j < classes; j++) {
            if (j == argmax) continue;
            double off = Rounding.round(p, Rounding.round(p, z[j]) - max);
            sum = Rounding.round(accumulate, sum + Rounding.round(p, Math.exp(off)));
        }
        return Rounding.round(p, sum);
    }

    /**
     * Σ exp(z_j − max) as the loss computes it (torch's log-softmax): logits rounded to p, then everything in p's
     * internal precision ({@link Rounding#internal}: float32 for fp16/bf16), terms not rounded to p, the total not
     * rounded to p. For fp16 this can exceed 1 while {@link #sumExp} (the SC test's 16-bit total) is exactly 1.
     */
    public static double lossPathSum(double[] z, int classes, Precision p) {
        Precision inside = Rounding.internal(p);
        int argmax = roundedArgmax(z, classes, p);
        double max = Rounding.round(p, z[argmax]);
        double sum = 1.0;
        for (int j = 0; j < classes; j++) {
            if (j == argmax) continue;
            double off = Rounding.round(inside, Rounding.round(p, z[j]) - max);
            sum = Rounding.round(inside, sum + Rounding.round(inside, Math.exp(off)));
        }
        return sum;
    }

    /** The first index of the largest logit once the logits are rounded to p (the term that starts both sums). */
    private static int roundedArgmax(double[] z, int classes, Precision p) {
        int argmax = 0;
        double max = Rounding.round(p, z[0]);
        for (int j = 1; j < classes; j++) {
            double v = Rounding.round(p, z[j]);
            if (v > max) {
                max = v;
                argmax = j;
            }
        }
        return argmax;
    }

    /** The smallest gap g for which 1 + exp(-g) rounds to 1 in p: p ln 2 up to the rounding of exp. */
    public static double absorptionGap(Precision p) {
        return p.significandBits() * Math.log(2);
    }

    /** Largest minus second-largest logit (0 for a tie). */
    public static double top2Gap(double[] z, int classes) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            double v = z[j];
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return first - second;
    }
}
