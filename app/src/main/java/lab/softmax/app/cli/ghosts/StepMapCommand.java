package lab.softmax.app.cli.ghosts;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonLinesOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.ghosts.training.LrStepMap;
import lab.softmax.engine.ghosts.training.StepSafetyConfig;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "step-map", mixinStandardHelpOptions = true,
        description = {"The Ghosts lab's (learning rate x step) map: one seeded run per log-spaced base learning rate "
                + "(no spike) recording r = tau/rho_a at every step.",
                "--json streams {lr, r:[per step], max_r, first_nan_step} per rate (first_nan_step -1 if none), "
                        + "then {\"done\":true, rates, steps}; r is \"NaN\" once a run has diverged."})
public final class StepMapCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin TrainingDataOptions data;

    @Mixin ControllerOptions control;

    @Option(names = "--lr-min", defaultValue = "1e-4", description = "Smallest base rate (default: ${DEFAULT-VALUE})")
    double lrMin;

    @Option(names = "--lr-max", defaultValue = "1", description = "Largest base rate (default: ${DEFAULT-VALUE})")
    double lrMax;

    @Option(names = "--rates", defaultValue = "16", description = "Log-spaced rates (default: ${DEFAULT-VALUE})")
    int rates;

    @Option(names = "--steps", defaultValue = "60", description = "Steps per run (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch-size", defaultValue = "64", description = "Minibatch size, or 'full' (default: ${DEFAULT-VALUE})")
    String batchSize;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every run (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin JsonLinesOption json;

    @Override
    public Integer call() {
        var ds = data.dataset();
        var m = data.model();
        var opt = control.optimizer();
        var ctl = control.controller();
        int batch = StepSafetyCommand.batchSize(batchSize);
        double[] grid = Options.config(() -> LrStepMap.rates(lrMin, lrMax, rates));
        StepSafetyConfig base = Options.config(() -> new StepSafetyConfig(ds, m, opt, lrMin, 1, 0, 0, ctl, control.clipNorm(),
                steps, seed, batch));
        var split = data.load(seed);
        PrintWriter out = spec.commandLine().getOut();
        if (!json.on()) out.printf(Locale.ROOT, "%12s %12s %12s %12s%n", "lr", "r_first", "max_r", "first_nan");
        LrStepMap.run(base, grid, split, row -> {
            double maxR = 0;
            int firstNaN = -1;
            for (int t = 0; t < row.r().length; t++) {
                if (Double.isNaN(row.r()[t])) {
                    if (firstNaN < 0) firstNaN = t;
                } else {
                    maxR = Math.max(maxR, row.r()[t]);
                }
            }
            if (json.on()) {
                ObjectNode o = JsonOutput.object();
                o.put("lr", row.lr());
                ArrayNode r = o.putArray("r");
                for (double v : row.r()) r.add(v);
                o.put("max_r", maxR);
                o.put("first_nan_step", firstNaN);
                JsonOutput.printLine(out, o);
            } else {
                out.printf(Locale.ROOT, "%12.4g %12.4g %12.4g %12d%n", row.lr(), row.r()[0], maxR, firstNaN);
                out.flush();
            }
        }, Progress.NONE, Cancellation.none());
        if (json.on()) {
            ObjectNode done = JsonOutput.object();
            done.put("done", true);
            done.put("rates", grid.length);
            done.put("steps", steps);
            JsonOutput.printLine(out, done);
        }
        return Cli.OK;
    }
}
