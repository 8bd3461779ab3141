package lab.softmax.app.cli.ghosts;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.InputArgument;
import lab.softmax.app.cli.JsonDocumentOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.ghosts.BatchGhosts;
import lab.softmax.engine.ghosts.Ghosts;
import lab.softmax.engine.ghosts.GhostsInput;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.engine.ghosts.Zero;
import lab.softmax.engine.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "ghosts", mixinStandardHelpOptions = true,
        description = {"The Ghosts lab: complex zeros of F(t) = sum_k exp(z_k + a_k t) along a step direction.",
                "Reports delta_a, rho_a = pi/delta_a (the certified safe radius), rho_star = |nearest zero| (the exact "
                        + "radius of convergence of the loss's Taylor series along the step), the nearest zero and every zero "
                        + "with Im t > 0 and |t| <= M*rho_a, sorted by modulus (conjugates are zeros too).",
                "Input: {\"logits\":[...],\"direction\":[...]} with direction a_k = grad z_k . v, or {\"samples\":[{...},...]} "
                        + "for a batch (adds \"batch\":{rho_a, bottleneck_index, rho_star, rho_star_index}). '-' reads standard input.",
                "Numbers may be \"Infinity\"/\"-Infinity\"; a logit of -Infinity masks its class; NaN exits 2 naming its index.",
                "Radii are \"Infinity\" when delta_a = 0. Near-double zeros closer than 1e-7*rho_a are reported once with multiplicity 2."})
public final class GhostsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--zeros-within", defaultValue = "3", paramLabel = "M",
            description = "List the zeros with |t| <= M*rho_a, M in 0..1000 (default: ${DEFAULT-VALUE}).")
    double within;

    @Option(names = "--temperature", defaultValue = "1", paramLabel = "T",
            description = "Divide logits and direction by T (rho_a scales by exactly T; rho_star does not). Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--input", required = true, description = "JSON input file, or '-' for standard input.")
    String input;

    @Mixin JsonDocumentOption json;

    @Override
    public Integer call() {
        if (!(within >= 0 && within <= Ghosts.MAX_WITHIN)) {
            throw new InputException("", "--zeros-within", within + " is outside 0.." + (int) Ghosts.MAX_WITHIN);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException("", "--temperature", "must be a positive number, got " + temperature);
        }
        GhostsInput in = InputArgument.read(input, GhostsInput::read, GhostsInput::read);
        var logits = in.logits().stream().map(v -> scale(v, temperature)).toList();
        var directions = in.directions().stream().map(v -> scale(v, temperature)).toList();
        BatchGhosts.Result result;
        try {
            result = BatchGhosts.analyse(logits, directions, within);
        } catch (InputException e) {
            // the engine names the field; the user needs the file too
            // (and a single sample is no "samples[0]")
            String field = in.batch() ? e.field() : e.field().replaceFirst("^samples\\[0]\\.", "");
            throw e.source().isEmpty() ? new InputException(InputArgument.source(input), field, e.problem(), e) : e;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            JsonOutput.print(out, toJson(result, in.batch()));
        } else {
            for (int i = 0; i < result.samples().size(); i++) {
                if (in.batch()) out.printf(Locale.ROOT, "sample %d%n", i);
                printTable(out, result.samples().get(i));
            }
            if (in.batch()) {
                BatchGhosts.Summary s = result.summary();
                out.printf(Locale.ROOT, "batch: rho_a %.12g (bottleneck sample %d), rho* %.12g (sample %d)%n",
                        s.rhoA(), s.bottleneckIndex(), s.rhoStar(), s.rhoStarIndex());
            }
        }
        return Cli.OK;
    }

    static ObjectNode toJson(BatchGhosts.Result result, boolean batch) {
        if (!batch) return sampleJson(result.samples().get(0));
        ObjectNode doc = JsonOutput.object();
        ArrayNode samples = doc.putArray("samples");
        for (GhostsResult r : result.samples()) samples.add(sampleJson(r));
        ObjectNode b = doc.putObject("batch");
        b.put("rho_a", result.summary().rhoA());
        b.put("bottleneck_index", result.summary().bottleneckIndex());
        b.put("rho_star", result.summary().rhoStar());
        b.put("rho_star_index", result.summary().rhoStarIndex());
        return doc;
    }

    static ObjectNode sampleJson(GhostsResult r) {
        ObjectNode o = JsonOutput.object();
        o.put("delta_a", r.deltaA());
        o.put("rho_a", r.rhoA());
        o.put("rho_star", r.rhoStar());
        if (r.nearestZero() == null) {
            o.putNull("nearest_zero");
        } else {
            ObjectNode n = o.putObject("nearest_zero");
            n.put("re", r.nearestZero().re());
            n.put("im", r.nearestZero().im());
            n.put("multiplicity", r.nearestZero().multiplicity());
            n.put("rel_residual", r.nearestZero().relativeResidual());
        }
        ArrayNode zeros = o.putArray("zeros");
        for (Zero z : r.zeros()) {
            ObjectNode e = zeros.addObject();
            e.put("re", z.re());
            e.put("im", z.im());
            e.put("abs", z.abs());
            e.put("multiplicity", z.multiplicity());
        }
        o.put("ratio_rho_star_over_rho_a", r.nearestZero() == null ? Double.NaN : r.ratio());
        o.put("zeros_within", r.withinFactor());
        o.put("method", r.method());
        o.put("search_boxes", r.searchBoxes());
        return o;
    }

    private static void printTable(PrintWriter out, GhostsResult r) {
        out.printf(Locale.ROOT, "delta_a %.12g   rho_a = pi/delta_a = %.12g   rho* = %.12g   rho*/rho_a = %.6g   (%s)%n",
                r.deltaA(), r.rhoA(), r.rhoStar(), r.ratio(), r.method());
        if (r.nearestZero() == null) {
            out.println("no zeros: the direction moves every logit equally (delta_a = 0)");
            return;
        }
        out.printf(Locale.ROOT, "nearest zero  %.15g %+.15gi  (and its conjugate)%n", r.nearestZero().re(), r.nearestZero().im());
        out.printf(Locale.ROOT, "zeros with Im t > 0 and |t| <= %s rho_a: %d%n", r.withinFactor(), r.zeros().size());
        out.printf(Locale.ROOT, "%24s  %24s  %20s  %s%n", "Re t", "Im t", "|t|", "mult");
        for (Zero z : r.zeros()) {
            out.printf(Locale.ROOT, "%24.15g  %24.15g  %20.15g  %d%n", z.re(), z.im(), z.abs(), z.multiplicity());
        }
    }

    private static double[] scale(double[] v, double temperature) {
        if (temperature == 1) return v;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / temperature;
        return out;
    }
}
