package lab.softmax.app.cli.kernels;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.InputArgument;
import lab.softmax.app.cli.JsonDocumentOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.app.cli.PrecisionOption;
import lab.softmax.app.cli.TemperatureOption;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.EmulatedSoftmax;
import lab.softmax.engine.kernels.Fp64Reference;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.Kernels;
import lab.softmax.engine.kernels.SoftmaxInput;
import lab.softmax.engine.kernels.SoftmaxKernel;
import lab.softmax.engine.numeric.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "softmax", mixinStandardHelpOptions = true,
        description = {"The Kernels lab: one softmax kernel on given logits.",
                "Input: {\"logits\":[...]} or {\"rows\":[[...],...]} (JSON; numbers or \"Infinity\"/\"-Infinity\"), "
                        + "a CSV with one row per line, or a 1-D .npy; '-' reads JSON from standard input.",
                "fp32 runs the real kernels (Vector API or scalar); fp64/fp16/bf16 run the same algorithm step by step "
                        + "with every result rounded to that precision (scalar, emulated).",
                "-Infinity masks an entry (probability exactly 0); NaN, +Infinity, values outside the precision's range "
                        + "or a fully masked row exit 2 naming the index."})
public final class SoftmaxCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--algorithm", defaultValue = "two-pass",
            description = "three-pass-recompute, three-pass-reload, two-pass or online (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--impl", defaultValue = "vector", description = "vector or scalar (default: ${DEFAULT-VALUE}); "
            + "vector falls back to scalar, and says so, without the Vector API")
    String impl;

    @Mixin PrecisionOption precision = new PrecisionOption(Precision.FP32);

    @Mixin TemperatureOption temperatureOption;

    @Option(names = "--input", required = true, description = "Logits file, or '-' for JSON on standard input.")
    String input;

    @Mixin JsonDocumentOption json;

    @Override
    public Integer call() {
        Algorithm alg = Options.parse(() -> Algorithm.parse(algorithm), "--algorithm");
        Impl requested = Options.parse(() -> Impl.parse(impl), "--impl");
        Precision p = precision.value();
        double temperature = temperatureOption.value();
        String source = InputArgument.source(input);
        SoftmaxInput in = InputArgument.read(input, SoftmaxInput::readJson, SoftmaxInput::read);
        List<RowResult> rows = new ArrayList<>();
        String usedImpl = "scalar";
        for (int r = 0; r < in.rows().size(); r++) {
            String field = in.batched() ? "rows[" + r + "]" : "logits";
            double[] scaled = scaled(in.rows().get(r), temperature, p, source, field);
            if (p == Precision.FP32) {
                SoftmaxKernel kernel = Kernels.create(alg, requested);
                usedImpl = kernel.impl().id();
                rows.add(runKernel(kernel, scaled));
            } else {
                EmulatedSoftmax.Result e = EmulatedSoftmax.run(alg, p, scaled);
                rows.add(new RowResult(e.probabilities(), e.logSumExp(), relativeError(scaled, e.probabilities(), p)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            JsonOutput.print(out, toJson(alg, usedImpl, p, in.batched(), rows));
        } else {
            printTable(out, alg, usedImpl, p, rows);
        }
        return Cli.OK;
    }

    record RowResult(double[] probabilities, double logSumExp, double maxRelError) { }

    /** x / T rounded to the precision; a value the precision cannot hold is bad input, not a silent Infinity. */
    private static double[] scaled(double[] row, double temperature, Precision p, String source, String field) {
        double[] s = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            double v = p.round(row[i] / temperature);
            if (v == Double.POSITIVE_INFINITY || (v == Double.NEGATIVE_INFINITY && row[i] != Double.NEGATIVE_INFINITY)) {
                throw new InputException(source, field + "[" + i + "]", row[i] + (temperature == 1 ? "" : " / T")
                        + " is outside the " + p.id() + " range (max " + p.maxFinite() + ")");
            }
            s[i] = v;
        }
        return s;
    }

    private static RowResult runKernel(SoftmaxKernel kernel, double[] scaled) {
        float[] x = new float[scaled.length];
        for (int i = 0; i < x.length; i++) x[i] = (float) scaled[i];
        float[] y = new float[x.length];
        double lse = kernel.softmax(x, y);
        double[] probabilities = new double[y.length];
        for (int i = 0; i < y.length; i++) probabilities[i] = y[i];
        return new RowResult(probabilities, lse, Fp64Reference.maxRelativeError(x, y, 0, x.length));
    }

    private static double relativeError(double[] x, double[] y, Precision p) {
        double[] ref = Fp64Reference.softmax(x);
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            if (ref[i] >= 2 * p.minNormal()) worst = Math.max(worst, Math.abs(y[i] - ref[i]) / ref[i]);
        }
        return worst;
    }

    static ObjectNode toJson(Algorithm alg, String impl, Precision p, boolean batched, List<RowResult> rows) {
        ObjectNode o = JsonOutput.object();
        o.put("algorithm", alg.id());
        o.put("impl", impl);
        o.put("precision", p.id());
        if (batched) {
            ArrayNode list = o.putArray("rows");
            ArrayNode lse = JsonOutput.object().arrayNode();
            ArrayNode err = JsonOutput.object().arrayNode();
            for (RowResult r : rows) {
                list.add(JsonOutput.array(r.probabilities()));
                lse.add(r.logSumExp());
                err.add(r.maxRelError());
            }
            o.set("log_sum_exp", lse);
            o.set("max_rel_error", err);
        } else {
            RowResult r = rows.get(0);
            o.set("probabilities", JsonOutput.array(r.probabilities()));
            o.put("log_sum_exp", r.logSumExp());
            o.put("max_rel_error", r.maxRelError());
        }
        return o;
    }

    private static void printTable(PrintWriter out, Algorithm alg, String impl, Precision p, List<RowResult> rows) {
        out.printf(Locale.ROOT, "%s  %s  %s%n", alg.label(), impl, p.id());
        for (int r = 0; r < rows.size(); r++) {
            RowResult row = rows.get(r);
            if (rows.size() > 1) out.printf(Locale.ROOT, "row %d%n", r);
            double[] y = row.probabilities();
            int shown = Math.min(y.length, 50);
            for (int i = 0; i < shown; i++) out.printf(Locale.ROOT, "%8d  %16.9g%n", i, y[i]);
            if (shown < y.length) out.printf(Locale.ROOT, "%8s  (%d more; use --json for all)%n", "...", y.length - shown);
            out.printf(Locale.ROOT, "log-sum-exp %.9g, max relative error vs fp64 %.3g%n", row.logSumExp(), row.maxRelError());
        }
    }
}
