package lab.softmax.engine.attention;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.nn.AdamW;
import lab.softmax.engine.nn.Parameter;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * Trains needle models (AdamW, β = (0.9, 0.999), eps 1e−8; decoupled weight decay on W and u, none on
 * β) and evaluates them on fresh examples. Several models train in lockstep on the same batches, so
 * "identical training" is literal, and the data are generated once per batch. Everything derives
 * from the config's seed: the same config gives the same bits on the same JVM and CPU, whether a
 * mode trains alone or beside the other.
 */
public final class NeedleTrainer {
    private static final long INIT_STREAM = 1;
    private static final long DATA_STREAM = 2;
    private static final long EVAL_STREAM = 3;
    private static final long LIVE_STREAM = 4;

    private NeedleTrainer() { }

    public static NeedleResult train(NeedleConfig c, NeedleMode mode, Progress progress, Cancellation cancel,
                                     NeedleListener listener) {
        return train(c, List.of(mode), progress, cancel, listener).get(0);
    }

    /** Vanilla and SSA side by side, on the same batches and evaluation examples. */
    public static List<NeedleResult> trainBoth(NeedleConfig c, Progress progress, Cancellation cancel, NeedleListener listener) {
        return train(c, List.of(NeedleMode.VANILLA, NeedleMode.SSA), progress, cancel, listener);
    }

    public static List<NeedleResult> train(NeedleConfig c, List<NeedleMode> modes, Progress progress, Cancellation cancel,
                                           NeedleListener listener) {
        List<NeedleModel> models = new ArrayList<>();
        List<AdamW> decayed = new ArrayList<>();
        List<AdamW> plain = new ArrayList<>();
        for (NeedleMode mode : modes) {
            models.add(new NeedleModel(mode, c.keyDim(), c.valueDim(), c.initScale(), c.beta0(), stream(c.seed(), INIT_STREAM, 0)));
            decayed.add(new AdamW(c.learningRate(), 0.9, 0.999, 1e-8, c.weightDecay(), Precision.FP64));
            plain.add(new AdamW(c.learningRate(), 0.9, 0.999, 1e-8, 0, Precision.FP64));
        }
        NeedleExample.Gaussians data = new NeedleExample.Gaussians(stream(c.seed(), DATA_STREAM, 0));
        int[] lengths = c.trainLengths();
        List<NeedleExample> batch = new ArrayList<>(c.batchSize());
        double trainShare = 0.8;
        for (int step = 1; step <= c.steps(); step++) {
            cancel.throwIfCancelled();
            int n = lengths[data.rng().nextInt(lengths.length)];
            batch.clear();
            for (int b = 0; b < c.batchSize(); b++) batch.add(NeedleExample.draw(data, n, c));
            for (int k = 0; k < models.size(); k++) {
                NeedleModel model = models.get(k);
                model.zeroGrad();
                double loss = model.loss(batch, true);
                decayed.get(k).step(model.decayed());
                if (model.mode() == NeedleMode.SSA) plain.get(k).step(List.of(model.beta()));
                double needle = 0;
                for (NeedleExample ex : batch) needle += model.forward(ex).a()[ex.target()];
                listener.onStep(new NeedleStep(model.mode(), step, n, loss, needle / batch.size(), model.slope(), model.weightNorm()));
            }
            if (c.evalEvery() > 0 && step % c.evalEvery() == 0 && step < c.steps()) {
                List<List<NeedleEval>> live = evaluate(models, c, c.liveExamples(), LIVE_STREAM, cancel);
                for (int k = 0; k < models.size(); k++) listener.onEval(models.get(k).mode(), step, live.get(k));
            }
            if (step % 10 == 0 || step == c.steps()) {
                progress.report(trainShare * step / c.steps(), "step " + step + "/" + c.steps());
            }
        }
        progress.report(trainShare, "evaluating");
        List<List<NeedleEval>> evals = evaluate(models, c, c.evalExamples(), EVAL_STREAM, cancel);
        List<NeedleResult> results = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            NeedleModel model = models.get(k);
            listener.onEval(model.mode(), c.steps(), evals.get(k));
            results.add(new NeedleResult(model.mode(), NeedleLearned.of(model), evals.get(k)));
        }
        progress.report(1, "done");
        return results;
    }

    /** Evaluates models on the same fresh examples per length; one list per model. */
    public static List<List<NeedleEval>> evaluate(List<NeedleModel> models, NeedleConfig c, int examples, long streamId,
                                                  Cancellation cancel) {
        List<List<NeedleEval>> out = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) out.add(new ArrayList<>());
        int dv = c.valueDim();
        for (int n : c.evalLengths()) {
            NeedleExample.Gaussians g = new NeedleExample.Gaussians(stream(c.seed(), streamId, n));
            double[][] sums = new double[models.size()][6];
            for (int e = 0; e < examples; e++) {
                cancel.throwIfCancelled();
                NeedleExample ex = NeedleExample.draw(g, n, c);
                double[] y = ex.targetValue(dv);
                for (int k = 0; k < models.size(); k++) {
                    NeedleModel.Forward f = models.get(k).forward(ex);
                    double[] s = sums[k];
                    double at = f.a()[ex.target()];
                    s[0] += at;
                    s[1] += at > 0.5 ? 1 : 0;
                    double h = 0;
                    for (double ai : f.a()) {
                        if (ai > 0) h -= ai * Math.log(ai);
                    }
                    s[2] += n > 1 ? h / Math.log(n) : 0;
                    double mse = 0;
                    for (int d = 0; d < dv; d++) {
                        double diff = f.yHat()[d] - y[d];
                        mse += diff * diff;
                    }
                    s[3] += mse / dv;
                    s[4] += nearestValue(ex, f.yHat(), dv) == ex.target() ? 1 : 0;
                    s[5] += f.tau();
                }
            }
            for (int k = 0; k < models.size(); k++) {
                double[] s = sums[k];
                out.get(k).add(new NeedleEval(n, s[0] / examples, s[1] / examples, s[2] / examples, s[3] / examples,
                        s[4] / examples, s[5] / examples));
            }
        }
        return out;
    }

    private static int nearestValue(NeedleExample ex, double[] yHat, int dv) {
        double[] values = ex.values();
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ex.n(); i++) {
            double dist = 0;
            int off = i * dv;
            for (int d = 0; d < dv; d++) {
                double diff = values[off + d] - yHat[d];
                dist += diff * diff;
            }
            if (dist < bestDistance) {
                bestDistance = dist;
                best = i;
            }
        }
        return best;
    }

    /** An independent generator for (seed, stream, index). */
    static SplitMix64 stream(long seed, long streamId, long index) {
        SplitMix64 mixer = new SplitMix64(seed ^ (streamId * 0x9E3779B97F4A7C15L));
        long a = mixer.nextLong();
        return new SplitMix64(a + index * 0xD1B54A32D192ED03L);
    }

    static double frobenius(Parameter p) { return Math.sqrt(Parameter.dot(p.value(), p.value())); }
}
