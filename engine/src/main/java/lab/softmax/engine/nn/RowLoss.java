package lab.softmax.engine.nn;

/**
 * A per-sample classification loss on one row of logits, with its gradient for a mean-reduced
 * batch. Implementations may keep scratch buffers: use one instance per thread.
 */
public interface RowLoss {
    /**
     * @param z         the sample's logits (values of the model's precision)
     * @param target    the correct class
     * @param batchSize N of the mean reduction; the gradient includes the 1/N
     * @param grad      receives dL/dz (already divided by N), or null when only the loss is wanted
     * @return the sample's loss as computed in the loss precision (exactly 0 for a collapsed sample)
     */
    double evaluate(double[] z, int classes, int target, int batchSize, double[] grad);

    /**
     * {@link #evaluate} on one row of a row-major float matrix: the logits are
     * logits[offset .. offset + classes), the gradient (rounded to float) goes to the same
     * positions of grad (null for the loss only). Same results as evaluate.
     */
    double evaluate(float[] logits, int offset, int classes, int target, int batchSize, float[] grad);
}
