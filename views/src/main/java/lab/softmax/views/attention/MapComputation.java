package lab.softmax.views.attention;

import lab.softmax.engine.attention.FastAttention;
import lab.softmax.engine.attention.HeadResult;

/**
 * One recomputed attention map of the shown head, ready to draw: the full weights (for the hovered
 * row) and per-row metrics, plus the map reduced to at most {@link #MAX_CELLS}² cells, each the
 * largest weight of its k×k block of (query, key) entries. The logits are not kept (at n = 4096
 * they are another 128 MiB), and the fast path's weights stay floats (64 MiB at n = 4096, not 128).
 *
 * @param weights    the full map, row by row
 * @param cells      [rows·columns] row-major: the block's largest visible weight, {@link #HIDDEN}
 *                   when every entry of the block is masked, NaN when any weight is NaN
 * @param block      k: each cell covers k queries × k keys (1: one cell per entry)
 * @param millis     how long the engine call took (wall clock, on the worker)
 */
public record MapComputation(int queries, int keys, int head, int heads, Weights weights, double[] entropy,
                             double[] entropyOverLogN, double[] maxWeight, double[] queryTau, int[] exactZeros,
                             int[] visible, int nanRows, float[] cells, int rows, int columns, int block, double millis,
                             String source) {
    /** Most cells per side of the reduced map; larger maps are reduced by the max over k×k blocks. */
    public static final int MAX_CELLS = 512;
    /** Cell value of a block whose entries are all masked. */
    public static final float HIDDEN = -1f;

    /** The weights of a map: a_ij. */
    @FunctionalInterface
    public interface Weights {
        double get(int i, int j);
    }

    /** Whether key j is hidden from query i. */
    @FunctionalInterface
    private interface Hidden {
        boolean test(int i, int j);
    }

    /**
     * Reduces head {@code r} of the reference path to cells and keeps what the view needs: the weights copied
     * into one array (one large block that a young collection does not copy, where a thousand row arrays would
     * be copied at every collection while the map is shown), not the logits.
     */
    static MapComputation of(HeadResult r, int head, int heads, double millis, String source) {
        double[][] rows = r.weights();
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, flat, i * m, m);
        Weights weights = (i, j) -> flat[i * m + j];
        Cells c = Cells.of(weights, r::hidden, n, m);
        return new MapComputation(n, m, head, heads, weights, r.entropy(), r.entropyOverLogN(), r.maxWeight(), r.queryTau(),
                r.exactZeros(), r.visible(), r.nanRows(), c.values, c.rows, c.columns, c.block, millis, source);
    }

    /** As {@link #of(HeadResult, int, int, double, String)} for the fast path, whose weights stay the forward's floats. */
    static MapComputation of(FastAttention.FloatHead r, int head, int heads, double millis, String source) {
        FastAttention.Forward f = r.forward();
        int[] visible = r.visible();
        Weights weights = f::weight;
        Cells c = Cells.of(weights, (i, j) -> j >= visible[i], f.n(), f.m());
        return new MapComputation(f.n(), f.m(), head, heads, weights, r.entropy(), r.entropyOverLogN(), r.maxWeight(),
                r.queryTau(), r.exactZeros(), visible, r.nanRows(), c.values, c.rows, c.columns, c.block, millis, source);
    }

    /** The map reduced to at most MAX_CELLS per side by the max over k×k blocks. */
    private record Cells(float[] values, int rows, int columns, int block) {
        static Cells of(Weights w, Hidden hidden, int n, int m) {
            int block = blockSize(Math.max(n, m));
            int rows = (n + block - 1) / block;
            int columns = (m + block - 1) / block;
            float[] cells = new float[rows * columns];
            java.util.Arrays.fill(cells, HIDDEN);
            for (int i = 0; i < n; i++) {
                int row = (i / block) * columns;
                for (int j = 0; j < m; j++) {
                    if (hidden.test(i, j)) continue;
                    int c = row + j / block;
                    double v = w.get(i, j);
                    if (Double.isNaN(v) || Float.isNaN(cells[c])) {
                        cells[c] = Float.NaN;
                    } else if (v > cells[c]) {
                        cells[c] = (float) v;
                    }
                }
            }
            return new Cells(cells, rows, columns, block);
        }
    }

    /** The smallest k with ⌈size/k⌉ ≤ {@link #MAX_CELLS}. */
    static int blockSize(int size) {
        return Math.max(1, (size + MAX_CELLS - 1) / MAX_CELLS);
    }

    public float cell(int row, int column) { return cells[row * columns + column]; }

    /** a_ij. */
    public double weight(int i, int j) { return weights.get(i, j); }

    /** Row i's weights (a copy). */
    public double[] row(int i) {
        double[] r = new double[keys];
        for (int j = 0; j < keys; j++) r[j] = weights.get(i, j);
        return r;
    }

    public double meanEntropyOverLogN() { return mean(entropyOverLogN); }

    public double meanMaxWeight() { return mean(maxWeight); }

    public int totalExactZeros() {
        int s = 0;
        for (int z : exactZeros) s += z;
        return s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
