package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;

/**
 * The 2-D gating picture: on a W×H grid over a rectangle of the input plane, per pixel the top-K set (as a stable id),
 * the top-1 expert and the within-region weight of one chosen expert. Pixel (c, r) sits at the centre of its cell:
 * x = xMin + (c + ½)(xMax − xMin)/W, y = yMax − (r + ½)(yMax − yMin)/H (row 0 at the top, as an image).
 *
 * <p>The logits are divided by the temperature T before routing (softmax(l/T), as in every lab); a positive factor
 * never changes a top-K set, so the partition is the same at every temperature and only the weights change. Ties: the lowest index wins.
 * One call fills a reusable {@link Frame}; nothing is shared between calls, so frames may be computed on any thread.
 */
public final class GatePlane {
    private GatePlane() { }

    /** A rectangle of the input plane. */
    public record Rect(double xMin, double xMax, double yMin, double yMax) {
        public Rect {
            if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax)) throw new InputException("rect", "x range " + xMin + ".." + xMax + " is empty or not finite");
            if (!(Double.isFinite(yMin) && Double.isFinite(yMax) && yMin < yMax)) throw new InputException("rect", "y range " + yMin + ".." + yMax + " is empty or not finite");
        }
    }

    /**
     * One picture. setId: colexicographic rank of the active set (0..C(k,K)−1; {@link TopK#unrank} gives the set),
     * top1: argmax expert, weight: the chosen expert's routed weight (0 outside its regions). Row-major, row 0 on top.
     */
    public static final class Frame {
        public final int width;
        public final int height;
        public final int[] setId;
        public final byte[] top1;
        public final float[] weight;

        public Frame(int width, int height) {
            if (width < 1 || height < 1 || (long) width * height > 1 << 26) throw new IllegalArgumentException("frame: " + width + "×" + height + " is not a usable size");
            this.width = width;
            this.height = height;
            this.setId = new int[width * height];
            this.top1 = new byte[width * height];
            this.weight = new float[width * height];
        }
    }

    /** Whether the set in mask (K members) is still the top-K of l under the ranking of {@link TopK}. */
    private static boolean stillTop(double[] l, int k, long mask) {
        if (mask == 0) return false;
        double weakV = Double.POSITIVE_INFINITY;
        int weakI = -1;
        double strongV = Double.NEGATIVE_INFINITY;
        int strongI = Integer.MAX_VALUE;
        boolean outsider = false;
        for (int i = 0; i < k; i++) {
            double v = l[i];
            if ((mask & (1L << i)) != 0) {
                if (v < weakV || (v == weakV && i > weakI)) {
                    weakV = v;
                    weakI = i;
                }
            } else {
                outsider = true;
                if (v > strongV || (v == strongV && i < strongI)) {
                    strongV = v;
                    strongI = i;
                }
            }
        }
        return !outsider || weakV > strongV || (weakV == strongV && weakI < strongI);
    }

    /** Evaluates into a new frame. */
    public static Frame evaluate(Gates gates, int topK, double temperature, Router router, int chosen, Rect rect, int width, int height) {
        Frame f = new Frame(width, height);
        evaluate(gates, topK, temperature, router, chosen, rect, f);
        return f;
    }

    /** Evaluates into the given frame (reuse one per view to avoid garbage while a slider moves). */
    public static void evaluate(Gates gates, int topK, double temperature, Router router, int chosen, Rect rect, Frame out) {
        int k = gates.experts();
        if (gates.dimension() != 2) throw new IllegalArgumentException("gates: the plane needs dimension 2, not " + gates.dimension());
        if (k > 63) throw new IllegalArgumentException("gates: at most 63 experts in the plane");
        TopK.requireK(topK, k);
        if (chosen < 0 || chosen >= k) throw new IllegalArgumentException("chosen expert: " + chosen + " is outside 0.." + (k - 1));
        if (!(temperature > 0) || !Double.isFinite(temperature)) throw new IllegalArgumentException("temperature: " + temperature + " must be finite and > 0");
        int w = out.width;
        int h = out.height;
        double dx = (rect.xMax() - rect.xMin()) / w;
        double dy = (rect.yMax() - rect.yMin()) / h;
        double[] w0 = new double[k];
        double[] w1 = new double[k];
        double[] b = new double[k];
        double scale = 1 / temperature;   // the logits are divided by T
        for (int i = 0; i < k; i++) {
            w0[i] = scale * gates.weight(i, 0);
            w1[i] = scale * gates.weight(i, 1);
            b[i] = scale * gates.bias(i);
        }
        double[] l = new double[k];
        int[] active = new int[topK];
        // softmax-topk-renorm equals topk-softmax (p_c / Σ_A p_a = e^{l_c} / Σ_A e^{l_a}); the plane computes it the cheaper way.
        boolean dense = router == Router.SOFTMAX_TOPK;
        long mask = 0; // no set yet: stillTop fails and the first pixel ranks everything
        int id = 0;
        for (int r = 0; r < h; r++) {
            double y = rect.yMax() - (r + 0.5) * dy;
            int row = r * w;
            for (int c = 0; c < w; c++) {
                double x = rect.xMin() + (c + 0.5) * dx;
                int best = 0;
                for (int i = 0; i < k; i++) {
                    double v = b[i] + w0[i] * x + w1[i] * y;
                    l[i] = v;
                    if (v > l[best]) best = i;
                }
                // Neighbouring pixels nearly always share their set: keep the previous one while its weakest member
                // still outranks the strongest outsider (O(k)); rank everything again only when it does not.
                if (!stillTop(l, k, mask)) {
                    mask = 0;
                    for (int i = 0; i < k; i++) {
                        double li = l[i];
                        int above = 0;
                        for (int j = 0; j < k; j++) {
                            double lj = l[j];
                            if (lj > li || (lj == li && j < i)) above++;
                        }
                        if (above < topK) mask |= 1L << i;
                    }
                    id = TopK.rank(mask);
                    int m = 0;
                    for (int i = 0; i < k; i++) {
                        if ((mask & (1L << i)) != 0) active[m++] = i;
                    }
                }
                float wc = 0;
                if ((mask & (1L << chosen)) != 0) {
                    double mx = l[best];
                    double s = 0;
                    if (dense) {
                        for (int i = 0; i < k; i++) s += Math.exp(l[i] - mx);
                        wc = (float) (Math.exp(l[chosen] - mx) / s);
                    } else {
                        for (int a = 0; a < topK; a++) s += Math.exp(l[active[a]] - mx);
                        wc = (float) (Math.exp(l[chosen] - mx) / s);
                    }
                }
                out.setId[row + c] = id;
                out.top1[row + c] = (byte) best;
                out.weight[row + c] = wc;
            }
        }
    }
}
