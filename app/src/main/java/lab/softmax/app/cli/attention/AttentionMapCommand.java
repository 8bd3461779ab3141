package lab.softmax.app.cli.attention;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.InputArgument;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.app.cli.PrecisionOption;
import lab.softmax.app.cli.TemperatureOption;
import lab.softmax.engine.attention.Attention;
import lab.softmax.engine.attention.AttentionConfig;
import lab.softmax.engine.attention.AttentionFile;
import lab.softmax.engine.attention.AttentionInput;
import lab.softmax.engine.attention.AttentionNormalizer;
import lab.softmax.engine.attention.AttentionResult;
import lab.softmax.engine.attention.HeadResult;
import lab.softmax.engine.attention.MaskKind;
import lab.softmax.engine.attention.SsaConfig;
import lab.softmax.engine.attention.TokenForm;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.numeric.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One attention map: row i is a_i = normaliser(tau_i * q_i.k_j / sqrt(d_h) / T) over the visible keys,",
                "tau_i = 1 + s*ln(i+1) + tanh(u.q_i) (Selective Attention; 1 without --ssa-*), y_i = sum_j a_ij v_j.",
                "Input: {\"q\":[[...]],\"k\":[[...]],\"v\":[[...]]} (Q [n][h*d_h], K [m][h*d_h], V [m][h*d_v]); optional",
                "\"heads\" and an additive \"mask\" [n][m] (0 shows a key, \"-Infinity\" hides it); or per-head lists of",
                "matrices; or tokens {\"x\",\"w_q\",\"w_k\",\"w_v\"}. '-' reads JSON from standard input.",
                "Bad input (ragged rows, mismatched d, NaN or Infinity, an empty context, more than 2^25 weights)",
                "exits 2 with one line naming the file, the field with its index and the value."})
public final class AttentionMapCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--input", required = true,
            description = "Q/K/V JSON file, '-' for JSON on standard input, or three .npy files Q.npy,K.npy,V.npy")
    String input;

    @Option(names = "--heads", defaultValue = "1", description = "Heads in .npy input (JSON input says so itself) (default: ${DEFAULT-VALUE})")
    int heads;

    @Mixin TemperatureOption temperatureOption;

    @Option(names = "--ssa-position", defaultValue = "0", paramLabel = "s",
            description = "SSA position slope s >= 0: tau_i = 1 + s*ln(i+1) + ... (default: ${DEFAULT-VALUE})")
    double ssaPosition;

    @Option(names = "--ssa-token", split = ",", paramLabel = "u",
            description = "SSA token vector u (d_h numbers, shared by the heads, or h*d_h): tanh(u.q_i)")
    double[] ssaToken;

    @Option(names = "--ssa-token-form", defaultValue = "linear",
            description = "linear (u.q_i) or gelu (u.GELU(q_i), the paper's weight-shared form) (default: ${DEFAULT-VALUE})")
    String tokenForm;

    @Option(names = "--mask", defaultValue = "full",
            description = "full, causal (j <= i), padding (j < --valid-keys) or pattern (the input's mask) (default: ${DEFAULT-VALUE})")
    String mask;

    @Option(names = "--valid-keys", paramLabel = "N", description = "for --mask padding: keys 0..N-1 are visible")
    Integer validKeys;

    @Option(names = "--normalizer", defaultValue = "softmax",
            description = "softmax, stablemax, sparsemax or length-scaled (default: ${DEFAULT-VALUE})")
    String normalizer;

    @Option(names = "--length-scale", defaultValue = "1", paramLabel = "s",
            description = "for length-scaled: the logits are multiplied by s*ln(n_visible) (default: ${DEFAULT-VALUE})")
    double lengthScale;

    @Mixin PrecisionOption precision = new PrecisionOption(Precision.FP64);

    @Option(names = "--no-max-shift", description = "Skip the max subtraction: watch exp overflow (fp16 rows turn NaN).")
    boolean noMaxShift;

    @Option(names = "--head", defaultValue = "0", paramLabel = "h", description = "the head whose weights are printed (default: ${DEFAULT-VALUE})")
    int head;

    @Option(names = "--json", description = "Print one JSON document: weights, entropy, output and per-row metrics.")
    boolean json;

    @Override
    public Integer call() {
        AttentionInput in = readInput();
        if (head < 0 || head >= in.heads()) {
            throw new InputException(in.source(), "--head", head + " is outside 0.." + (in.heads() - 1) + " (the input has "
                    + in.heads() + (in.heads() == 1 ? " head)" : " heads)"));
        }
        AttentionConfig config = config(in);
        AttentionResult result = Attention.compute(in, config);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(in, config, result, head));
        } else {
            printTable(out, in, config, result.head(head), head);
        }
        return Cli.OK;
    }

    AttentionConfig config(AttentionInput in) {
        double t = temperatureOption.value();
        MaskKind m = Options.parse(() -> MaskKind.parse(mask), "--mask");
        AttentionNormalizer norm = Options.parse(() -> AttentionNormalizer.parse(normalizer), "--normalizer");
        TokenForm form = Options.parse(() -> TokenForm.parse(tokenForm), "--ssa-token-form");
        Precision p = precision.value();
        if (validKeys != null && m != MaskKind.PADDING) {
            throw new InputException("", "--valid-keys", "applies to --mask padding only (the mask is " + m.id() + ")");
        }
        if (m == MaskKind.PADDING && validKeys == null) {
            throw new InputException("", "--valid-keys", "missing: --mask padding needs the number of visible keys");
        }
        int valid = validKeys == null ? 0 : validKeys;
        if (valid < 0 || valid > in.keys()) {
            throw new InputException("", "--valid-keys", valid + " is outside 0.." + in.keys() + " (the input's keys)");
        }
        if (ssaToken != null && ssaToken.length != in.headDim() && ssaToken.length != in.heads() * in.headDim()) {
            throw new InputException("", "--ssa-token", ssaToken.length + " numbers; the input needs d_h = " + in.headDim()
                    + (in.heads() > 1 ? " (shared) or h*d_h = " + in.heads() * in.headDim() : ""));
        }
        SsaConfig ssa = Options.parse(() -> new SsaConfig(ssaPosition, ssaToken, form, null), "--ssa-position/--ssa-token");
        return Options.config(() -> AttentionConfig.defaults().withTemperature(t).withMask(m, valid).withNormalizer(norm)
                .withLengthScale(lengthScale).withPrecision(p).withSubtractMax(!noMaxShift).withSsa(ssa));
    }

    static ObjectNode toJson(AttentionInput in, AttentionConfig c, AttentionResult result, int head) {
        HeadResult r = result.head(head);
        ObjectNode o = JsonOutput.object();
        ArrayNode weights = o.putArray("weights");
        for (double[] row : r.weights()) weights.add(JsonOutput.array(row));
        o.set("entropy", JsonOutput.array(r.entropy()));
        ArrayNode output = o.putArray("output");
        for (double[] row : result.output()) output.add(JsonOutput.array(row));
        o.set("entropy_over_log_n", JsonOutput.array(r.entropyOverLogN()));
        o.set("max_weight", JsonOutput.array(r.maxWeight()));
        o.set("query_tau", JsonOutput.array(r.queryTau()));
        ArrayNode visible = o.putArray("visible_keys");
        for (int v : r.visible()) visible.add(v);
        ArrayNode zeros = o.putArray("exact_zeros");
        for (int z : r.exactZeros()) zeros.add(z);
        o.put("nan_rows", r.nanRows());
        o.put("head", head);
        o.put("heads", in.heads());
        o.put("queries", in.queries());
        o.put("keys", in.keys());
        o.put("head_dim", in.headDim());
        o.put("value_dim", in.valueDim());
        o.put("temperature", c.temperature());
        o.put("mask", c.mask().id());
        o.put("normalizer", c.normalizer().id());
        o.put("precision", c.precision().id());
        o.put("max_shift", c.subtractMax());
        o.put("ssa_position", c.ssa().slope());
        if (c.ssa().u() != null) o.set("ssa_token", JsonOutput.array(c.ssa().u()));
        return o;
    }

    private static void printTable(PrintWriter out, AttentionInput in, AttentionConfig c, HeadResult r, int head) {
        int n = r.weights().length;
        int m = n == 0 ? 0 : r.weights()[0].length;
        out.printf(Locale.ROOT, "head %d of %d: %d queries x %d keys, T=%s, mask %s, %s, %s%s%n", head, in.heads(), n, m,
                c.temperature(), c.mask().id(), c.normalizer().label(), c.precision().id(), c.ssa().isOff() ? ""
                        : String.format(Locale.ROOT, ", SSA s=%s%s", c.ssa().slope(), c.ssa().u() == null ? "" : " with u"));
        int shownCols = Math.min(m, 8);
        int shownRows = Math.min(n, 20);
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%6s %8s %8s", "row", "H/ln n", "tau"));
        for (int j = 0; j < shownCols; j++) h.append(String.format(Locale.ROOT, " %9s", "a[" + j + "]"));
        out.println(h);
        for (int i = 0; i < shownRows; i++) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%6d %8.4f %8.4f", i, r.entropyOverLogN()[i], r.queryTau()[i]));
            for (int j = 0; j < shownCols; j++) b.append(String.format(Locale.ROOT, " %9.6f", r.weights()[i][j]));
            out.println(b);
        }
        if (shownRows < n || shownCols < m) out.println("(showing " + shownRows + " of " + n + " rows and " + shownCols + " of " + m
                + " keys; use --json for all)");
        if (r.nanRows() > 0) out.println(r.nanRows() + " rows hold NaN (an overflow without the max shift)");
    }

    /** One JSON document (a file or standard input), or three 2-D .npy arrays named in --input. */
    private AttentionInput readInput() {
        String[] files = input.split(",");
        if (files.length == 3) {
            if (heads < 1) throw new InputException("", "--heads", heads + " must be >= 1");
            return AttentionFile.readNpy(Path.of(files[0].trim()), Path.of(files[1].trim()), Path.of(files[2].trim()), heads);
        }
        if (files.length != 1) {
            throw new InputException("", "--input", "give one JSON file, '-', or three .npy files Q,K,V (got " + files.length + ")");
        }
        return InputArgument.read(input, AttentionFile::readJson, AttentionFile::read);
    }
}
