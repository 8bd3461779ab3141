package lab.softmax.engine.attention;

/**
 * One head's attention map with its per-row metrics. Arrays are the computation's own (not
 * copied): treat them as read-only.
 *
 * <p>An all-masked row (no visible key) has all-zero weights, a zero output, entropy 0,
 * normalised entropy 0, max weight 0 and no exact zeros counted: defined, never NaN.
 *
 * @param logits          the row as normalised: τ_i·g_ij/T (length-scaled when chosen), -Infinity where hidden;
 *                        null from {@link FastAttention#head}, whose hidden keys are those at or beyond visible[i]
 * @param weights         [n][m] attention weights; hidden keys are exactly 0
 * @param queryTau        τ_i per row (1 without SSA)
 * @param valueTau        τ_v,j per key, or null without a value temperature
 * @param entropy         −Σ a ln a in nats per row (0 ln 0 = 0)
 * @param entropyOverLogN entropy / ln n_visible (0 when n_visible ≤ 1)
 * @param maxWeight       largest weight per row
 * @param markedWeight    weight on the marked key per row (NaN when no key is marked)
 * @param exactZeros      visible keys whose weight is exactly 0 (sparsemax support, underflow)
 * @param visible         number of visible keys per row
 * @param output          [n][d_v] this head's Σ_j a_ij τ_v,j v_j
 */
public record HeadResult(double[][] logits, double[][] weights, double[] queryTau, double[] valueTau, double[] entropy,
                         double[] entropyOverLogN, double[] maxWeight, double[] markedWeight, int[] exactZeros,
                         int[] visible, double[][] output) {

    /** Whether key j is hidden from query i (masked: its weight is 0 by definition, not by rounding). */
    public boolean hidden(int i, int j) {
        return logits == null ? j >= visible[i] : logits[i][j] == Double.NEGATIVE_INFINITY;
    }

    /** Rows with at least one NaN weight (an overflow shown as data, e.g. fp16 without the max shift). */
    public int nanRows() {
        int count = 0;
        for (double[] row : weights) {
            for (double w : row) {
                if (Double.isNaN(w)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
