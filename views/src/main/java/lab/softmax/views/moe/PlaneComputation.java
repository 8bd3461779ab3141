package lab.softmax.views.moe;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.moe.GatePlane;
import lab.softmax.engine.moe.Gates;
import lab.softmax.engine.moe.Router;
import lab.softmax.engine.moe.TopK;

/**
 * One picture of the Plane tab, computed off the FX thread: the engine's frame ({@link GatePlane#evaluate}) of the gates
 * with the shift c and scale a applied to every logit (l → a·l + c) at temperature T, its pixels already coloured, and
 * the partition check: the same frame's set ids compared pixel by pixel with those of the raw logits (T = 1, no shift,
 * no scale).
 *
 * @param argb       the coloured pixels, row-major, row 0 on top
 * @param sets       the active sets that appear, largest area first
 * @param checked    whether anything was applied (T ≠ 1, a ≠ 1 or c ≠ 0), so the check compared two frames
 * @param differing  pixels whose active set differs from the raw logits' (0: the partition is unchanged)
 * @param millis     the frame and its colouring
 * @param checkMillis the raw logits' frame of the check (0 when reused or not needed)
 */
record PlaneComputation(GatePlane.Frame frame, int[] argb, GatePlane.Rect rect, int experts, int topK, int chosen,
                        Router router, double temperature, double shift, double scale, List<SetArea> sets,
                        boolean checked, int differing, double millis, double checkMillis) {
    /** Side of the computed frame in pixels. */
    static final int SIZE = 400;

    /** One active set: its members (ascending), colour and share of the plane's pixels. */
    record SetArea(int id, int[] members, int argb, double fraction) { }

    /** The inputs of one computation, read on the FX thread. */
    record Inputs(double[][] weights, double[] biases, int topK, double temperature, Router router, int chosen,
                  double shift, double scale, boolean shade, GatePlane.Rect rect, int size) {
        boolean transformed() { return temperature != 1 || shift != 0 || scale != 1; }
    }

    /** The raw logits' frame of the last check, kept while the gates, K and the rectangle stay the same. */
    static final class ReferenceCache {
        private double[][] weights;
        private double[] biases;
        private int topK;
        private GatePlane.Rect rect;
        private int size;
        private int[] setId;

        synchronized int[] get(Inputs in, Gates raw, long[] nanos) {
            if (setId != null && topK == in.topK() && size == in.size() && in.rect().equals(rect)
                    && java.util.Arrays.deepEquals(weights, in.weights()) && java.util.Arrays.equals(biases, in.biases())) {
                return setId;
            }
            long t0 = System.nanoTime();
            GatePlane.Frame f = GatePlane.evaluate(raw, in.topK(), 1, Router.TOPK_SOFTMAX, 0, in.rect(), in.size(), in.size());
            nanos[0] = System.nanoTime() - t0;
            weights = in.weights();
            biases = in.biases();
            topK = in.topK();
            rect = in.rect();
            size = in.size();
            setId = f.setId;
            return setId;
        }
    }

    static PlaneComputation compute(Inputs in, ReferenceCache cache) {
        long t0 = System.nanoTime();
        int k = in.biases().length;
        double[][] w = new double[k][2];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            w[i][0] = in.scale() * in.weights()[i][0];
            w[i][1] = in.scale() * in.weights()[i][1];
            b[i] = in.scale() * in.biases()[i] + in.shift();
        }
        GatePlane.Frame f = new GatePlane.Frame(in.size(), in.size());
        GatePlane.evaluate(new Gates(w, b), in.topK(), in.temperature(), in.router(), in.chosen(), in.rect(), f);
        int n = f.setId.length;
        int count = (int) TopK.choose(k, in.topK());
        int[] colour = new int[count];
        int[][] members = new int[count][];
        int[] area = new int[count];
        int[] argb = new int[n];
        int side = in.size();
        for (int p = 0; p < n; p++) {
            int id = f.setId[p];
            if (members[id] == null) {
                members[id] = TopK.unrank(id, k, in.topK());
                colour[id] = SetColours.set(members[id]);
            }
            area[id]++;
            int c = p % side;
            int r = p / side;
            boolean edge = (c + 1 < side && f.top1[p + 1] != f.top1[p]) || (r + 1 < side && f.top1[p + side] != f.top1[p]);
            argb[p] = edge ? SetColours.BOUNDARY : in.shade() ? SetColours.shade(colour[id], f.weight[p]) : colour[id];
        }
        List<SetArea> sets = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            if (area[id] > 0) sets.add(new SetArea(id, members[id], colour[id], area[id] / (double) n));
        }
        sets.sort((x, y) -> Double.compare(y.fraction(), x.fraction()));
        double millis = (System.nanoTime() - t0) / 1e6;
        int differing = 0;
        long[] checkNanos = {0};
        if (in.transformed()) {
            int[] ref = cache.get(in, new Gates(in.weights(), in.biases()), checkNanos);
            for (int p = 0; p < n; p++) {
                if (ref[p] != f.setId[p]) differing++;
            }
        }
        return new PlaneComputation(f, argb, in.rect(), k, in.topK(), in.chosen(), in.router(), in.temperature(),
                in.shift(), in.scale(), sets, in.transformed(), differing, millis, checkNanos[0] / 1e6);
    }

    /** The chosen expert's weight along pixel row r (left to right). */
    double[] weightRow(int r) {
        double[] v = new double[frame.width];
        for (int c = 0; c < v.length; c++) v[c] = frame.weight[r * frame.width + c];
        return v;
    }

    /** The plane's y at the centre of pixel row r. */
    double rowY(int r) { return rect.yMax() - (r + 0.5) * (rect.yMax() - rect.yMin()) / frame.height; }

    /** The plane's x at the centre of pixel column c. */
    double columnX(int c) { return rect.xMin() + (c + 0.5) * (rect.xMax() - rect.xMin()) / frame.width; }
}
