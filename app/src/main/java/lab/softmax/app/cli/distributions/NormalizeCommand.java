package lab.softmax.app.cli.distributions;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.InputArgument;
import lab.softmax.app.cli.JsonDocumentOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.app.cli.PrecisionOption;
import lab.softmax.app.cli.TemperatureOption;
import lab.softmax.engine.distributions.Normalization;
import lab.softmax.engine.distributions.NormalizationResult;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.LogitRules;
import lab.softmax.engine.io.LogitsFile;
import lab.softmax.engine.numeric.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = {"The Distributions lab: logits in, probabilities out, in an emulated precision.",
                "Input: {\"logits\":[...]} (JSON, numbers or \"Infinity\"/\"-Infinity\"), a CSV/TXT of numbers, "
                        + "or a NumPy .npy (float32/float64); '-' reads JSON from standard input.",
                "-Infinity masks an entry; NaN, +Infinity or an empty vector exit 2 naming the index."})
public final class NormalizeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--normalizer", defaultValue = "softmax",
            description = "softmax, stablemax, sparsemax, entmax15 or softplus (default: ${DEFAULT-VALUE})")
    String normalizer;

    @Mixin TemperatureOption temperatureOption;

    @Mixin PrecisionOption precision = new PrecisionOption(Precision.FP64);

    @Option(names = "--no-max-shift", description = "Skip the max subtraction (softmax only): watch exp overflow.")
    boolean noMaxShift;

    @Option(names = "--top-k", defaultValue = "1", description = "k for the top-k mass read-out (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--input", required = true, description = "Logits file, or '-' for JSON on standard input.")
    String input;

    @Mixin JsonDocumentOption json;

    @Override
    public Integer call() {
        NormalizerKind kind = Options.parse(() -> NormalizerKind.parse(normalizer), "--normalizer");
        Precision p = precision.value();
        double temperature = temperatureOption.value();
        if (topK < 1) throw new InputException("", "--top-k", "must be >= 1, got " + topK);
        double[] logits = InputArgument.read(input, LogitsFile::readJson, LogitsFile::read);
        String source = InputArgument.source(input);
        LogitRules.require(logits, source, "logits");
        NormalizationResult r = Normalization.run(logits, temperature, kind, p, !noMaxShift);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            JsonOutput.print(out, toJson(r));
        } else {
            printTable(out, r);
        }
        return Cli.OK;
    }

    static ObjectNode toJson(NormalizationResult r) {
        ObjectNode o = JsonOutput.object();
        o.put("normalizer", r.kind().id());
        o.put("temperature", r.temperature());
        o.put("precision", r.precision().id());
        o.set("probabilities", JsonOutput.array(r.probabilities()));
        o.put("entropy_nats", r.entropyNats());
        o.put("underflow_count", r.underflowCount());
        o.put("overflow_count", r.overflowCount());
        o.put("absorbed_count", r.absorbedCount());
        o.put("denominator", r.denominator());
        o.put("sum_rounded_to_one", r.sumRoundedToOne());
        o.put("exact_zero_count", r.exactZeroCount());
        o.put("nan_count", r.nanCount());
        o.put("log_sum_exp", r.logSumExp());
        o.put("max_shift", r.subtractMax());
        o.put("sum", r.total());
        o.put("max_rel_error_vs_fp64", r.maxRelativeError());
        return o;
    }

    private void printTable(PrintWriter out, NormalizationResult r) {
        out.printf(Locale.ROOT, "%s  T=%s  %s%s%n", r.kind().label(), r.temperature(), r.precision().id(),
                r.subtractMax() ? "" : "  (no max shift)");
        out.printf(Locale.ROOT, "%8s  %24s  %24s%n", "index", "probability", "float64 reference");
        double[] p = r.probabilities();
        int shown = Math.min(p.length, 50);
        for (int i = 0; i < shown; i++) {
            out.printf(Locale.ROOT, "%8d  %24.17g  %24.17g%n", i, p[i], r.reference()[i]);
        }
        if (shown < p.length) out.printf(Locale.ROOT, "%8s  (%d more; use --json for all)%n", "...", p.length - shown);
        out.printf(Locale.ROOT, "entropy %.6g nats, top-%d mass %.6g, log-sum-exp %.9g%n",
                r.entropyNats(), topK, r.topKMass(topK), r.logSumExp());
        out.printf(Locale.ROOT, "underflow %d, overflow %d, absorbed %d, exact zeros %d, NaN %d%n",
                r.underflowCount(), r.overflowCount(), r.absorbedCount(), r.exactZeroCount(), r.nanCount());
        if (r.sumRoundedToOne()) {
            out.println("the normalising sum rounded to exactly 1: every term but the largest was absorbed");
        }
    }

}
