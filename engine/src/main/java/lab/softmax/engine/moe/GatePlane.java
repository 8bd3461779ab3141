package lab.softmax.engine.moe;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import lab.softmax.engine.io.InputException;

/**
 * The 2-D gating picture: on a W×H grid over a rectangle of the input plane, per pixel the top-K set (as a stable id),
 * the top-1 expert and the within-region weight of one chosen expert. Pixel (c, r) sits at the centre of its cell:
 * x = xMin + (c + ½)(xMax − xMin)/W, y = yMax − (r + ½)(yMax − yMin)/H (row 0 at the top, as an image).
 *
 * <p>The logits are divided by the temperature T before routing (softmax(l/T), as in every lab); a positive factor
 * never changes a top-K set, so the partition is the same at every temperature and only the weights change (the sets
 * are ranked on the logits before the division, so that holds bit for bit). Ties: the lowest index wins.
 * One call fills a reusable {@link Frame}; nothing is shared between calls, so frames may be computed on any thread.
 *
 * <p>A row is evaluated in blocks of {@link LaneMath#S} pixels: neighbouring pixels nearly always share their set, so a
 * block whose pixels all keep the previous block's set (one compare per member–outsider pair) is computed in SIMD
 * lanes; a block that straddles a region boundary pixel by pixel.
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

    private static final VectorSpecies<Double> S = LaneMath.S;
    private static final int L = S.length();

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
        new Rows(gates, topK, 1 / temperature, router == Router.SOFTMAX_TOPK, chosen, rect, out).run();
    }

    /** The state of one evaluation: parameters, the current set, scratch. */
    private static final class Rows {
        private final int k, topK, chosen, width, height;
        private final double invT;
        /** softmax-topk weighs by the dense softmax; softmax-topk-renorm equals topk-softmax (p_c / Σ_A p_a = e^{l_c} / Σ_A e^{l_a}). */
        private final boolean dense;
        private final double[] w0, w1, b, xs;
        private final Rect rect;
        private final Frame out;
        private final double[] base, logits, scratch, pixel, best;
        private final int[] active, outside;
        private long mask;   // the current set; 0: none yet
        private int id;

        Rows(Gates gates, int topK, double invT, boolean dense, int chosen, Rect rect, Frame out) {
            k = gates.experts();
            this.topK = topK;
            this.invT = invT;
            this.dense = dense;
            this.chosen = chosen;
            this.rect = rect;
            this.out = out;
            width = out.width;
            height = out.height;
            w0 = new double[k];
            w1 = new double[k];
            b = new double[k];
            for (int i = 0; i < k; i++) {
                w0[i] = gates.weight(i, 0);
                w1[i] = gates.weight(i, 1);
                b[i] = gates.bias(i);
            }
            double dx = (rect.xMax() - rect.xMin()) / width;
            xs = new double[width];
            for (int c = 0; c < width; c++) xs[c] = rect.xMin() + (c + 0.5) * dx;
            base = new double[k];
            logits = new double[k * L];
            scratch = new double[(k + 1) * L];
            best = new double[2 * L];
            pixel = new double[k];
            active = new int[topK];
            outside = new int[k - topK];
        }

        void run() {
            double dy = (rect.yMax() - rect.yMin()) / height;
            int upper = S.loopBound(width);
            for (int r = 0; r < height; r++) {
                double y = rect.yMax() - (r + 0.5) * dy;
                for (int i = 0; i < k; i++) base[i] = Math.fma(w1[i], y, b[i]);
                int row = r * width;
                for (int c = 0; c < upper; c += L) {
                    DoubleVector xv = DoubleVector.fromArray(S, xs, c);
                    for (int i = 0; i < k; i++) xv.lanewise(VectorOperators.FMA, w0[i], base[i]).intoArray(logits, i * L);
                    if (mask != 0 && MoeLikelihood.sameSet(logits, active, outside)) block(row + c);
                    else for (int p = 0; p < L; p++) pixel(row + c + p, xs[c + p]);
                }
                for (int c = upper; c < width; c++) pixel(row + c, xs[c]);
            }
        }

        /** L pixels from p, all in the current set, with their logits in {@link #logits}. */
        private void block(int p) {
            // top-1: the first maximum (ties: lower index)
            DoubleVector bestV = DoubleVector.fromArray(S, logits, 0);
            DoubleVector bestI = DoubleVector.zero(S);
            for (int i = 1; i < k; i++) {
                DoubleVector li = DoubleVector.fromArray(S, logits, i * L);
                VectorMask<Double> above = li.compare(VectorOperators.GT, bestV);
                bestV = bestV.blend(li, above);
                bestI = bestI.blend(i, above);
            }
            bestI.intoArray(best, 0);
            for (int q = 0; q < L; q++) {
                out.setId[p + q] = id;
                out.top1[p + q] = (byte) best[q];
            }
            if ((mask & (1L << chosen)) == 0) {
                java.util.Arrays.fill(out.weight, p, p + L, 0f);
                return;
            }
            // weight of the chosen expert: e^{(l_c − max)/T} / Σ e^{(l_a − max)/T} over the set (or all k when dense)
            int terms = 0;
            int at = -1;
            for (int i = 0; i < k; i++) {
                if (!dense && (mask & (1L << i)) == 0) continue;
                if (i == chosen) at = terms;
                DoubleVector.fromArray(S, logits, i * L).sub(bestV).mul(invT).intoArray(scratch, terms * L);
                terms++;
            }
            LaneMath.expNonPositive(scratch, 0, terms * L);
            DoubleVector sum = DoubleVector.fromArray(S, scratch, 0);
            for (int q = 1; q < terms; q++) sum = sum.add(DoubleVector.fromArray(S, scratch, q * L));
            DoubleVector.fromArray(S, scratch, at * L).div(sum).intoArray(best, L);
            for (int q = 0; q < L; q++) out.weight[p + q] = (float) best[L + q];
        }

        /** One pixel on its own (x its column's centre); its logits are recomputed the way {@link #run} does. */
        private void pixel(int p, double x) {
            int top = 0;
            for (int i = 0; i < k; i++) {
                pixel[i] = Math.fma(x, w0[i], base[i]);
                if (pixel[i] > pixel[top]) top = i;
            }
            if (!stillTop(pixel, k, mask)) {
                mask = TopK.mask(pixel, k, topK);
                id = TopK.rank(mask);
                for (int i = 0, a = 0, o = 0; i < k; i++) {
                    if ((mask & (1L << i)) != 0) active[a++] = i;
                    else outside[o++] = i;
                }
            }
            float wc = 0;
            if ((mask & (1L << chosen)) != 0) {
                double mx = pixel[top];
                double s = 0;
                for (int i = 0; i < k; i++) {
                    if (dense || (mask & (1L << i)) != 0) s += LaneMath.expNonPositive((pixel[i] - mx) * invT);
                }
                wc = (float) (LaneMath.expNonPositive((pixel[chosen] - mx) * invT) / s);
            }
            out.setId[p] = id;
            out.top1[p] = (byte) top;
            out.weight[p] = wc;
        }
    }

}
