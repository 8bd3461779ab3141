package lab.softmax.engine.collapse;

import lab.softmax.engine.nn.Rounding;
import lab.softmax.engine.numeric.Precision;

/**
 * Why one training sample has (or has not) collapsed: its logits, each exp(z_j - max) term in the
 * precision, the rounded sum, and the loss gradient the run's loss gives it.
 *
 * @param expTerms  exp(z_j - max) rounded to the precision (the maximal term is 1)
 * @param sumExp    the SC test's sum: the terms above added in the precision's internal precision (float32 for
 *                  fp16/bf16, as torch sums half tensors), maximal term first, then index order, rounded to the precision
 * @param absorbed  how many non-maximal terms are below half an ulp of 1 (lost when added to 1)
 * @param gradient  dL/dz for this sample in the run's loss, with the batch's 1/N
 * @param loss      the sample's loss in the run's loss (0 exactly when collapsed under softmax CE)
 */
public record SampleAnatomy(int sample, int target, int predicted, double[] logits, Precision precision,
                            double[] expTerms, double sumExp, int absorbed, double top2Gap,
                            double[] gradient, double loss) {

    /** The SC test's verdict: the sum in the precision is exactly 1. */
    public boolean collapsed() { return sumExp == 1.0; }

    /** Σ exp(z − max) as the loss computes it: in float32 for fp16/bf16 (see {@link SoftmaxCollapse#lossPathSum}). */
    public double lossPathSum() { return SoftmaxCollapse.lossPathSum(logits, logits.length, precision); }

    static SampleAnatomy of(int sample, int target, double[] z, Precision p, double[] gradient, double loss) {
        int classes = z.length;
        int argmax = CollapseTrainer.argmax(z, classes);
        double max = Rounding.round(p, z[argmax]);
        double[] terms = new double[classes];
        double halfUlp = p.unitRoundoff();
        int absorbed = 0;
        for (int j = 0; j < classes; j++) {
            terms[j] = Rounding.round(p, Math.exp(Rounding.round(p, Rounding.round(p, z[j]) - max)));
            if (j != argmax && terms[j] <= halfUlp) absorbed++;
        }
        return new SampleAnatomy(sample, target, argmax, z.clone(), p, terms, SoftmaxCollapse.sumExp(z, classes, p),
                absorbed, SoftmaxCollapse.top2Gap(z, classes), gradient.clone(), loss);
    }
}
