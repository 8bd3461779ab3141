package lab.softmax.engine.attention;

/** One training step of one model, for live plots: the batch's length n, its loss and the mean needle weight. */
public record NeedleStep(NeedleMode mode, int step, int n, double loss, double batchNeedleWeight, double slope,
                         double weightNorm) { }
