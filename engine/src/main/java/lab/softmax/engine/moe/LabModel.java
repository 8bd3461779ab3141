package lab.softmax.engine.moe;

/**
 * The lab's true model (d = 1, x ~ U[0, 1], k* = 3, K* = 2; the last expert is the reference):
 *
 * <pre>
 *   expert          β_0   β_1    a    b     ν (variance)
 *   E1 "shared"      1     0    −4    2    0.10
 *   E2              −4     8     5   −1    0.15
 *   E3 (reference)   0     0     2   −3    0.20
 * </pre>
 * E1's logit exceeds the third-ranked logit by at least 1 &gt; ln 2 everywhere on [0, 1], so the top-2 set is {E1, E3}
 * for x &lt; ½ and {E1, E2} for x &gt; ½. Splitting E1 into two copies with β_0 = 1 − ln 2 each gives a k = 4 model
 * with the same density when K = 3 (both copies always active): the over-specified fit. With K = 2 the two copies
 * crowd E3 out for x &lt; ½ and the density of that start is wrong, but the k = 4, K = 2 model still contains the
 * truth ({@link #withIdleExpert}), so K = 2 is not too small for it; K &lt; K* = 2 is.
 */
public final class LabModel {
    private LabModel() { }

    /** The true model, k* = 3, K* = 2. */
    public static GaussianMoe truth() {
        return GaussianMoe.of1d(new double[] {1, -4, 0}, new double[] {0, 8, 0}, new double[] {-4, 5, 2},
                new double[] {2, -1, -3}, new double[] {0.10, 0.15, 0.20}, 2);
    }

    /** The truth with E1 split into two equal copies (experts 0 and 1), k = 4, with the given K. */
    public static GaussianMoe split(int topK) {
        double h = 1 - Math.log(2);
        return GaussianMoe.of1d(new double[] {h, h, -4, 0}, new double[] {0, 0, 8, 0}, new double[] {-4, -4, 5, 2},
                new double[] {2, 2, -1, -3}, new double[] {0.10, 0.10, 0.15, 0.20}, topK);
    }

    /**
     * The truth plus an idle fourth expert (index 0, gate (β_0, β_1) = (−10, 0), any a, b, ν), k = 4, with the given K.
     * On [0, 1] the truth's second-largest logit is ≥ 0 &gt; −10, so for K ≤ 2 the idle expert is never in the top-K set
     * and the density equals the truth's: the k = 4, K = 2 model of the "K too small" control contains the truth.
     */
    public static GaussianMoe withIdleExpert(int topK) {
        return GaussianMoe.of1d(new double[] {-10, 1, -4, 0}, new double[] {0, 0, 8, 0}, new double[] {0, -4, 5, 2},
                new double[] {0, 2, -1, -3}, new double[] {1, 0.10, 0.15, 0.20}, topK);
    }
}
