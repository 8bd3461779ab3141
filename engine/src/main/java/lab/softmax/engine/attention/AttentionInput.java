package lab.softmax.engine.attention;

import java.util.List;
import lab.softmax.engine.io.InputException;

/**
 * Validated queries, keys and values: Q is [n][h·d_h], K is [m][h·d_h], V is [m][h·d_v]; head h
 * owns the columns [h·d_h, (h+1)·d_h) (and likewise for V). An optional additive mask pattern
 * [n][m] holds 0 (or any finite bias) for a visible key and -Infinity for a hidden one.
 * Every problem is an {@link InputException} naming the source, the field with its index and
 * the value.
 */
public record AttentionInput(String source, double[][] q, double[][] k, double[][] v, int heads, double[][] pattern) {
    /** Most attention weights one computation keeps (h·n·m doubles, 256 MiB); larger inputs are refused. */
    public static final long MAX_WEIGHTS = 1L << 25;

    public AttentionInput {
        source = source == null ? "" : source;
        if (heads < 1) throw new InputException(source, "heads", heads + " must be >= 1");
        int dq = width(q, "q", source);
        int dk = width(k, "k", source);
        int dv = width(v, "v", source);
        if (k.length == 0) throw new InputException(source, "k", "empty context: no keys");
        if (dq != dk) {
            throw new InputException(source, "k", "rows have " + dk + " entries but q rows have " + dq + " (d must match)");
        }
        if (v.length != k.length) {
            throw new InputException(source, "v", v.length + " rows but k has " + k.length + " (one value per key)");
        }
        if (dq % heads != 0) throw new InputException(source, "q", "width " + dq + " is not a multiple of heads = " + heads);
        if (dv % heads != 0) throw new InputException(source, "v", "width " + dv + " is not a multiple of heads = " + heads);
        long cells = (long) heads * q.length * k.length;
        if (cells > MAX_WEIGHTS) {
            throw new InputException(source, "k", "h·n·m = " + heads + "·" + q.length + "·" + k.length + " = " + cells
                    + " weights exceed the limit of " + MAX_WEIGHTS);
        }
        if (pattern != null) {
            if (pattern.length != q.length) {
                throw new InputException(source, "mask", pattern.length + " rows but q has " + q.length);
            }
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i] == null || pattern[i].length != k.length) {
                    throw new InputException(source, "mask[" + i + "]",
                            (pattern[i] == null ? 0 : pattern[i].length) + " entries but k has " + k.length + " rows");
                }
                for (int j = 0; j < k.length; j++) {
                    double b = pattern[i][j];
                    if (Double.isNaN(b) || b == Double.POSITIVE_INFINITY) {
                        throw new InputException(source, "mask[" + i + "][" + j + "]", b + " is not allowed (0 shows a key, -Infinity hides it)");
                    }
                }
            }
            pattern = deepCopy(pattern);
        }
        q = deepCopy(q);
        k = deepCopy(k);
        v = deepCopy(v);
    }

    /** One head: Q [n][d], K [m][d], V [m][d_v], no pattern. */
    public static AttentionInput of(double[][] q, double[][] k, double[][] v) {
        return new AttentionInput("", q, k, v, 1, null);
    }

    /** Heads given separately (each [n][d_h], [m][d_h], [m][d_v]), concatenated column-wise. */
    public static AttentionInput perHead(String source, List<double[][]> q, List<double[][]> k, List<double[][]> v,
                                         double[][] pattern) {
        if (q.isEmpty() || q.size() != k.size() || q.size() != v.size()) {
            throw new InputException(source, "heads", "q, k and v must list the same number (>= 1) of heads");
        }
        return new AttentionInput(source, concat(q, "q", source), concat(k, "k", source), concat(v, "v", source), q.size(), pattern);
    }

    /**
     * Q = X W_q, K = X W_k, V = X W_v (self-attention), with X [n][d_model] and each W [d_model][width].
     */
    public static AttentionInput fromProjections(String source, double[][] x, double[][] wq, double[][] wk, double[][] wv,
                                                 int heads, double[][] pattern) {
        int d = width(x, "x", source);
        if (x.length == 0) throw new InputException(source, "x", "empty context: no tokens");
        double[][] q = project(x, wq, d, "w_q", source);
        double[][] k = project(x, wk, d, "w_k", source);
        double[][] v = project(x, wv, d, "w_v", source);
        return new AttentionInput(source, q, k, v, heads, pattern);
    }

    public int queries() { return q.length; }

    public int keys() { return k.length; }

    public int headDim() { return q[0].length / heads; }

    public int valueDim() { return v[0].length / heads; }

    /** Q and K come from the same tokens (n = m), so value temperatures can reuse the queries. */
    public boolean selfAttention() { return q.length == k.length; }

    @Override
    public double[][] q() { return deepCopy(q); }

    @Override
    public double[][] k() { return deepCopy(k); }

    @Override
    public double[][] v() { return deepCopy(v); }

    @Override
    public double[][] pattern() { return pattern == null ? null : deepCopy(pattern); }

    double[][] rawQ() { return q; }

    double[][] rawK() { return k; }

    double[][] rawV() { return v; }

    double[][] rawPattern() { return pattern; }

    private static double[][] project(double[][] x, double[][] w, int d, String field, String source) {
        int out = width(w, field, source);
        if (w.length != d) {
            throw new InputException(source, field, w.length + " rows but x rows have " + d + " entries (W is [d_model][width])");
        }
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int r = 0; r < d; r++) {
                double xr = x[i][r];
                for (int c = 0; c < out; c++) y[i][c] += xr * w[r][c];
            }
        }
        return y;
    }

    private static double[][] concat(List<double[][]> parts, String field, String source) {
        int rows = -1;
        int total = 0;
        for (int h = 0; h < parts.size(); h++) {
            String f = field + "[" + h + "]";
            int w = width(parts.get(h), f, source);
            if (rows >= 0 && parts.get(h).length != rows) {
                throw new InputException(source, f, parts.get(h).length + " rows but head 0 has " + rows);
            }
            rows = parts.get(h).length;
            total += w;
        }
        double[][] out = new double[rows][total];
        int col = 0;
        for (double[][] part : parts) {
            for (int i = 0; i < rows; i++) System.arraycopy(part[i], 0, out[i], col, part[i].length);
            col += part.length == 0 ? 0 : part[0].length;
        }
        return out;
    }

    /** Checks a rectangular matrix of finite numbers; returns its row width (0 for no rows, which callers reject). */
    static int width(double[][] a, String field, String source) {
        if (a == null) throw new InputException(source, field, "missing");
        if (a.length == 0) {
            throw new InputException(source, field, "empty context: no rows");
        }
        int w = -1;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length == 0) throw new InputException(source, field + "[" + i + "]", "empty row");
            if (w >= 0 && a[i].length != w) {
                throw new InputException(source, field + "[" + i + "]", "ragged: " + a[i].length + " entries, row 0 has " + w);
            }
            w = a[i].length;
            for (int j = 0; j < w; j++) {
                double x = a[i][j];
                if (!Double.isFinite(x)) {
                    throw new InputException(source, field + "[" + i + "][" + j + "]", x + " is not allowed (use the mask for -Infinity)");
                }
            }
        }
        return w;
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
