package lab.softmax.app.cli.attention;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.attention.NeedleConfig;
import lab.softmax.engine.attention.NeedleEval;
import lab.softmax.engine.attention.NeedleLearned;
import lab.softmax.engine.attention.NeedleListener;
import lab.softmax.engine.attention.NeedleMode;
import lab.softmax.engine.attention.NeedlePreset;
import lab.softmax.engine.attention.NeedleResult;
import lab.softmax.engine.attention.NeedleTrainer;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The needle task: n unit keys in R^d, a query near one of them, the target its value; one",
                "attention layer g_i = q'Wk_i trained with AdamW on n from --train-context, then evaluated at each",
                "--eval-context length on the same fresh examples for every mode. SSA multiplies the row by",
                "tau = 1 + s*ln n + tanh(u.q) with s = exp(-exp(beta)) learned. --mode both trains the two in lockstep.",
                "--json prints JSON Lines: one object per mode (vanilla first), each",
                "{\"task\",\"mode\",\"preset\",\"seed\",\"steps\",\"learned\":{...},\"eval\":[{\"n\",\"needle_weight\",...},...]}.",
                "Pointer accuracy (argmax = needle) is not reported: a positive temperature never changes the argmax.",
                "A seed gives the same numbers bit for bit on the same JVM and CPU, alone or beside the other mode."})
public final class AttentionTrainCommand implements Callable<Integer> {
    private static final Map<String, String> OPTION_OF_FIELD = Map.of("keyDim", "--dim", "trainLengths", "--train-context",
            "evalLengths", "--eval-context", "evalExamples", "--eval-examples", "queryNoise", "--query-noise",
            "weightDecay", "--weight-decay", "steps", "--steps");

    @Spec CommandSpec spec;

    @Option(names = "--task", defaultValue = "needle", description = "needle (the only task) (default: ${DEFAULT-VALUE})")
    String task;
    @Option(names = "--mode", defaultValue = "both", description = "vanilla, ssa or both (default: ${DEFAULT-VALUE})")
    String mode;
    @Option(names = "--preset", defaultValue = "default",
            description = "default, negative-control or quick; the options below override it (default: ${DEFAULT-VALUE})")
    String preset;
    @Option(names = "--dim", paramLabel = "D", description = "key dimension d (default: the preset's, 32; 16 for negative-control)")
    Integer dim;
    @Option(names = "--train-context", paramLabel = "LENGTHS",
            description = "training lengths: A..B (powers of two from A to B) or a list 8,16,32 (default: 8..256)")
    String trainContext;
    @Option(names = "--eval-context", paramLabel = "LENGTHS", description = "evaluation lengths, a list or A..B (default: 8,64,256,1024,4096)")
    String evalContext;
    @Option(names = "--steps", description = "training steps (default: the preset's, 1500; 500 for quick)")
    Integer steps;
    @Option(names = "--weight-decay", paramLabel = "WD", description = "AdamW weight decay on W and u (default: the preset's)")
    Double weightDecay;
    @Option(names = "--query-noise", paramLabel = "SIGMA", description = "q = k_t + SIGMA*xi/sqrt(d) (default: the preset's, 0.3)")
    Double queryNoise;
    @Option(names = "--eval-examples", paramLabel = "N", description = "fresh examples per evaluation length (default: 512)")
    Integer evalExamples;
    @Option(names = "--seed", defaultValue = "1", description = "initialisation, data and evaluation (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--json", description = "JSON Lines: one object per mode.")
    boolean json;

    @Override
    public Integer call() {
        if (!task.trim().equalsIgnoreCase("needle")) throw new InputException("", "--task", "'" + task + "' is not a task (expected needle)");
        List<NeedleMode> modes = modes();
        NeedlePreset p = Options.parse(() -> NeedlePreset.parse(preset), "--preset");
        NeedleConfig c = config(p);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "needle task, preset %s, seed %d: d=%d, %d steps, weight decay %s, query noise %s, training on n in %s%n",
                    p.id(), c.seed(), c.keyDim(), c.steps(), c.weightDecay(), c.queryNoise(), java.util.Arrays.toString(c.trainLengths()));
            out.flush();
        }
        List<NeedleResult> results = NeedleTrainer.train(c, modes, Progress.NONE, Cancellation.none(), NeedleListener.NONE);
        for (NeedleResult r : results) {
            if (json) {
                JsonOutput.printLine(out, toJson(r, p, c));
            } else {
                printTable(out, r);
            }
        }
        return Cli.OK;
    }

    private List<NeedleMode> modes() {
        String m = mode.trim().toLowerCase(Locale.ROOT);
        if (m.equals("both")) return List.of(NeedleMode.VANILLA, NeedleMode.SSA);
        try {
            return List.of(NeedleMode.parse(m));
        } catch (InputException e) {
            throw new InputException("", "--mode", "unknown mode '" + mode + "' (expected vanilla, ssa or both)");
        }
    }

    NeedleConfig config(NeedlePreset p) {
        NeedleConfig b = p.config(seed);
        int[] train = trainContext == null ? b.trainLengths() : lengths(trainContext, "--train-context");
        int[] eval = evalContext == null ? b.evalLengths() : lengths(evalContext, "--eval-context");
        return Options.config(() -> new NeedleConfig(dim == null ? b.keyDim() : dim, b.valueDim(), b.normaliseKeys(),
                queryNoise == null ? b.queryNoise() : queryNoise, b.learningRate(), b.batchSize(),
                steps == null ? b.steps() : steps, train, eval, evalExamples == null ? b.evalExamples() : evalExamples,
                weightDecay == null ? b.weightDecay() : weightDecay, b.beta0(), b.initScale(), seed, 0, b.liveExamples()),
                OPTION_OF_FIELD);
    }

    /** "A..B" (the powers of two from A to B, both included when they are powers of two) or "a,b,c". */
    static int[] lengths(String text, String option) {
        String t = text.trim();
        try {
            if (t.contains("..")) {
                String[] ends = t.split("\\.\\.", -1);
                if (ends.length != 2) throw new NumberFormatException();
                int a = Integer.parseInt(ends[0].trim());
                int b = Integer.parseInt(ends[1].trim());
                if (a < 1 || b < a) throw new InputException("", option, "'" + text + "': need 1 <= A <= B in A..B");
                List<Integer> out = new ArrayList<>();
                for (long n = a; n <= b; n *= 2) out.add((int) n);
                if (out.getLast() != b) out.add(b);
                return out.stream().mapToInt(Integer::intValue).toArray();
            }
            String[] parts = t.split(",");
            int[] out = new int[parts.length];
            for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i].trim());
            return out;
        } catch (NumberFormatException e) {
            throw new InputException("", option, "'" + text + "' is not A..B or a comma-separated list of lengths");
        }
    }

    static ObjectNode toJson(NeedleResult r, NeedlePreset p, NeedleConfig c) {
        ObjectNode o = JsonOutput.object();
        o.put("task", "needle");
        o.put("mode", r.mode().id());
        o.put("preset", p.id());
        o.put("seed", c.seed());
        o.put("steps", c.steps());
        o.put("key_dim", c.keyDim());
        o.put("weight_decay", c.weightDecay());
        o.put("query_noise", c.queryNoise());
        o.set("train_context", Json.mapper().valueToTree(c.trainLengths()));
        o.set("learned", Json.mapper().valueToTree(r.learned()));
        o.set("eval", Json.mapper().valueToTree(r.eval()));
        return o;
    }

    private static void printTable(PrintWriter out, NeedleResult r) {
        NeedleLearned l = r.learned();
        out.printf(Locale.ROOT, "%s: %s|u| %.4f  |W|_F %.4f%n", r.mode().id(),
                l.s() == null ? "" : String.format(Locale.ROOT, "s %.4f (beta %.4f)  ", l.s(), l.beta()), l.uNorm(), l.wFrobenius());
        out.printf(Locale.ROOT, "  %6s  %9s  %8s  %8s  %8s  %9s  %8s%n", "n", "needle_w", "a_t>0.5", "H/ln n", "mse", "value_acc", "mean_tau");
        for (NeedleEval e : r.eval()) {
            out.printf(Locale.ROOT, "  %6d  %9.4f  %8.4f  %8.4f  %8.4f  %9.4f  %8.4f%n", e.n(), e.needleWeight(), e.needleAboveHalf(),
                    e.entropyOverLogN(), e.mse(), e.valueAccuracy(), e.meanTau());
        }
        out.flush();
    }
}
