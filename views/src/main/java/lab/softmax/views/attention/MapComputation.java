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

    /** The weights of a map: a_ij, and whether key j is hidden from query i. */
    public interface Weights {
        double get(int i, int j);

        boolean hidden(int i, int j);
    }

    /** Reduces head {@code r} of the reference path to cells and keeps what the view needs. */
    static MapComputation of(HeadResult r, int head, int heads, double millis, String source) {
        double[][] w = r.weights();
        Weights weights = new Weights() {
            @Override public double get(int i, int j) { return w[i][j]; }

            @Override public boolean hidden(int i, int j) { return r.hidden(i, j); }
        };
        int n = w.length;
        int m = n == 0 ? 0 : w[0].length;
        Cells c = Cells.of(weights, n, m);
        return new MapComputation(n, m, head, heads, weights, r.entropy(), r.entropyOverLogN(), r.maxWeight(), r.queryTau(),
                r.exactZeros(), r.visible(), r.nanRows(), c.values, c.rows, c.columns, c.block, millis, source);
    }

    /** As {@link #of(HeadResult, int, int, double, String)} for the fast path, whose weights stay floats. */
    static MapComputation of(FastAttention.FloatHead r, int head, int heads, double millis, String source) {
        FastAttention.Forward f = r.forward();
        int[] visible = r.visible();
        Weights weights = new Weights() {
            @Override public double get(int i, int j) { return f.weight(i, j); }

            @Override public boolean hidden(int i, int j) { return j >= visible[i]; }
        };
        Cells c = Cells.of(weights, f.n(), f.m());
        return new MapComputation(f.n(), f.m(), head, heads, weights, r.entropy(), r.entropyOverLogN(), r.maxWeight(),
                r.queryTau(), r.exactZeros(), visible, r.nanRows(), c.values, c.rows, c.columns, c.block, millis, source);
    }

    /** The map reduced to at most MAX_CELLS per side by the max over k×k blocks. */
    private record Cells(float[] values, int rows, int columns, int block) {
        static Cells of(Weights w, int n, int m) {
            int block = blockSize(Math.max(n, m));
            int rows = (n + block - 1) / block;
            int columns = (m + block - 1) / block;
            float[] cells = new float[rows * columns];
            java.util.Arrays.fill(cells, HIDDEN);
            for (int i = 0; i < n; i++) {
                int row = (i / block) * columns;
                for (int j = 0; j < m; j++) {
                    if (w.hidden(i, j)) continue;
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
