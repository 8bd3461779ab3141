package lab.softmax.engine.collapse;

import lab.softmax.engine.io.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.softmax.engine.nn.AdamW;
import lab.softmax.engine.nn.Mlp;
import lab.softmax.engine.nn.Optimizer;
import lab.softmax.engine.nn.OrthoGrad;
import lab.softmax.engine.nn.OrthoGradGeometry;
import lab.softmax.engine.nn.Parameter;
import lab.softmax.engine.nn.RowLoss;
import lab.softmax.engine.nn.SgdMomentum;
import lab.softmax.engine.nn.SoftmaxCrossEntropy;
import lab.softmax.engine.nn.StableMaxCrossEntropy;
import lab.softmax.engine.nn.Workers;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * One full-batch grokking run. Each epoch: forward on the training set, loss and dL/dlogits per
 * sample, backward, optional ⊥Grad, optimiser step. Epochs 0, logEvery, 2 logEvery, ... and the
 * last are logged with every metric measured at the parameters after that many steps (the
 * training forward of the next epoch provides the train-set logits, so logging costs only the test
 * evaluation). {@link #run} stops within the epoch when cancelled (it throws CancelledException);
 * calling it again resumes where it stopped, which is how pause works.
 * A training call runs on a team of the given number of threads that exists only during the call
 * ({@link Workers}). Not thread-safe: one thread drives a run at a time.
 */
public final class CollapseTrainer {
    /** Rows of the loss per chunk a thread takes (about 0.1 ms of work at the paper's size). */
    private static final int LOSS_CHUNK = 256;
    private final CollapseConfig config;
    private final CollapseData data;
    private final Mlp model;
    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final RowLoss[] losses;   // one per thread (scratch buffers)
    private final Workers workers;
    /** Activations and gradients of the train and test sets: made by the first call that needs them (see {@link #run}). */
    private Mlp.Workspace train;
    private Mlp.Workspace test;
    private final List<EpochMetrics> history = new ArrayList<>();
    private final double[] rowLoss;
    private int epoch;
    private double elapsedSeconds;

    public CollapseTrainer(CollapseConfig config, int threads) {
        this(config, threads, Cancellation.none());
    }

    /** A trainer made while checking a cancellation (a large model takes a noticeable time to make, see {@link Mlp}). */
    public CollapseTrainer(CollapseConfig config, int threads, Cancellation cancellation) {
        this.config = config;
        this.workers = Workers.of(threads);
        this.data = config.data();
        int[] hidden = config.hidden().stream().mapToInt(Integer::intValue).toArray();
        this.model = new Mlp(data.inputs(), hidden, data.classes(), config.task() == DatasetKind.SPARSE_PARITY,
                config.seed() * 0x9E3779B97F4A7C15L + 1, workers, cancellation);
        this.parameters = model.parameters();
        Precision mp = model.precision();
        this.optimizer = config.optimizer() == OptimizerKind.ADAMW
                ? new AdamW(config.lr(), config.beta1(), config.beta2(), config.eps(), config.weightDecay(), mp, workers)
                : new SgdMomentum(config.lr(), config.momentum(), config.weightDecay(), mp);
        this.losses = new RowLoss[workers.threads()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = config.loss() == LossKind.SOFTMAX_CE
                    ? new SoftmaxCrossEntropy(config.lossPrecision()) : new StableMaxCrossEntropy();
        }
        this.rowLoss = new double[data.trainY().length];
    }

    public CollapseConfig config() { return config; }

    public CollapseData data() { return data; }

    /** Optimiser steps taken so far. */
    public int epoch() { return epoch; }

    public boolean finished() { return epoch >= config.epochs() && !history.isEmpty()
            && history.getLast().epoch() == config.epochs(); }

    public List<EpochMetrics> history() { return List.copyOf(history); }

    public List<Parameter> parameters() { return parameters; }

    public Mlp model() { return model; }

    /**
     * Trains until the configured epoch count; each logged epoch goes to onLog as it is measured. Cancellation
     * lands inside an epoch too (between the chunks of its loops, see {@link Workers}): the forward, backward and
     * measurement of an epoch are thrown away and redone on resume, the parameter update is never cut, so a run
     * paused anywhere and resumed gives the same numbers as one never paused.
     */
    public void run(Cancellation cancellation, Progress progress, Consumer<EpochMetrics> onLog) {
        // The buffers of a 2 x 2000 model take ~350 MB and ~0.9 s to touch the first time: made here, checking the
        // cancellation between them, so a cancel while a run starts waits for one of them, not for all.
        if (train == null) train = model.workspace(data.trainX(), cancellation);
        if (test == null) test = model.workspace(data.testX(), cancellation);
        long start = System.nanoTime();
        workers.open();
        try {
            while (!finished()) {
                cancellation.throwIfCancelled();
                EpochMetrics logged = null;
                workers.stopWhen(cancellation);
                try {
                    trainingPass();
                    boolean log = epoch % config.logEvery() == 0 || epoch == config.epochs();
                    if (log && (history.isEmpty() || history.getLast().epoch() != epoch)) {
                        elapsedSeconds += (System.nanoTime() - start) * 1e-9;
                        start = System.nanoTime();
                        logged = measure();
                    }
                } finally {
                    workers.stopWhen(null);
                }
                if (logged != null) {
                    history.add(logged);
                    onLog.accept(logged);
                    progress.report(config.epochs() == 0 ? 1 : (double) epoch / config.epochs(), "epoch " + epoch);
                }
                if (epoch >= config.epochs()) break;
                // the update itself is never cut; a cancel that came during the pass skips it (redone on resume)
                cancellation.throwIfCancelled();
                step();
            }
        } finally {
            workers.close();
            elapsedSeconds += (System.nanoTime() - start) * 1e-9;
        }
    }

    /**
     * The "why" of one training sample at the current parameters: its logits, the exp terms and
     * their sum in the loss precision, its gradient. Call between runs (paused or finished), never
     * while {@link #run} is active.
     */
    public SampleAnatomy inspect(int trainSample) {
        int n = data.trainY().length;
        if (trainSample < 0 || trainSample >= n) {
            throw new InputException("sample", trainSample + " is outside 0.." + (n - 1));
        }
        Mlp.Workspace train = trainSet();
        model.forward(train);
        int classes = data.classes();
        int stride = model.logitStride();
        double[] z = new double[classes];
        for (int j = 0; j < classes; j++) z[j] = train.logits()[trainSample * stride + j];
        double[] grad = new double[classes];
        int target = data.trainY()[trainSample];
        double l = losses[0].evaluate(z, classes, target, n, grad);
        return SampleAnatomy.of(trainSample, target, z, config.lossPrecision(), grad, l);
    }

    /**
     * What ⊥Grad would do to each parameter tensor at the current parameters: |w|, the raw gradient's
     * |g|, w.g and |g_perp|. Recomputes the raw full-batch gradient first (a training pass without a
     * step): after a pause the stored gradient belongs to the previous parameters and may already be
     * projected. A resumed {@link #run} recomputes it anyway, so this changes no result. Call between runs.
     */
    public List<OrthoGradGeometry> gradientGeometry() {
        trainingPass();
        return OrthoGradGeometry.of(parameters);
    }

    /** Trains count epochs without measuring anything (for benchmarks); does not log. */
    public void trainEpochs(int count) {
        workers.open();
        try {
            for (int i = 0; i < count; i++) {
                trainingPass();
                step();
            }
        } finally {
            workers.close();
        }
    }

    /** The update that ends an epoch: ⊥Grad's projection if on, the optimiser step, and the model told. */
    private void step() {
        if (config.orthograd()) OrthoGrad.project(parameters, model.precision());
        optimizer.step(parameters);
        model.parametersChanged();
        epoch++;
    }

    /** Forward, per-sample loss and gradient, backward: fills rowLoss and every parameter gradient. */
    private void trainingPass() {
        Mlp.Workspace train = trainSet();
        model.forward(train);
        int classes = data.classes();
        int stride = model.logitStride();
        int n = data.trainY().length;
        float[] logits = train.logits();
        float[] grad = train.logitGrad();
        int[] y = data.trainY();
        workers.forChunks(n, LOSS_CHUNK, (part, from, to) -> {
            RowLoss loss = losses[part];
            for (int r = from; r < to; r++) rowLoss[r] = loss.evaluate(logits, r * stride, classes, y[r], n, grad);
        });
        model.backward(train);
    }

    private EpochMetrics measure() {
        int classes = data.classes();
        int stride = model.logitStride();
        int[] y = data.trainY();
        int n = y.length;
        float[] logits = train.logits();
        Precision p = config.lossPrecision();
        // per-row results on the team, then summed in row order, so the metrics do not depend on the thread count
        double[] absRow = new double[n];
        double[] gapRow = new double[n];
        byte[] flags = new byte[n];   // 1: argmax is the label, 2: collapsed
        workers.forParts(n, (part, from, to) -> {
            double[] z = new double[classes];
            for (int r = from; r < to; r++) {
                double abs = 0;
                for (int j = 0; j < classes; j++) {
                    z[j] = logits[r * stride + j];
                    abs += Math.abs(z[j]);
                }
                absRow[r] = abs;
                gapRow[r] = SoftmaxCollapse.top2Gap(z, classes);
                flags[r] = (byte) ((argmax(z, classes) == y[r] ? 1 : 0) | (SoftmaxCollapse.isCollapsed(z, classes, p) ? 2 : 0));
            }
        });
        double lossSum = 0;
        int correct = 0;
        int collapsed = 0;
        int zero = 0;
        double absSum = 0;
        double gapSum = 0;
        for (int r = 0; r < n; r++) {
            absSum += absRow[r];
            lossSum += rowLoss[r];
            if (rowLoss[r] == 0) zero++;
            if ((flags[r] & 1) != 0) correct++;
            if ((flags[r] & 2) != 0) collapsed++;
            gapSum += gapRow[r];
        }
        double[] testResult = evaluateTest();
        return new EpochMetrics(epoch, lossSum / n, (double) correct / n, testResult[0], testResult[1],
                (double) collapsed / n, (double) zero / n, absSum / ((double) n * classes), gapSum / n,
                weightNorm(), nlmCosine(), elapsedSeconds);
    }

    private Mlp.Workspace trainSet() {
        if (train == null) train = model.workspace(data.trainX());
        return train;
    }

    private Mlp.Workspace testSet() {
        if (test == null) test = model.workspace(data.testX());
        return test;
    }

    /** {mean loss, accuracy} on the test set at the current parameters. */
    private double[] evaluateTest() {
        Mlp.Workspace test = testSet();
        model.forward(test);
        int classes = data.classes();
        int stride = model.logitStride();
        int[] y = data.testY();
        float[] logits = test.logits();
        double[] loss = new double[y.length];
        boolean[] right = new boolean[y.length];
        workers.forParts(y.length, (part, from, to) -> {
            double[] z = new double[classes];
            for (int r = from; r < to; r++) {
                for (int j = 0; j < classes; j++) z[j] = logits[r * stride + j];
                loss[r] = losses[part].evaluate(logits, r * stride, classes, y[r], y.length, null);
                right[r] = argmax(z, classes) == y[r];
            }
        });
        double lossSum = 0;
        int correct = 0;
        for (int r = 0; r < y.length; r++) {
            lossSum += loss[r];
            if (right[r]) correct++;
        }
        return new double[] {lossSum / y.length, (double) correct / y.length};
    }

    double weightNorm() {
        double s = 0;
        for (Parameter p : parameters) s += Parameter.dot(p.value(), p.value());
        return Math.sqrt(s);
    }

    /** cos(-grad, theta) over all parameters, from the raw gradient of the last training pass. */
    double nlmCosine() {
        double gw = 0;
        double gg = 0;
        double ww = 0;
        for (Parameter p : parameters) {
            gw += Parameter.dot(p.grad(), p.value());
            gg += Parameter.dot(p.grad(), p.grad());
            ww += Parameter.dot(p.value(), p.value());
        }
        return gg == 0 || ww == 0 ? 0 : -gw / Math.sqrt(gg * ww);
    }

    static int argmax(double[] z, int classes) {
        int best = 0;
        for (int j = 1; j < classes; j++) if (z[j] > z[best]) best = j;
        return best;
    }
}
