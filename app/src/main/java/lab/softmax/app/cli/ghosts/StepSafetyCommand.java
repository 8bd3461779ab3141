package lab.softmax.app.cli.ghosts;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonLinesOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.ghosts.training.StepRecord;
import lab.softmax.engine.ghosts.training.StepSafetyConfig;
import lab.softmax.engine.ghosts.training.StepSafetyRun;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "step-safety", mixinStandardHelpOptions = true,
        description = {"The Ghosts lab's spike test: train with a learning-rate spike and log, at every step, rho_a along "
                + "the actual update (a JVP over the whole training split), the step length tau and r = tau/rho_a.",
                "Controllers: none (plain optimiser), clip (gradient norm <= --clip-norm before the optimiser), rho "
                        + "(step scaled by s = min(1, rho_a/||p||), so r <= 1).",
                "Data sets: blobs (10 Gaussian classes in 20-D, separation 1.6, seed 2026), blobs-hard (separation 0.8), "
                        + "digits (the paper's 8x8 digits, pixels/16, stratified 80/20 split by --seed; MLP 64-128-10).",
                "Models: linear, mlp, and the paper's architecture grid: mlp-ln (3 x (64, LayerNorm, GELU)), transformer "
                        + "(one token, one block, d = 32, FFN 4d), cnn and cnn-bn (two Conv1d(32), with BatchNorm: batch "
                        + "statistics in the training step, running statistics for metrics and rho_a).",
                "The paper's Table 1: --dataset digits --model mlp-ln --lr 0.015 --spike-factor 10000 --spike-at 50 "
                        + "--spike-until 51 --batch-size full.",
                "--json streams one line per step: {step, train_loss, test_acc, rho_a, step_norm, r, train_acc, lr, "
                        + "lr_effective, grad_norm}, then {\"done\":true, ...}. Steps are 0-based; metrics are after the step's update."})
public final class StepSafetyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin TrainingDataOptions data;

    @Mixin ControllerOptions control;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Base learning rate (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--spike-factor", defaultValue = "1000", description = "LR multiplier during the spike (default: ${DEFAULT-VALUE})")
    double spikeFactor;

    @Option(names = "--spike-at", defaultValue = "50", description = "First spiked step, 0-based (default: ${DEFAULT-VALUE})")
    int spikeAt;

    @Option(names = "--spike-until", description = "First step after the spike (default: --steps, i.e. to the end)")
    Integer spikeUntil;

    @Option(names = "--steps", defaultValue = "200", description = "Training steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch-size", defaultValue = "64", description = "Minibatch size, drawn with replacement, or 'full': "
            + "every step on the whole training split, as the paper's architecture grid (default: ${DEFAULT-VALUE})")
    String batchSize;

    @Option(names = "--seed", defaultValue = "0", description = "Initial weights from SplitMix64(1000+S), batches from SplitMix64(77+S) (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin JsonLinesOption json;

    @Override
    public Integer call() {
        StepSafetyConfig cfg = config();
        PrintWriter out = spec.commandLine().getOut();
        var split = data.load(cfg.seed());
        if (!json.on()) {
            out.printf(Locale.ROOT, "%6s %12s %9s %9s %12s %12s %10s %11s%n", "step", "train_loss", "train_acc", "test_acc",
                    "rho_a", "step_norm", "r", "lr_eff");
            out.flush();
        }
        List<StepRecord> records = StepSafetyRun.run(cfg, split, rec -> {
            if (json.on()) {
                JsonOutput.printLine(out, toJson(rec));
            } else {
                out.printf(Locale.ROOT, "%6d %12.6g %9.4f %9.4f %12.6g %12.6g %10.4g %11.4g%n", rec.step(), rec.trainLoss(),
                        rec.trainAcc(), rec.testAcc(), rec.rhoA(), rec.stepNorm(), rec.r(), rec.lrEffective());
                out.flush();
            }
        }, Progress.NONE, Cancellation.none());
        StepRecord last = records.get(records.size() - 1);
        double maxR = records.stream().mapToDouble(StepRecord::r).max().orElse(0);
        if (json.on()) {
            ObjectNode done = JsonOutput.object();
            done.put("done", true);
            done.put("dataset", cfg.dataset().id());
            done.put("model", cfg.model().id());
            done.put("controller", cfg.controller().id());
            done.put("batch_size", cfg.fullBatch() ? "full" : Integer.toString(cfg.batchSize()));
            done.put("steps", cfg.steps());
            done.put("final_train_loss", last.trainLoss());
            done.put("final_test_acc", last.testAcc());
            done.put("max_r", maxR);
            JsonOutput.printLine(out, done);
        } else {
            out.printf(Locale.ROOT, "final: train loss %.6g, test accuracy %.4f, max r %.4g (%s, %s, controller %s)%n",
                    last.trainLoss(), last.testAcc(), maxR, cfg.dataset().id(), cfg.model().id(), cfg.controller().id());
        }
        return Cli.OK;
    }

    static ObjectNode toJson(StepRecord rec) {
        ObjectNode o = JsonOutput.object();
        o.put("step", rec.step());
        o.put("train_loss", rec.trainLoss());
        o.put("test_acc", rec.testAcc());
        o.put("rho_a", rec.rhoA());
        o.put("step_norm", rec.stepNorm());
        o.put("r", rec.r());
        o.put("train_acc", rec.trainAcc());
        o.put("lr", rec.lr());
        o.put("lr_effective", rec.lrEffective());
        o.put("grad_norm", rec.gradNorm());
        return o;
    }

    private StepSafetyConfig config() {
        var ds = data.dataset();
        var m = data.model();
        var opt = control.optimizer();
        var ctl = control.controller();
        int until = spikeUntil != null ? spikeUntil : Math.max(steps, spikeAt);
        int batch = batchSize(batchSize);
        return Options.config(() -> new StepSafetyConfig(ds, m, opt, lr, spikeFactor, spikeAt, until, ctl, control.clipNorm(),
                steps, seed, batch));
    }

    /** "full" → {@link StepSafetyConfig#FULL_BATCH}; otherwise a positive integer. */
    static int batchSize(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("full")) return StepSafetyConfig.FULL_BATCH;
        return Options.parse(() -> {
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new InputException("", "\"" + text + "\" is neither a positive integer nor 'full'");
            }
            if (n < 1) throw new InputException("", n + " must be >= 1, or 'full' for the whole training split");
            return n;
        }, "--batch-size");
    }

}
