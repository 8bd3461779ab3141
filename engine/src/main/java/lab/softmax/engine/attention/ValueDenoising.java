package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.nn.AdamW;
import lab.softmax.engine.nn.Parameter;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * The value-selectivity demo (docs/labs/attention.md): tokens x_j = μ + σ_j ε_j with μ ~ N(0, I_d)
 * and a noise level σ_j from {@code levels} that each token shows as a flag. The Bayes estimator
 * shrinks, μ̂ = Σ w_j x_j / (1 + Σ w_j) with w_j = 1/σ_j²; attention outputs convex combinations
 * and cannot. A value temperature τ_v,j = 1 + tanh(u_v·flag_j) (SSA's construction with its own
 * vector) can shrink. Both models learn one logit per level (a_j = softmax(c_{level_j})), the
 * value-selective one also u_v; trained with AdamW on MSE ‖ŷ − μ‖²/d, gradients by hand.
 */
public final class ValueDenoising {
    private ValueDenoising() { }

    /** The demo's settings. */
    public record Config(int tokens, int dim, double[] levels, int steps, int batchSize, double learningRate,
                         int evalExamples, long seed) {
        public Config {
            if (tokens < 1 || dim < 1 || steps < 0 || batchSize < 1 || evalExamples < 1) {
                throw new InputException("", "tokens, dim, batchSize, evalExamples must be >= 1 and steps >= 0");
            }
            if (!(learningRate > 0)) throw new InputException("learningRate", learningRate + " must be > 0");
            if (levels == null || levels.length == 0) throw new InputException("levels", "give at least one noise level");
            for (int i = 0; i < levels.length; i++) {
                if (!(levels[i] > 0) || !Double.isFinite(levels[i])) {
                    throw new InputException("levels[" + i + "]", levels[i] + " must be finite and > 0");
                }
            }
            levels = levels.clone();
        }

        @Override
        public double[] levels() { return levels.clone(); }

        public static Config defaults(long seed) {
            return new Config(8, 4, new double[] {0.5, 1, 2, 4}, 1000, 64, 0.05, 4096, seed);
        }
    }

    /** One context: the tokens [n][d] (row-major), their level indices, the hidden mean μ. */
    public record Example(double[] x, int[] level, double[] mu) { }

    /** MSE per coordinate of each estimator on the same fresh examples, and what the models learned. */
    public record Result(@JsonProperty("vanilla_mse") double vanillaMse,
                         @JsonProperty("value_selective_mse") double valueSelectiveMse,
                         @JsonProperty("naive_mean_mse") double naiveMeanMse,
                         @JsonProperty("bayes_mse") double bayesMse,
                         @JsonProperty("levels") double[] levels,
                         @JsonProperty("vanilla_logits") double[] vanillaLogits,
                         @JsonProperty("selective_logits") double[] selectiveLogits,
                         @JsonProperty("value_tau") double[] valueTau) { }

    /** Attention over the tokens with one logit per level, optionally value temperatures per level. */
    public static final class Model {
        private final boolean valueSelective;
        private final int dim;
        private final Parameter logits;
        private final Parameter u;

        public Model(boolean valueSelective, int levels, int dim) {
            this.valueSelective = valueSelective;
            this.dim = dim;
            this.logits = new Parameter("c", 1, levels);
            this.u = new Parameter("u_v", 1, levels);
        }

        public Parameter logits() { return logits; }

        public Parameter valueU() { return u; }

        List<Parameter> parameters() { return valueSelective ? List.of(logits, u) : List.of(logits); }

        public double valueTau(int level) { return valueSelective ? 1 + Math.tanh(u.value()[level]) : 1; }

        public double[] predict(Example ex) {
            int n = ex.level().length;
            double[] a = weights(ex);
            double[] y = new double[dim];
            for (int j = 0; j < n; j++) {
                double coefficient = a[j] * valueTau(ex.level()[j]);
                for (int c = 0; c < dim; c++) y[c] += coefficient * ex.x()[j * dim + c];
            }
            return y;
        }

        private double[] weights(Example ex) {
            int n = ex.level().length;
            double[] a = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                a[j] = logits.value()[ex.level()[j]];
                max = Math.max(max, a[j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                a[j] = Math.exp(a[j] - max);
                sum += a[j];
            }
            for (int j = 0; j < n; j++) a[j] /= sum;
            return a;
        }

        public void zeroGrad() {
            java.util.Arrays.fill(logits.grad(), 0);
            java.util.Arrays.fill(u.grad(), 0);
        }

        /** Mean ‖ŷ − μ‖²/d over the batch; when {@code backward}, adds the gradients of c and u_v. */
        public double loss(List<Example> batch, boolean backward) {
            double total = 0;
            int m = batch.size();
            for (Example ex : batch) {
                int n = ex.level().length;
                double[] a = weights(ex);
                double[] y = predict(ex);
                double l = 0;
                double[] r = new double[dim];
                for (int c = 0; c < dim; c++) {
                    double diff = y[c] - ex.mu()[c];
                    l += diff * diff;
                    r[c] = 2 * diff / (dim * (double) m);
                }
                total += l / dim;
                if (!backward) continue;
                double[] e = new double[n];
                double mean = 0;
                for (int j = 0; j < n; j++) {
                    for (int c = 0; c < dim; c++) e[j] += r[c] * ex.x()[j * dim + c];
                    mean += a[j] * valueTau(ex.level()[j]) * e[j];
                }
                for (int j = 0; j < n; j++) {
                    int level = ex.level()[j];
                    double tau = valueTau(level);
                    logits.grad()[level] += a[j] * (tau * e[j] - mean);
                    if (valueSelective) {
                        double t = Math.tanh(u.value()[level]);
                        u.grad()[level] += a[j] * e[j] * (1 - t * t);
                    }
                }
            }
            return total / m;
        }
    }

    public static Example draw(NeedleExample.Gaussians g, Config c) {
        double[] levels = c.levels();
        double[] mu = new double[c.dim()];
        for (int i = 0; i < mu.length; i++) mu[i] = g.next();
        int[] level = new int[c.tokens()];
        double[] x = new double[c.tokens() * c.dim()];
        for (int j = 0; j < level.length; j++) {
            level[j] = g.rng().nextInt(levels.length);
            for (int d = 0; d < c.dim(); d++) x[j * c.dim() + d] = mu[d] + levels[level[j]] * g.next();
        }
        return new Example(x, level, mu);
    }

    /** The Bayes posterior mean for μ ~ N(0, I): Σ w_j x_j / (1 + Σ w_j), w_j = 1/σ_j². */
    public static double[] bayes(Example ex, double[] levels, int dim) {
        double[] y = new double[dim];
        double total = 1;
        for (int j = 0; j < ex.level().length; j++) {
            double w = 1 / (levels[ex.level()[j]] * levels[ex.level()[j]]);
            total += w;
            for (int d = 0; d < dim; d++) y[d] += w * ex.x()[j * dim + d];
        }
        for (int d = 0; d < dim; d++) y[d] /= total;
        return y;
    }

    public static Result run(Config c, Progress progress, Cancellation cancel) {
        int levels = c.levels().length;
        Model vanilla = new Model(false, levels, c.dim());
        Model selective = new Model(true, levels, c.dim());
        AdamW optV = new AdamW(c.learningRate(), 0.9, 0.999, 1e-8, 0, Precision.FP64);
        AdamW optS = new AdamW(c.learningRate(), 0.9, 0.999, 1e-8, 0, Precision.FP64);
        NeedleExample.Gaussians data = new NeedleExample.Gaussians(NeedleTrainer.stream(c.seed(), 11, 0));
        List<Example> batch = new ArrayList<>();
        for (int step = 1; step <= c.steps(); step++) {
            cancel.throwIfCancelled();
            batch.clear();
            for (int b = 0; b < c.batchSize(); b++) batch.add(draw(data, c));
            vanilla.zeroGrad();
            vanilla.loss(batch, true);
            optV.step(vanilla.parameters());
            selective.zeroGrad();
            selective.loss(batch, true);
            optS.step(selective.parameters());
            if (step % 50 == 0) progress.report(0.9 * step / c.steps(), "step " + step + "/" + c.steps());
        }
        NeedleExample.Gaussians eval = new NeedleExample.Gaussians(NeedleTrainer.stream(c.seed(), 12, 0));
        double[] sums = new double[4];
        for (int e = 0; e < c.evalExamples(); e++) {
            Example ex = draw(eval, c);
            double[] naive = new double[c.dim()];
            for (int j = 0; j < c.tokens(); j++) {
                for (int d = 0; d < c.dim(); d++) naive[d] += ex.x()[j * c.dim() + d] / c.tokens();
            }
            double[][] estimates = {vanilla.predict(ex), selective.predict(ex), naive, bayes(ex, c.levels(), c.dim())};
            for (int k = 0; k < 4; k++) {
                double s = 0;
                for (int d = 0; d < c.dim(); d++) s += (estimates[k][d] - ex.mu()[d]) * (estimates[k][d] - ex.mu()[d]);
                sums[k] += s / c.dim();
            }
        }
        double[] tau = new double[levels];
        for (int l = 0; l < levels; l++) tau[l] = selective.valueTau(l);
        progress.report(1, "done");
        int m = c.evalExamples();
        return new Result(sums[0] / m, sums[1] / m, sums[2] / m, sums[3] / m, c.levels(), vanilla.logits().value().clone(),
                selective.logits().value().clone(), tau);
    }
}
