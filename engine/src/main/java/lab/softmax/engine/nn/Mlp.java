package lab.softmax.engine.nn;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;

/**
 * A float32 ReLU MLP on binary inputs: Linear(in, h1) -> ReLU -> ... -> Linear(hL, classes), with
 * or without biases, as torch.nn.Linear layers. The first layer is a gather-sum of weight rows
 * (the inputs are 0/1). Widths are padded internally to a multiple of the vector length with
 * zero weights; a padded unit stays exactly 0 and gets an exactly-zero gradient, so padding
 * changes no result. The master parameters live in {@link Parameter}s (torch layout); call
 * {@link #parametersChanged()} after writing them.
 */
public final class Mlp {
    private static final Precision MODEL_PRECISION = Precision.FP32;
    /** Rows of the first layer's gather per chunk a thread takes. */
    private static final int ROW_CHUNK = 512;
    /**
     * Rows of a weight matrix per chunk of its copies (transposes): a 2000 x 2000 matrix in fixed halves was ~0.1 s
     * per thread without a cancellation check; in chunks each thread checks between them (see {@link Workers}).
     */
    private static final int COPY_CHUNK = 64;
    private final int inputs;
    private final int[] widths;   // widths[0..L-1] hidden, widths[L] classes
    private final int[] padded;
    private final boolean bias;
    private final Workers workers;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    private final List<Parameter> all = new ArrayList<>();
    private final float[] embed;        // [inputs][padded0]: first-layer weight transposed
    private final float[][] forwardW;   // layer l >= 1: [padded(l-1)][padded(l)]
    private final float[][] backwardW;  // layer l >= 1: [padded(l)][padded(l-1)] (torch layout)
    private final float[][] biasF;
    private boolean stale = true;

    public Mlp(int inputs, int[] hidden, int classes, boolean bias, long seed, Workers workers) {
        this(inputs, hidden, classes, bias, seed, workers, Cancellation.none());
    }

    /**
     * The same model, made while checking a cancellation: a 2 x 2000 model's ~100 MB of parameters and copies take
     * up to ~0.4 s of CPU the first time (memory the process has not touched yet), so a Pause then need not wait.
     */
    public Mlp(int inputs, int[] hidden, int classes, boolean bias, long seed, Workers workers, Cancellation cancellation) {
        if (hidden.length == 0) throw new IllegalArgumentException("hidden: at least one layer");
        this.inputs = inputs;
        this.bias = bias;
        this.workers = workers;
        int layers = hidden.length + 1;
        widths = new int[layers];
        System.arraycopy(hidden, 0, widths, 0, hidden.length);
        widths[hidden.length] = classes;
        padded = new int[layers];
        for (int l = 0; l < layers; l++) {
            if (widths[l] < 1) throw new IllegalArgumentException("layer " + l + " width " + widths[l]);
            padded[l] = Matmul.paddedColumns(widths[l]);
        }
        SplitMix64 rng = new SplitMix64(seed);
        forwardW = new float[layers][];
        backwardW = new float[layers][];
        biasF = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int fanIn = l == 0 ? inputs : widths[l - 1];
            cancellation.throwIfCancelled();
            Parameter w = new Parameter("layer" + l + ".weight", widths[l], fanIn);
            KaimingUniform.fill(w, fanIn, rng, MODEL_PRECISION, cancellation);
            weights.add(w);
            all.add(w);
            if (bias) {
                Parameter b = new Parameter("layer" + l + ".bias", widths[l], 1);
                KaimingUniform.fill(b, fanIn, rng, MODEL_PRECISION);
                biases.add(b);
                all.add(b);
            }
            biasF[l] = new float[padded[l]];
            if (l > 0) {
                cancellation.throwIfCancelled();
                forwardW[l] = new float[padded[l - 1] * padded[l]];
                cancellation.throwIfCancelled();
                backwardW[l] = new float[padded[l] * padded[l - 1]];
            }
        }
        embed = new float[inputs * padded[0]];
    }

    public List<Parameter> parameters() { return List.copyOf(all); }

    public int classes() { return widths[widths.length - 1]; }

    /** Row length of the logits and logit-gradient buffers. */
    public int logitStride() { return padded[padded.length - 1]; }

    public Precision precision() { return MODEL_PRECISION; }

    public void parametersChanged() { stale = true; }

    /** Buffers for a fixed set of inputs (train or test). */
    public Workspace workspace(SparseRows x) {
        return workspace(x, Cancellation.none());
    }

    /** {@link #workspace(SparseRows)} checking the cancellation between its buffers (a 2000-wide set's are ~40 MB each). */
    public Workspace workspace(SparseRows x, Cancellation cancellation) {
        if (x.dimension() != inputs) throw new IllegalArgumentException("inputs have " + x.dimension() + " columns, model " + inputs);
        return new Workspace(x, padded, cancellation);
    }

    private void refresh() {
        if (!stale) return;
        double[] w0 = weights.get(0).value();
        int p0 = padded[0];
        workers.forChunks(inputs, COPY_CHUNK, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int o = 0; o < widths[0]; o++) embed[i * p0 + o] = (float) w0[o * inputs + i];
            }
        });
        for (int l = 1; l < widths.length; l++) {
            double[] w = weights.get(l).value();
            int in = widths[l - 1];
            float[] fw = forwardW[l];
            float[] bw = backwardW[l];
            int pout = padded[l];
            int pin = padded[l - 1];
            workers.forChunks(widths[l], COPY_CHUNK, (part, from, to) -> {
                for (int o = from; o < to; o++) {
                    for (int i = 0; i < in; i++) {
                        float v = (float) w[o * in + i];
                        fw[i * pout + o] = v;
                        bw[o * pin + i] = v;
                    }
                }
            });
        }
        if (bias) {
            for (int l = 0; l < widths.length; l++) {
                double[] b = biases.get(l).value();
                for (int o = 0; o < widths[l]; o++) biasF[l][o] = (float) b[o];
            }
        }
        stale = false;
    }

    /** Fills ws.logits() (rows of {@link #logitStride()} floats; padded columns are 0). */
    public void forward(Workspace ws) {
        refresh();
        int n = ws.rows();
        SparseRows x = ws.inputs();
        float[] h0 = ws.activations[0];
        int p0 = padded[0];
        workers.forChunks(n, ROW_CHUNK, (part, from, to) -> {
            for (int r = from; r < to; r++) {
                int row = r * p0;
                System.arraycopy(biasF[0], 0, h0, row, p0);
                for (int t = x.start()[r]; t < x.start()[r + 1]; t++) {
                    addRow(embed, x.index()[t] * p0, h0, row, p0);
                }
                relu(h0, row, p0);
            }
        });
        int last = widths.length - 1;
        for (int l = 1; l <= last; l++) {
            float[] in = ws.activations[l - 1];
            float[] out = l == last ? ws.logits : ws.activations[l];
            int pin = padded[l - 1];
            int pout = padded[l];
            // sum, bias, ReLU in one pass over the output; the sum runs over the real inputs only
            // (padded ones are exact zeros)
            Matmul.multiplyBiasRelu(in, pin, forwardW[l], pout, out, pout, bias ? biasF[l] : null, l < last,
                    n, pout, widths[l - 1], workers, ws.packScratch(widths[l - 1], pout, workers));
        }
    }

    /**
     * Back-propagates ws.logitGrad() (filled by the caller after {@link #forward}; padded columns
     * must be 0) and writes every parameter's gradient.
     */
    public void backward(Workspace ws) {
        ws.ensureGradBuffers(padded, workers);
        int n = ws.rows();
        int last = widths.length - 1;
        float[] g = ws.logitGrad;
        for (int l = last; l >= 1; l--) {
            int pin = padded[l - 1];
            int pout = padded[l];
            float[] a = ws.activations[l - 1];
            float[] dW = ws.weightGrad[l];
            Matmul.multiply(a, 0, 1, pin, g, 0, pout, dW, pout, pin, pout, n, workers, ws.packScratch(n, pout, workers));
            storeTransposed(dW, pin, pout, weights.get(l), workers);
            if (bias) storeColumnSums(g, n, pout, biases.get(l));
            float[] dA = ws.activationGrad[l - 1];
            // dA = g W, zeroed where the unit was inactive (torch: relu'(0) = 0)
            Matmul.multiplyMasked(g, pout, backwardW[l], pin, dA, pin, a, n, pin, widths[l], workers,
                    ws.packScratch(widths[l], pin, workers));
            g = dA;
        }
        int p0 = padded[0];
        float[] dE = ws.weightGrad[0];
        java.util.Arrays.fill(dE, 0f);
        SparseRows x = ws.inputs();
        float[] g0 = g;
        // Columns are split between threads so each element is summed in sample order by one thread.
        int chunks = p0 / Matmul.LANES;
        // fixed halves: each pass reads every row of g, so more, smaller pieces would multiply that traffic
        workers.forRange(chunks, (c0, c1) -> {
            int col = c0 * Matmul.LANES;
            int len = (c1 - c0) * Matmul.LANES;
            for (int r = 0; r < n; r++) {
                for (int t = x.start()[r]; t < x.start()[r + 1]; t++) {
                    addRow(g0, r * p0 + col, dE, x.index()[t] * p0 + col, len);
                }
            }
        });
        storeTransposed(dE, inputs, p0, weights.get(0), workers);
        if (bias) storeColumnSums(g0, n, p0, biases.get(0));
    }

    /** grad[o][i] = dWt[i][o] for the logical rows/columns. */
    private static void storeTransposed(float[] dWt, int rows, int stride, Parameter w, Workers workers) {
        double[] grad = w.grad();
        int in = w.cols();
        int cols = Math.min(rows, in);
        workers.forChunks(w.rows(), COPY_CHUNK, (part, from, to) -> {
            for (int o = from; o < to; o++) {
                for (int i = 0; i < cols; i++) grad[o * in + i] = dWt[i * stride + o];
            }
        });
    }

    private static void storeColumnSums(float[] g, int n, int stride, Parameter b) {
        float[] sum = new float[stride];
        for (int r = 0; r < n; r++) addRow(g, r * stride, sum, 0, stride);
        double[] grad = b.grad();
        for (int o = 0; o < b.rows(); o++) grad[o] = sum[o];
    }

    private static void addRow(float[] src, int from, float[] dst, int to, int len) {
        for (int j = 0; j < len; j += Matmul.LANES) {
            FloatVector.fromArray(Matmul.SPECIES, dst, to + j)
                    .add(FloatVector.fromArray(Matmul.SPECIES, src, from + j)).intoArray(dst, to + j);
        }
    }

    private static void relu(float[] v, int from, int len) {
        for (int j = from; j < from + len; j += Matmul.LANES) {
            FloatVector.fromArray(Matmul.SPECIES, v, j).lanewise(VectorOperators.MAX, 0f).intoArray(v, j);
        }
    }

    /** Activations, logits and gradients for one input set. */
    public static final class Workspace {
        private final SparseRows inputs;
        private final float[][] activations;
        private final float[][] activationGrad;
        private final float[][] weightGrad;
        private final float[] logits;
        private final float[] logitGrad;
        /** Where a product on a team packs the B its threads share; grown on demand, never on one thread. */
        private float[] packScratch;

        private Workspace(SparseRows inputs, int[] padded, Cancellation cancellation) {
            this.inputs = inputs;
            int n = inputs.rows();
            int layers = padded.length;
            activations = new float[layers - 1][];
            activationGrad = new float[layers - 1][];
            weightGrad = new float[layers][];
            for (int l = 0; l < layers - 1; l++) {
                cancellation.throwIfCancelled();
                activations[l] = new float[n * padded[l]];
            }
            cancellation.throwIfCancelled();
            logits = new float[n * padded[layers - 1]];
            logitGrad = new float[n * padded[layers - 1]];
        }

        /**
         * Gradient buffers are only needed for the set that is trained on. Made one at a time, checking the team's
         * cancellation between them; buffers a cancel left unmade are made next time.
         */
        private void ensureGradBuffers(int[] padded, Workers workers) {
            int n = inputs.rows();
            for (int l = 0; l < padded.length - 1; l++) {
                if (activationGrad[l] != null) continue;
                workers.checkCancelled();
                activationGrad[l] = new float[n * padded[l]];
            }
            for (int l = 0; l < padded.length; l++) {
                if (weightGrad[l] != null) continue;
                workers.checkCancelled();
                weightGrad[l] = new float[l == 0 ? inputs.dimension() * padded[0] : padded[l - 1] * padded[l]];
            }
        }

        /** Scratch for a team's shared pack of a k x n B; null on one thread or where B is not shared. */
        private float[] packScratch(int k, int n, Workers workers) {
            int size = Matmul.sharedPackSize(k, n);
            if (workers.threads() == 1 || size == 0) return null;
            if (packScratch == null || packScratch.length < size) packScratch = new float[size];
            return packScratch;
        }

        public SparseRows inputs() { return inputs; }

        public int rows() { return inputs.rows(); }

        /** Row-major logits, row length = the model's logitStride(). */
        public float[] logits() { return logits; }

        /** Where the caller writes dL/dlogits before backward (same layout as logits). */
        public float[] logitGrad() { return logitGrad; }
    }
}
