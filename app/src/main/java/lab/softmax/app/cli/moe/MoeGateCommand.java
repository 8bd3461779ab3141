package lab.softmax.app.cli.moe;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.InputArgument;
import lab.softmax.app.cli.JsonDocumentOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.app.cli.TemperatureOption;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.moe.BatchRouting;
import lab.softmax.engine.moe.GateInput;
import lab.softmax.engine.moe.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Top-K sparse softmax gating of each input row: logits l_i(x) = (w_i.x + b_i)/T for k experts, the",
                "K highest are active (ties go to the lowest index), listed in ascending expert index with their weights.",
                "Input: {\"gates\":{\"weights\":[[...],...],\"biases\":[...]},\"x\":[[...],...]} (k rows of d weights,",
                "k biases, one or more rows of d inputs); '-' reads it from standard input.",
                "--json prints {\"points\":[{\"active\":[...],\"weights\":[...]},...]}; the weights sum to 1 except with",
                "softmax-topk. With --capacity-factor, also \"batch\": load per expert, capacity, dropped assignments",
                "(inputs served in row order), the Switch load-balancing loss k*sum f_i*P_i and the routing entropy.",
                "Bad input (K > k, K <= 0, NaN or Infinity, ragged rows, an empty x, missing or unknown fields)",
                "exits 2 with one line naming the file, the field with its index and the value."})
public final class MoeGateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, description = "gates and inputs as JSON, or '-' for standard input.")
    String input;

    @Option(names = "--top-k", required = true, paramLabel = "K", description = "active experts per input, 1..k")
    int topK;

    @Option(names = "--router", defaultValue = "topk-softmax",
            description = "topk-softmax (softmax over the K kept logits), softmax-topk (softmax over all k, keep K, "
                    + "no renormalising) or softmax-topk-renorm (and divide by their sum) (default: ${DEFAULT-VALUE})")
    String router;

    @Mixin TemperatureOption temperatureOption;

    @Option(names = "--capacity-factor", paramLabel = "C",
            description = "add the batch's statistics: each expert takes at most max(1, floor(C*K*N/k)) inputs (0: no limit)")
    Double capacityFactor;

    @Mixin JsonDocumentOption json;

    @Override
    public Integer call() {
        Router r = Options.parse(() -> Router.parse(router), "--router");
        double t = temperatureOption.value();
        if (capacityFactor != null && (!(capacityFactor >= 0) || !Double.isFinite(capacityFactor))) {
            throw new InputException("", "--capacity-factor", capacityFactor + " must be a finite number >= 0 (0: no limit)");
        }
        GateInput in = InputArgument.read(input, GateInput::read, GateInput::read);
        GateInput.Points points = in.route(topK, t, r);
        BatchRouting.Result batch = capacityFactor == null ? null
                : BatchRouting.route(in.gates(), in.x(), topK, t, r, capacityFactor);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            JsonOutput.print(out, toJson(points, batch));
        } else {
            printTable(out, in, points, batch, r, t);
        }
        return Cli.OK;
    }

    static ObjectNode toJson(GateInput.Points points, BatchRouting.Result batch) {
        ObjectNode o = JsonOutput.object();
        ArrayNode list = o.putArray("points");
        for (GateInput.Point p : points.points()) {
            ObjectNode e = list.addObject();
            ArrayNode active = e.putArray("active");
            for (int i : p.active()) active.add(i);
            e.set("weights", JsonOutput.array(p.weights()));
        }
        if (batch != null) {
            ObjectNode b = o.putObject("batch");
            b.put("capacity", batch.capacity() == Integer.MAX_VALUE ? -1 : batch.capacity());
            ArrayNode load = b.putArray("load");
            for (int v : batch.load()) load.add(v);
            ArrayNode served = b.putArray("served");
            for (int v : batch.served()) served.add(v);
            b.put("dropped_assignments", batch.droppedAssignments());
            b.put("dropped_inputs", batch.droppedInputs());
            ArrayNode dropped = b.putArray("dropped");
            for (int[] d : batch.dropped()) {
                ArrayNode row = dropped.addArray();
                for (int v : d) row.add(v);
            }
            b.put("aux_loss", batch.auxLoss());
            b.put("mean_entropy", batch.meanEntropy());
            b.put("load_entropy", batch.loadEntropy());
        }
        return o;
    }

    private static void printTable(PrintWriter out, GateInput in, GateInput.Points points, BatchRouting.Result batch,
                                   Router r, double t) {
        out.printf(Locale.ROOT, "%d experts, d=%d, top-%d, %s, T=%s: %d inputs%n", in.gates().experts(),
                in.gates().dimension(), points.points().get(0).active().length, r.id(), t, points.points().size());
        int shown = Math.min(points.points().size(), 50);
        for (int i = 0; i < shown; i++) {
            GateInput.Point p = points.points().get(i);
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%6d  ", i));
            for (int a = 0; a < p.active().length; a++) {
                b.append(String.format(Locale.ROOT, " E%d %.6f", p.active()[a], p.weights()[a]));
            }
            out.println(b);
        }
        if (shown < points.points().size()) out.println("(showing " + shown + " of " + points.points().size() + " inputs; use --json for all)");
        if (batch != null) {
            out.printf(Locale.ROOT, "load %s, capacity %s, served %s%n", Arrays.toString(batch.load()),
                    batch.capacity() == Integer.MAX_VALUE ? "unlimited" : Integer.toString(batch.capacity()),
                    Arrays.toString(batch.served()));
            out.printf(Locale.ROOT, "dropped: %d assignments, %d inputs entirely; aux loss %.6f; routing entropy %.6f nats; "
                    + "load entropy %.6f nats%n", batch.droppedAssignments(), batch.droppedInputs(), batch.auxLoss(),
                    batch.meanEntropy(), batch.loadEntropy());
        }
        out.flush();
    }
}
