package lab.softmax.app.cli.collapse;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonLinesOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.CollapseRun;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.CollapseTrainer;
import lab.softmax.engine.collapse.DatasetKind;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "grokking", aliases = "collapse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Softmax Collapse and grokking (Prieto et al. 2025): the paper's MLP trained live.",
                "Trains it full-batch on modular arithmetic (or sparse parity) and prints one line per logged",
                "epoch: train/test accuracy and loss, SC fraction (sum exp(z - max) == 1 exactly in the loss",
                "precision, max term first, then index order), zero-loss fraction, mean |logit|, mean top-2 gap, weight norm and",
                "nlm_cosine = cos(-grad L, theta) of the raw gradient. All metrics of epoch e are measured after",
                "e optimiser steps. Defaults are the paper's Fig. 1c settings.",
                "With --orthograd the official code's wiring applies (utils.py, get_optimizer): AdamW runs betas",
                "(0.9, 0.999) and eps 1e-8, SGD runs momentum 0.8, unless you give --beta2/--eps/--momentum.",
                "Plain SGD defaults to momentum 0.2. The model is float32; StableMax CE is always computed in fp64.",
                "Same seed and options give the same output bit for bit, for any --threads."})
public final class CollapseTrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--task", defaultValue = "modular", description = "modular or sparse-parity (default: ${DEFAULT-VALUE})")
    String task;
    @Option(names = "--operation", defaultValue = "add", description = "add, sub or mul (default: ${DEFAULT-VALUE})")
    String operation;
    @Option(names = "--modulus", defaultValue = "113", description = "p (default: ${DEFAULT-VALUE})")
    int modulus;
    @Option(names = "--train-fraction", defaultValue = "0.4", description = "(default: ${DEFAULT-VALUE})")
    double trainFraction;
    @Option(names = "--hidden", defaultValue = "200,200", split = ",", description = "hidden widths (default: ${DEFAULT-VALUE})")
    int[] hidden;
    @Option(names = "--optimizer", defaultValue = "adamw", description = "adamw or sgd (default: ${DEFAULT-VALUE})")
    String optimizer;
    @Option(names = "--lr", defaultValue = "0.01", description = "(default: ${DEFAULT-VALUE})")
    double lr;
    @Option(names = "--beta1", defaultValue = "0.9", description = "(default: ${DEFAULT-VALUE})")
    double beta1;
    @Option(names = "--beta2", description = "(default: 0.99; 0.999 with --orthograd)")
    Double beta2;
    @Option(names = "--eps", description = "Adam epsilon (default: 1e-25; 1e-8 with --orthograd)")
    Double eps;
    @Option(names = "--momentum", description = "SGD momentum (default: 0.2; 0.8 with --orthograd)")
    Double momentum;
    @Option(names = "--weight-decay", defaultValue = "0", description = "(default: ${DEFAULT-VALUE})")
    double weightDecay;
    @Option(names = "--loss", defaultValue = "softmax-ce", description = "softmax-ce or stablemax-ce (default: ${DEFAULT-VALUE})")
    String loss;
    @Option(names = "--loss-precision", defaultValue = "fp32", description = "fp16, fp32, fp64 or bf16 for softmax CE and SC (default: ${DEFAULT-VALUE})")
    String lossPrecision;
    @Option(names = "--orthograd", description = "⊥Grad: project each weight's gradient orthogonal to the weight, keep its norm.")
    boolean orthograd;
    @Option(names = "--epochs", defaultValue = "1500", description = "(default: ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--log-every", defaultValue = "10", description = "(default: ${DEFAULT-VALUE})")
    int logEvery;
    @Option(names = "--seed", defaultValue = "42", description = "split and initialisation (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--parity-bits", defaultValue = "3", description = "sparse parity: parity bits (default: ${DEFAULT-VALUE})")
    int parityBits;
    @Option(names = "--noise-bits", defaultValue = "40", description = "sparse parity: noise bits (default: ${DEFAULT-VALUE})")
    int noiseBits;
    @Option(names = "--parity-samples", defaultValue = "2000", description = "sparse parity: samples (default: ${DEFAULT-VALUE})")
    int paritySamples;
    @Option(names = "--threads", description = "worker threads (default: available processors)")
    Integer threads;
    @Option(names = "--save", description = "append this run (config + metrics) to a collapse scenario file (created if missing)")
    Path save;
    @Option(names = "--label", description = "the run's label in --save (default: derived from the options)")
    String label;
    @Option(names = "--title", description = "the scenario's title when --save creates it")
    String title;
    @Option(names = "--description", description = "the scenario's description when --save creates it")
    String description;
    @Option(names = "--benchmark", description = "time N training epochs (after N/2 warm-up epochs) and print ms per epoch instead of training")
    Integer benchmark;
    @Mixin JsonLinesOption json;

    @Override
    public Integer call() throws Exception {
        CollapseConfig config = config();
        if (threads != null && (threads < 1 || threads > 256)) throw new InputException("", "--threads", threads + " is outside 1..256");
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) throw new InputException("", "--threads", "must be >= 1, got " + workers);
        PrintWriter out = spec.commandLine().getOut();
        if (benchmark != null) return benchmark(config, workers, out);
        if (save != null) checkSave();
        CollapseTrainer run = new CollapseTrainer(config, workers);
        if (!json.on()) out.printf(Locale.ROOT, "%7s %9s %7s %7s %7s %7s %9s %8s %9s %7s %8s%n", "epoch", "train_loss",
                "train", "test", "SC", "zero", "|logit|", "top2gap", "|theta|", "nlm_cos", "time_s");
        run.run(Cancellation.none(), Progress.NONE, m -> print(out, m));
        List<EpochMetrics> history = run.history();
        ObjectNode done = JsonOutput.object();
        done.put("done", true);
        done.put("epochs", run.epoch());
        EpochMetrics last = history.getLast();
        done.put("elapsed_s", last.elapsedS());
        done.put("final_train_acc", last.trainAcc());
        done.put("final_test_acc", last.testAcc());
        CollapseRun record = new CollapseRun(label == null ? config.defaultLabel() : label, config, history);
        int sc50 = record.firstEpochAbove(0.5);
        if (sc50 >= 0) done.put("sc50_epoch", sc50); else done.putNull("sc50_epoch");
        done.put("train_size", run.data().trainY().length);
        done.put("test_size", run.data().testY().length);
        done.set("config", Json.mapper().valueToTree(config));
        if (json.on()) JsonOutput.printLine(out, done);
        else out.printf(Locale.ROOT, "done: %d epochs in %.1f s, test accuracy %.4f, SC > 50%% from epoch %s%n",
                run.epoch(), last.elapsedS(), last.testAcc(), sc50 >= 0 ? Integer.toString(sc50) : "never");
        if (save != null) save(record);
        return Cli.OK;
    }

    CollapseConfig config() {
        DatasetKind t = Options.parse(() -> DatasetKind.parse(task), "--task");
        Operation op = Options.parse(() -> Operation.parse(operation), "--operation");
        OptimizerKind opt = Options.parse(() -> OptimizerKind.parse(optimizer), "--optimizer");
        LossKind lk = Options.parse(() -> LossKind.parse(loss), "--loss");
        Precision p = Options.parse(() -> Precision.parse(lossPrecision), "--loss-precision");
        double b2 = beta2 != null ? beta2 : orthograd ? 0.999 : 0.99;
        double e = eps != null ? eps : orthograd ? 1e-8 : 1e-25;
        double mom = momentum != null ? momentum : orthograd ? 0.8 : 0.2;
        List<Integer> widths = Arrays.stream(hidden).boxed().toList();
        return Options.config(() -> new CollapseConfig(t, op, modulus, trainFraction, widths, opt, lr, beta1, b2, e, mom,
                weightDecay, lk, p, orthograd, epochs, logEvery, seed, parityBits, noiseBits, paritySamples));
    }

    private void print(PrintWriter out, EpochMetrics m) {
        if (json.on()) {
            JsonOutput.printLine(out, m);
        } else {
            out.printf(Locale.ROOT, "%7d %9.3e %7.4f %7.4f %7.4f %7.4f %9.3f %8.3f %9.2f %7.4f %8.1f%n", m.epoch(),
                    m.trainLoss(), m.trainAcc(), m.testAcc(), m.scFraction(), m.zeroLossFraction(), m.meanAbsLogit(),
                    m.meanTop2Gap(), m.weightNorm(), m.nlmCosine(), m.elapsedS());
            out.flush();
        }
    }

    private int benchmark(CollapseConfig config, int workers, PrintWriter out) {
        if (benchmark < 1) throw new InputException("", "--benchmark", "must be >= 1, got " + benchmark);
        CollapseTrainer run = new CollapseTrainer(config, workers);
        run.trainEpochs(Math.max(1, benchmark / 2));
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        run.trainEpochs(benchmark);
        double ms = (System.nanoTime() - t0) * 1e-6 / benchmark;
        double cpuMs = (processCpuNanos() - cpu0) * 1e-6 / benchmark;
        ObjectNode o = JsonOutput.object();
        o.put("ms_per_epoch", ms);
        // CPU time of the whole process per epoch: on a machine shared with other work, cpu_ms / threads
        // approximates the wall time the epoch would take on idle cores.
        o.put("cpu_ms_per_epoch", cpuMs);
        o.put("epochs_timed", benchmark);
        o.put("threads", workers);
        o.put("train_size", run.data().trainY().length);
        o.put("loss", config.loss().id());
        o.put("loss_precision", config.lossPrecision().id());
        if (json.on()) JsonOutput.printLine(out, o);
        else out.printf(Locale.ROOT, "%.2f ms per epoch, %.2f ms CPU (%d epochs, %d threads, N = %d, %s %s)%n", ms, cpuMs, benchmark, workers,
                run.data().trainY().length, config.loss().id(), config.lossPrecision().id());
        return Cli.OK;
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * Fails before training, not after hours of it: --save must be (or be creatable as) a file in a
     * writable folder, and an existing file must be a collapse scenario.
     */
    private void checkSave() {
        Path target = save.toAbsolutePath();
        if (Files.isDirectory(target)) throw new InputException(save.toString(), "--save", "is a folder, give a .json file");
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target) || !Files.isReadable(target)) {
                throw new InputException(save.toString(), "--save", "is not a readable file");
            }
            Scenario<?> s = ScenarioTypes.io().read(save);
            if (!(s.state() instanceof CollapseState)) {
                throw new InputException(save.toString(), "--save", "holds a '" + s.lab() + "' scenario, needs a collapse scenario");
            }
        }
        // The file is written atomically through a temp file next to it; missing folders are created.
        Path folder = target.getParent();
        while (folder != null && !Files.exists(folder)) folder = folder.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InputException(save.toString(), "--save", "cannot be created: " + folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) throw new InputException(save.toString(), "--save", "folder " + folder + " is not writable");
    }

    private void save(CollapseRun record) throws java.io.IOException {
        List<CollapseRun> runs = new ArrayList<>();
        String scenarioTitle = title == null ? "Grokking runs" : title;
        String scenarioDescription = description == null ? "" : description;
        if (Files.exists(save)) {
            Scenario<?> s = ScenarioTypes.io().read(save);
            if (!(s.state() instanceof CollapseState cs)) {
                throw new InputException(save.toString(), "lab", "is '" + s.lab() + "', --save needs a collapse scenario");
            }
            runs.addAll(cs.runs());
            scenarioTitle = s.title();
            scenarioDescription = s.description();
        }
        runs.add(record);
        CollapseState state = new CollapseState(runs, 0, 0, true);
        ScenarioTypes.io().write(save, new Scenario<>(CollapseState.TYPE, scenarioTitle, scenarioDescription, state));
    }


}
