package lab.softmax.engine.attention;

import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.RowSoftmax;
import lab.softmax.engine.nn.Matmul;
import lab.softmax.engine.nn.Workers;
import lab.softmax.engine.numeric.Precision;

/**
 * One head's fp32 softmax attention at the speed of the matrix product, for large maps and the
 * benchmark: S = Q̃ Kᵀ and Y = A V with {@link Matmul} (packed panels, vector FMAs), block of queries by
 * block of queries, where each query row is first scaled by τ_i/(T·√d_h) (τ_i = 1 without SSA); each
 * score row is cut to its visible keys (a prefix under full, causal and padding masks) and normalised in
 * place by the Kernels lab's vector softmax; the hidden tail is 0.
 *
 * <p>{@link Attention#compute} stays the reference: it rounds every operation as written, takes any
 * mask, normaliser and precision, and reports every per-row metric. This path differs from its fp32
 * result only by rounding (the scale applied to q before the dot product, fused multiply-adds), which
 * the tests bound. A row with no visible key is all zeros, as there.
 */
public final class FastAttention {
    private FastAttention() { }

    /**
     * Weights (n × ldw, row-major; columns ≥ m are 0) and outputs (n × ldo; columns ≥ dv are 0). Held as
     * float arrays: a 4096 × 4096 map is 64 MB as floats.
     */
    public record Forward(int n, int m, int dv, float[] weights, int ldw, float[] output, int ldo) {
        public float weight(int i, int j) { return weights[i * ldw + j]; }

        public float output(int i, int c) { return output[i * ldo + c]; }
    }

    /**
     * The buffers of a forward, reused by the next forward of the same or a smaller shape (a 4096-key map
     * needs 64 MB of scores: allocating and zeroing them every time costs as much as its softmax rows).
     * The {@link Forward} a call returns views these buffers: it is valid until the next call.
     */
    public static final class Workspace {
        public Workspace() { }

        private float[] scaledQ = new float[0];
        private final Matmul.PackedB keysT = new Matmul.PackedB();
        private final Matmul.PackedB values = new Matmul.PackedB();
        private float[] scores = new float[0];
        private float[] output = new float[0];

        private static float[] atLeast(float[] a, int size) { return a.length >= size ? a : new float[size]; }
    }

    /** Queries per block: a multiple of the product's 5-row tile whose 4096-key score rows (320 KB) stay in L2. */
    static final int ROW_BLOCK = 20;

    /** As {@link #forward(float[], float[], float[], int, int, int, int, double, float[], MaskKind, int, Algorithm, Workers, Workspace)} with fresh buffers. */
    public static Forward forward(float[] q, float[] k, float[] v, int n, int m, int dh, int dv,
                                  double temperature, float[] queryTau, MaskKind mask, int validKeys,
                                  Algorithm algorithm, Workers workers) {
        return forward(q, k, v, n, m, dh, dv, temperature, queryTau, mask, validKeys, algorithm, workers, new Workspace());
    }

    /**
     * Kᵀ and V are packed once into the product's panels; then each block of {@link #ROW_BLOCK} queries
     * goes through Q̃ Kᵀ, its softmax rows and A V while its scores are still in cache (each block holds
     * whole rows, so the softmax is exact). Over the whole map at once, the 64 MB of scores of a 4096-key
     * map would go out to memory and come back twice more (for the rows, then for A V).
     *
     * @param q          n × dh, row-major
     * @param k          m × dh, row-major
     * @param v          m × dv, row-major
     * @param queryTau   τ_i per query (SSA's query temperature), or null for 1
     * @param validKeys  keys visible under {@link MaskKind#PADDING}
     * @param workers    the team the blocks of queries are split between (open it for several threads)
     * @param ws         buffers reused from the previous call; the result views them
     */
    public static Forward forward(float[] q, float[] k, float[] v, int n, int m, int dh, int dv,
                                  double temperature, float[] queryTau, MaskKind mask, int validKeys,
                                  Algorithm algorithm, Workers workers, Workspace ws) {
        return forward(q, k, v, n, m, dh, dv, temperature, queryTau, mask, validKeys, algorithm, workers, ws, ROW_BLOCK);
    }

    static Forward forward(float[] q, float[] k, float[] v, int n, int m, int dh, int dv,
                           double temperature, float[] queryTau, MaskKind mask, int validKeys,
                           Algorithm algorithm, Workers workers, Workspace ws, int rowBlock) {
        check(q.length == (long) n * dh && k.length == (long) m * dh && v.length == (long) m * dv,
                "q, k, v: lengths do not match n × dh, m × dh, m × dv");
        check(n > 0 && m > 0 && dh > 0 && dv > 0, "n, m, dh, dv: must be positive");
        check(temperature > 0 && Double.isFinite(temperature), "temperature: must be a finite number > 0");
        check(queryTau == null || queryTau.length == n, "queryTau: needs one value per query");
        check(mask != MaskKind.PATTERN, "mask: a pattern mask needs Attention.compute");
        int mPad = Matmul.paddedColumns(m);
        int dvPad = Matmul.paddedColumns(dv);
        ws.scaledQ = Workspace.atLeast(ws.scaledQ, n * dh);
        ws.scores = Workspace.atLeast(ws.scores, n * mPad);
        ws.output = Workspace.atLeast(ws.output, n * dvPad);
        float[] scaledQ = scaleQueries(q, n, dh, temperature, queryTau, ws.scaledQ);
        Matmul.PackedB keysT = Matmul.pack(k, 0, 1, dh, dh, m, ws.keysT, workers);
        Matmul.PackedB values = Matmul.pack(v, 0, dv, 1, m, dv, ws.values, workers);
        float[] scores = ws.scores;
        float[] output = ws.output;
        // one row softmax per worker: it keeps its per-row state, so thousands of rows allocate nothing
        RowSoftmax[] rows = new RowSoftmax[workers.threads()];
        for (int t = 0; t < rows.length; t++) rows[t] = RowSoftmax.of(algorithm, Impl.VECTOR);
        workers.forChunks(n, rowBlock, (part, from, to) -> {
            Matmul.multiplyPacked(scaledQ, dh, keysT, scores, mPad, from, to);
            for (int i = from; i < to; i++) {
                int row = i * mPad;
                int visible = visiblePrefix(mask, validKeys, i, m);
                if (visible > 0) rows[part].softmax(scores, scores, row, row + visible);
                java.util.Arrays.fill(scores, row + visible, row + mPad, 0f);
            }
            // A V over the m real keys: the padding columns of the scores are never read
            Matmul.multiplyPacked(scores, mPad, values, output, dvPad, from, to);
        });
        return new Forward(n, m, dv, scores, mPad, output, dvPad);
    }

    /**
     * Whether {@link #head} computes this one-head input and configuration: fp32 softmax with the max
     * shift, a prefix mask (full, causal, padding) and no value temperature. Everything else goes
     * through {@link Attention#compute}.
     */
    public static boolean handles(AttentionInput in, AttentionConfig c) {
        return in.heads() == 1 && c.precision() == Precision.FP32 && c.normalizer() == AttentionNormalizer.SOFTMAX
                && c.subtractMax() && c.mask() != MaskKind.PATTERN && in.rawPattern() == null
                && c.ssa().rawUValue() == null;
    }

    /**
     * One head through the fast path with its weights kept as the forward's floats (a 4096-key map is 64 MB
     * as floats, 128 MB more as doubles) and the per-row metrics of {@link Attention#compute}; hidden keys
     * are those at or beyond {@code visible[i]}.
     */
    public record FloatHead(Forward forward, double[] queryTau, double[] entropy, double[] entropyOverLogN,
                            double[] maxWeight, double[] markedWeight, int[] exactZeros, int[] visible) {
        /** Rows with at least one NaN weight. */
        public int nanRows() {
            int count = 0;
            for (double e : entropy) if (Double.isNaN(e)) count++;
            return count;
        }
    }

    /**
     * The map of a one-head input through the fast path, with the per-row metrics of {@link Attention#compute}.
     * Its {@code logits} are null: hidden keys are those at or beyond {@code visible[i]}.
     */
    public static HeadResult head(AttentionInput in, AttentionConfig c) {
        return head(in, c, Workers.of(1));
    }

    /** As {@link #head(AttentionInput, AttentionConfig)} on a team of threads. */
    public static HeadResult head(AttentionInput in, AttentionConfig c, Workers workers) {
        FloatHead h = floatHead(in, c, workers);
        Forward f = h.forward();
        double[][] weights = new double[f.n()][f.m()];
        double[][] out = new double[f.n()][f.dv()];
        for (int i = 0; i < f.n(); i++) {
            for (int j = 0; j < f.m(); j++) weights[i][j] = f.weight(i, j);
            for (int d = 0; d < f.dv(); d++) out[i][d] = f.output(i, d);
        }
        return new HeadResult(null, weights, h.queryTau(), null, h.entropy(), h.entropyOverLogN(), h.maxWeight(),
                h.markedWeight(), h.exactZeros(), h.visible(), out);
    }

    /** As {@link #head(AttentionInput, AttentionConfig, Workers)} with the weights and outputs left as floats. */
    public static FloatHead floatHead(AttentionInput in, AttentionConfig c, Workers workers) {
        if (!handles(in, c)) throw new IllegalArgumentException("config: the fast path takes fp32 softmax with a prefix mask");
        int n = in.queries();
        int m = in.keys();
        int dh = in.headDim();
        int dv = in.valueDim();
        double[][] rawQ = in.rawQ();
        float[] tau = queryTemperatures(rawQ, c.ssa());
        Forward f = forward(floats(rawQ), floats(in.rawK()), floats(in.rawV()), n, m, dh, dv, c.temperature(), tau,
                c.mask(), c.validKeys(), c.fp32Algorithm(), workers);
        double[] queryTau = new double[n];
        double[] entropy = new double[n];
        double[] overLogN = new double[n];
        double[] max = new double[n];
        double[] marked = new double[n];
        int[] zeros = new int[n];
        int[] visible = new int[n];
        double[] w = new double[m];   // one row in double, as RowMetrics reads it
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) w[j] = f.weight(i, j);
            int shown = visiblePrefix(c.mask(), c.validKeys(), i, m);
            RowMetrics r = RowMetrics.of(w, j -> j >= shown, shown);
            visible[i] = shown;
            queryTau[i] = tau == null ? 1.0 : tau[i];
            entropy[i] = r.entropy();
            overLogN[i] = r.entropyOverLogN();
            max[i] = r.max();
            zeros[i] = r.zeros();
            marked[i] = c.markedKey() >= 0 && c.markedKey() < m ? w[c.markedKey()] : Double.NaN;
        }
        return new FloatHead(f, queryTau, entropy, overLogN, max, marked, zeros, visible);
    }

    /** τ_i = 1 + s·ln(i+1) + tanh(f(q_i)) in float, or null when SSA is off. */
    private static float[] queryTemperatures(double[][] q, SsaConfig ssa) {
        double[] u = ssa.uFor(ssa.rawU(), 0, 1, q[0].length, "ssa u");
        if (ssa.slope() == 0 && u == null) return null;
        float[] tau = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            float t = 1f;
            if (ssa.slope() != 0) t += (float) ssa.slope() * (float) Math.log(i + 1);
            if (u != null) t += (float) Math.tanh(Attention.tokenArgument(u, q[i], ssa.form()));
            tau[i] = t;
        }
        return tau;
    }

    private static float[] floats(double[][] rows) {
        int width = rows[0].length;
        float[] a = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < width; c++) a[i * width + c] = (float) rows[i][c];
        }
        return a;
    }

    /** Keys 0 .. result-1 are visible to query i; the mask kinds here all hide a suffix. */
    static int visiblePrefix(MaskKind mask, int validKeys, int i, int m) {
        return switch (mask) {
            case FULL -> m;
            case CAUSAL -> Math.min(m, i + 1);
            case PADDING -> Math.max(0, Math.min(m, validKeys));
            case PATTERN -> throw new IllegalArgumentException("mask: a pattern mask needs Attention.compute");
        };
    }

    private static float[] scaleQueries(float[] q, int n, int dh, double temperature, float[] queryTau, float[] out) {
        double base = 1.0 / (temperature * Math.sqrt(dh));
        for (int i = 0; i < n; i++) {
            float s = (float) (base * (queryTau == null ? 1.0 : queryTau[i]));
            for (int d = 0; d < dh; d++) out[i * dh + d] = q[i * dh + d] * s;
        }
        return out;
    }

    private static void check(boolean ok, String problem) {
        if (!ok) throw new IllegalArgumentException(problem);
    }
}
