package lab.softmax.app.cli.attention;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.attention.ValueDenoising;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "denoise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The value-denoising demo: 8 tokens x_j = mu + sigma_j*eps_j in R^4, sigma_j from {0.5, 1, 2, 4}",
                "shown as a flag. Vanilla attention (one logit per level) can only average; a value temperature",
                "tau_v = 1 + tanh(u_v.flag) can also shrink, as the Bayes estimator does. Prints the MSE per",
                "coordinate of vanilla, value-selective, the naive mean and Bayes on the same fresh contexts,",
                "and the learned logits and tau_v per level. A few seconds."})
public final class AttentionDenoiseCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "(default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--steps", defaultValue = "1000", description = "training steps of 64 contexts (default: ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        ValueDenoising.Config d = ValueDenoising.Config.defaults(seed);
        if (steps < 0) throw new lab.softmax.engine.io.InputException("", "--steps", steps + " must be >= 0");
        ValueDenoising.Config c = Options.config(() -> new ValueDenoising.Config(d.tokens(), d.dim(), d.levels(), steps,
                d.batchSize(), d.learningRate(), d.evalExamples(), seed));
        ValueDenoising.Result r = ValueDenoising.run(c, Progress.NONE, Cancellation.none());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var o = (tools.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(r);
            o.put("seed", seed);
            o.put("steps", steps);
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, "MSE per coordinate on %d fresh contexts (seed %d, %d steps):%n", c.evalExamples(), seed, steps);
            out.printf(Locale.ROOT, "  naive mean       %.4f%n  vanilla          %.4f%n  value-selective  %.4f%n  Bayes            %.4f%n",
                    r.naiveMeanMse(), r.vanillaMse(), r.valueSelectiveMse(), r.bayesMse());
            for (int l = 0; l < r.levels().length; l++) {
                out.printf(Locale.ROOT, "  sigma %-4s learned tau_v %.3f%n", r.levels()[l], r.valueTau()[l]);
            }
            out.flush();
        }
        return Cli.OK;
    }
}
