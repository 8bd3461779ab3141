package lab.softmax.engine.attention;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.RowSoftmax;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.distributions.NumericEvents;
import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.task.Cancellation;

/**
 * Scaled dot-product attention, row by row: g_ij = q_i·k_j/√d_h, then τ_i·g_ij (Selective
 * Attention's query temperature, applied before the mask as in the official code), then the mask
 * (-Infinity), then /T, then the row's normaliser, then y_i = Σ_j a_ij τ_v,j v_j.
 *
 * <p>Precision: fp64 is the reference. fp32 rounds inputs, products and sums to float and runs
 * softmax rows through the Kernels lab's vector kernel ({@link RowSoftmax}: nothing allocated per row).
 * fp16 and bf16 round every operation (dot products, scaling, the normaliser, the weighted sum), as the
 * Distributions lab does, so a 16-bit row can be watched going flat or collapsing.
 */
public final class Attention {
    private Attention() { }

    public static AttentionResult compute(AttentionInput in, AttentionConfig c) {
        return compute(in, c, Cancellation.none());
    }

    /** As {@link #compute(AttentionInput, AttentionConfig)}, polling {@code cancel} between rows. */
    public static AttentionResult compute(AttentionInput in, AttentionConfig c, Cancellation cancel) {
        if (c.mask() == MaskKind.PATTERN && in.rawPattern() == null) {
            throw new lab.softmax.engine.io.InputException(in.source(), "mask", "the pattern mask needs a mask pattern in the input");
        }
        int heads = in.heads();
        int n = in.queries();
        int m = in.keys();
        int dv = in.valueDim();
        Precision p = c.precision();
        Arithmetic a = new Arithmetic(p);
        RowSoftmax kernel = p == Precision.FP32 ? RowSoftmax.of(c.fp32Algorithm(), Impl.VECTOR) : null;
        double[][] output = new double[n][heads * dv];
        List<HeadResult> results = new ArrayList<>(heads);
        for (int h = 0; h < heads; h++) {
            HeadResult r = head(in, c, h, a, kernel, cancel);
            for (int i = 0; i < n; i++) System.arraycopy(r.output()[i], 0, output[i], h * dv, dv);
            results.add(r);
        }
        return new AttentionResult(results, output, p);
    }

    /** True when key j is visible to query i under the mask kind (the pattern is applied separately). */
    public static boolean visible(MaskKind kind, int validKeys, int i, int j) {
        return switch (kind) {
            case FULL, PATTERN -> true;
            case CAUSAL -> j <= i;
            case PADDING -> j < validKeys;
        };
    }

    private static HeadResult head(AttentionInput in, AttentionConfig c, int h, Arithmetic a, RowSoftmax kernel,
                                   Cancellation cancel) {
        int n = in.queries();
        int m = in.keys();
        int dh = in.headDim();
        int dv = in.valueDim();
        double[][] q = slice(in.rawQ(), h * dh, dh, a);
        double[][] k = slice(in.rawK(), h * dh, dh, a);
        double[][] v = slice(in.rawV(), h * dv, dv, a);
        double[][] pattern = in.rawPattern();
        SsaConfig ssa = c.ssa();
        double[] u = ssa.uFor(ssa.rawU(), h, in.heads(), dh, "ssa u");
        double[] uV = ssa.uFor(ssa.rawUValue(), h, in.heads(), dh, "ssa uValue");
        double[] valueTau = null;
        if (uV != null) {
            if (!in.selfAttention()) {
                throw new IllegalArgumentException("ssa uValue: value temperatures reuse the queries, so q and k need the same rows");
            }
            valueTau = new double[m];
            for (int j = 0; j < m; j++) valueTau[j] = a.add(1.0, a.of(Math.tanh(tokenArgument(uV, q[j], ssa.form()))));
        }
        double invSqrt = a.of(1.0 / Math.sqrt(dh));
        double slope = a.of(ssa.slope());
        boolean scaled = !ssa.isOff();
        double temperature = a.of(c.temperature());
        NormalizerKind kind = switch (c.normalizer()) {
            case SOFTMAX, LENGTH_SCALED_SOFTMAX -> NormalizerKind.SOFTMAX;
            case STABLEMAX -> NormalizerKind.STABLEMAX;
            case SPARSEMAX -> NormalizerKind.SPARSEMAX;
        };

        double[][] logits = new double[n][m];
        double[][] weights = new double[n][m];
        double[][] out = new double[n][dv];
        double[] queryTau = new double[n];
        double[] entropy = new double[n];
        double[] entropyOverLogN = new double[n];
        double[] maxWeight = new double[n];
        double[] marked = new double[n];
        int[] zeros = new int[n];
        int[] visibleCount = new int[n];
        float[] fx = kernel != null ? new float[m] : null;
        float[] fy = kernel != null ? new float[m] : null;
        for (int i = 0; i < n; i++) {
            cancel.throwIfCancelled();
            double tau = 1.0;
            if (ssa.slope() != 0) tau = a.add(tau, a.mul(slope, a.log(i + 1)));
            if (u != null) tau = a.add(tau, a.of(Math.tanh(tokenArgument(u, q[i], ssa.form()))));
            queryTau[i] = tau;
            double[] z = logits[i];
            int visible = 0;
            for (int j = 0; j < m; j++) {
                double g = a.mul(dot(q[i], k[j], a), invSqrt);
                if (scaled) g = a.mul(g, tau);
                boolean shown = visible(c.mask(), c.validKeys(), i, j);
                if (shown && pattern != null) {
                    if (pattern[i][j] == Double.NEGATIVE_INFINITY) shown = false;
                    else if (pattern[i][j] != 0) g = a.add(g, a.of(pattern[i][j]));
                }
                if (!shown) {
                    z[j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                visible++;
                z[j] = c.temperature() == 1.0 ? g : a.div(g, temperature);
            }
            visibleCount[i] = visible;
            if (visible == 0) continue; // all masked: zero weights, zero output, entropy 0
            if (c.normalizer() == AttentionNormalizer.LENGTH_SCALED_SOFTMAX) {
                double factor = a.mul(a.of(c.lengthScale()), a.log(visible));
                for (int j = 0; j < m; j++) {
                    if (z[j] != Double.NEGATIVE_INFINITY) z[j] = a.mul(z[j], factor);
                }
            }
            double[] w = weights[i];
            if (kernel != null && kind == NormalizerKind.SOFTMAX && c.subtractMax() && kernelCanTake(z)) {
                for (int j = 0; j < m; j++) fx[j] = (float) z[j];
                kernel.softmax(fx, fy, 0, m);
                for (int j = 0; j < m; j++) w[j] = fy[j];
            } else {
                normaliseVisible(z, w, visible, kind, a, c.subtractMax());
            }
            RowMetrics metrics = RowMetrics.of(w, j -> z[j] == Double.NEGATIVE_INFINITY, visible);
            entropy[i] = metrics.entropy();
            entropyOverLogN[i] = metrics.entropyOverLogN();
            maxWeight[i] = metrics.max();
            zeros[i] = metrics.zeros();
            // Output y_i = Σ_j a_ij τ_v,j v_j.
            double[] y = out[i];
            for (int j = 0; j < m; j++) {
                double wj = w[j];
                if (wj == 0) continue;
                double coefficient = valueTau == null ? wj : a.mul(wj, valueTau[j]);
                double[] vj = v[j];
                for (int d = 0; d < dv; d++) y[d] = a.add(y[d], a.mul(coefficient, vj[d]));
            }
        }
        for (int i = 0; i < n; i++) {
            int key = c.markedKey();
            marked[i] = key >= 0 && key < m ? weights[i][key] : Double.NaN;
        }
        return new HeadResult(logits, weights, queryTau, valueTau, entropy, entropyOverLogN, maxWeight, marked, zeros,
                visibleCount, out);
    }

    /** The kernel's contract: finite or -Infinity entries, at least one finite. */
    private static boolean kernelCanTake(double[] z) {
        boolean anyFinite = false;
        for (double x : z) {
            if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) return false;
            if (x != Double.NEGATIVE_INFINITY) {
                if (Math.abs(x) > Float.MAX_VALUE) return false;
                anyFinite = true;
            }
        }
        return anyFinite;
    }

    /** The Distributions lab's normaliser on the visible entries only, scattered back (hidden keys stay 0). */
    private static void normaliseVisible(double[] z, double[] w, int visible, NormalizerKind kind, Arithmetic a,
                                         boolean subtractMax) {
        double[] x = new double[visible];
        int t = 0;
        for (double zj : z) {
            if (zj != Double.NEGATIVE_INFINITY) x[t++] = zj;
        }
        double[] p = kind.normalizer().apply(x, a, subtractMax, new NumericEvents());
        t = 0;
        for (int j = 0; j < z.length; j++) {
            if (z[j] != Double.NEGATIVE_INFINITY) w[j] = p[t++];
        }
    }

    static double tokenArgument(double[] u, double[] q, TokenForm form) {
        double f = 0;
        for (int c = 0; c < u.length; c++) f += u[c] * form.feature(q[c]);
        return f;
    }

    private static double dot(double[] x, double[] y, Arithmetic a) {
        if (a.precision() == Precision.FP64) {
            double s = 0;
            for (int c = 0; c < x.length; c++) s += x[c] * y[c];
            return s;
        }
        double s = 0;
        for (int c = 0; c < x.length; c++) s = a.add(s, a.mul(x[c], y[c]));
        return s;
    }

    private static double[][] slice(double[][] src, int from, int width, Arithmetic a) {
        double[][] out = new double[src.length][width];
        for (int i = 0; i < src.length; i++) {
            for (int c = 0; c < width; c++) out[i][c] = a.of(src[i][from + c]);
        }
        return out;
    }
}
